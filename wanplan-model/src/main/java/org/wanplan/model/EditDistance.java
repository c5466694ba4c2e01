package org.wanplan.model;

/** How far apart two names are, for "did you mean" suggestions. */
public final class EditDistance {
    private EditDistance() {}

    /**
     * The Levenshtein distance: the fewest single-character insertions, deletions and substitutions that
     * turn {@code a} into {@code b}. O(|a|·|b|) time, O(|b|) memory (two rows).
     */
    public static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(substitution, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
