package org.wanplan.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.wanplan.model.Network;
import org.wanplan.model.Srlg;

/**
 * A set of elements failing together: one span, one PoP, one SRLG (all its spans), or any combination.
 * A {@link Mask} over the network, never a copy.
 *
 * @param name how reports name it ({@code span paris-rouen}, or a scenario file's name)
 * @param kind what failed
 * @param down the failed spans and PoPs
 */
public record FailureScenario(String name, Kind kind, Mask down) {
    /** What a scenario fails. */
    public enum Kind {
        /** nothing: the intact network, as a state among failure states */
        NONE,
        SPAN,
        POP,
        SRLG,
        /** several elements at once (a scenario file's line, a what-if) */
        MULTI
    }

    public FailureScenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(down, "down");
    }

    /**
     * The kinds named in {@code csv}, e.g. {@code span,pop,srlg}.
     *
     * @throws IllegalArgumentException naming the first word that is not span, pop or srlg
     */
    public static java.util.Set<Kind> kinds(String csv) {
        java.util.Set<Kind> chosen = java.util.EnumSet.noneOf(Kind.class);
        for (String k : csv.split(",", -1)) {
            switch (k.strip()) {
                case "span" -> chosen.add(Kind.SPAN);
                case "pop" -> chosen.add(Kind.POP);
                case "srlg" -> chosen.add(Kind.SRLG);
                default -> throw new IllegalArgumentException("kinds are span, pop and srlg, was '" + k.strip() + "'");
            }
        }
        return chosen;
    }

    /**
     * The scenarios of a sweep: every single failure of the chosen {@code kinds} ({@code order} 1) or every
     * pair of them ({@link #pairs}, order 2); with {@code sample}, that many of them drawn by {@link #sample}
     * with {@code seed}. Both engines, local and Spark, sweep this list, scenario k with sequence number k.
     */
    public static List<FailureScenario> sweep(
            Network n, int order, java.util.Set<Kind> kinds, java.util.OptionalInt sample, long seed) {
        if (order != 1 && order != 2) {
            throw new IllegalArgumentException("order must be 1 or 2, was " + order);
        }
        List<FailureScenario> all = order == 1 ? singles(n, kinds) : pairs(n, kinds);
        return sample.isPresent() ? sample(all, sample.getAsInt(), seed) : all;
    }

    /**
     * What the lines of a scenario file give: the scenarios, or every problem ({@code file:line: message}) and
     * then none.
     */
    public record Parsed(List<FailureScenario> scenarios, List<String> problems) {
        public Parsed {
            scenarios = List.copyOf(scenarios);
            problems = List.copyOf(problems);
        }
    }

    /**
     * Multi-element failure scenarios, one per line: {@code NAME: span:ID, pop:ID, srlg:ID …} (a colon and a
     * space end the name). Blank lines and lines starting with {@code #} are ignored; names are unique. Both
     * engines read scenario files with this, so a line means the same scenario on either.
     */
    public static Parsed parse(Network n, List<String> lines, String file) {
        List<FailureScenario> scenarios = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = file + ":" + (i + 1) + ": ";
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(": "); // "NAME: span:ID" — only the name's colon is followed by a space
            if (colon <= 0) {
                problems.add(where + "expected 'NAME: span:ID, pop:ID, srlg:ID …', was '" + line + "'");
                continue;
            }
            String name = line.substring(0, colon).strip();
            if (!names.add(name)) {
                problems.add(where + "duplicate scenario name '" + name + "'");
            }
            Mask mask = Mask.none();
            boolean ok = true;
            for (String element : line.substring(colon + 1).split(",")) {
                String e = element.strip();
                java.util.Optional<Mask> with = mask.withElement(n, e);
                if (with.isPresent()) {
                    mask = with.get();
                } else {
                    problems.add(
                            where + "unknown element '" + e + "' (use span:ID, pop:ID or srlg:ID of " + n.name() + ")");
                    ok = false;
                }
            }
            if (ok) {
                scenarios.add(new FailureScenario(name, Kind.MULTI, mask));
            }
        }
        return problems.isEmpty() ? new Parsed(scenarios, List.of()) : new Parsed(List.of(), problems);
    }

    /** {@code first} then {@code then}, as one list, neither copied (a sweep's list is generated lazily). */
    public static List<FailureScenario> concat(List<FailureScenario> first, List<FailureScenario> then) {
        if (then.isEmpty()) {
            return first;
        }
        return new java.util.AbstractList<>() {
            @Override
            public FailureScenario get(int k) {
                return k < first.size() ? first.get(k) : then.get(k - first.size());
            }

            @Override
            public int size() {
                return first.size() + then.size();
            }
        };
    }

    /** The intact network. */
    public static FailureScenario intact() {
        return INTACT;
    }

    private static final FailureScenario INTACT = new FailureScenario("intact", Kind.NONE, Mask.none());

    /** Each span cut on its own, in span order. */
    public static List<FailureScenario> spanCuts(Network n) {
        List<FailureScenario> all = new ArrayList<>();
        for (int s = 0; s < n.spans().size(); s++) {
            all.add(new FailureScenario(
                    "span " + n.spans().get(s).id(), Kind.SPAN, Mask.none().withSpanIndex(s)));
        }
        return all;
    }

    /** Every single failure: each span, each PoP, each SRLG, in that order. */
    public static List<FailureScenario> singles(Network n) {
        List<FailureScenario> all = new ArrayList<>(spanCuts(n));
        for (int p = 0; p < n.pops().size(); p++) {
            all.add(new FailureScenario(
                    "pop " + n.pops().get(p).id(), Kind.POP, Mask.none().withPopIndex(p)));
        }
        for (Srlg g : n.srlgs()) {
            all.add(new FailureScenario("srlg " + g.id(), Kind.SRLG, Mask.none().withSrlgs(n, List.of(g.id()))));
        }
        return all;
    }

    /** The single failures of the chosen {@code kinds} (SPAN, POP, SRLG), in {@link #singles} order. */
    public static List<FailureScenario> singles(Network n, java.util.Set<Kind> kinds) {
        return singles(n).stream().filter(sc -> kinds.contains(sc.kind())).toList();
    }

    /**
     * Every unordered pair of the single failures of the chosen {@code kinds}, generated when asked for (the
     * list holds two ints a pair, not the scenarios). A pair one element already implies is left out: an
     * element implies another when everything the other takes down, it takes down too — a PoP takes its own
     * spans (and an SRLG whose spans all end at it), an SRLG takes its member spans, and two SRLGs of the same
     * spans imply each other. Pairs are in (i, j) order of the singles, i &lt; j.
     */
    public static List<FailureScenario> pairs(Network n, java.util.Set<Kind> kinds) {
        List<FailureScenario> singles = singles(n, kinds);
        int m = singles.size();
        java.util.BitSet[] spans = new java.util.BitSet[m];
        java.util.BitSet[] pops = new java.util.BitSet[m];
        for (int i = 0; i < m; i++) {
            Mask mask = singles.get(i).down();
            spans[i] = mask.spanBits();
            pops[i] = mask.popBits();
            for (int p = pops[i].nextSetBit(0); p >= 0; p = pops[i].nextSetBit(p + 1)) {
                for (int s : n.incidentSpanIndices(p)) {
                    spans[i].set(s);
                }
            }
        }
        long[] packed = new long[16];
        int size = 0;
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                if (covers(spans[i], pops[i], spans[j], pops[j]) || covers(spans[j], pops[j], spans[i], pops[i])) {
                    continue;
                }
                if (size == packed.length) {
                    packed = java.util.Arrays.copyOf(packed, packed.length * 2);
                }
                packed[size++] = (long) i << 32 | j;
            }
        }
        long[] pairs = java.util.Arrays.copyOf(packed, size);
        return new java.util.AbstractList<>() {
            @Override
            public FailureScenario get(int k) {
                FailureScenario a = singles.get((int) (pairs[k] >>> 32));
                FailureScenario b = singles.get((int) pairs[k]);
                return new FailureScenario(
                        a.name() + " + " + b.name(), Kind.MULTI, a.down().and(b.down()));
            }

            @Override
            public int size() {
                return pairs.length;
            }
        };
    }

    /** Whether (spans a, pops a) takes down everything (spans b, pops b) does. */
    private static boolean covers(
            java.util.BitSet spansA, java.util.BitSet popsA, java.util.BitSet spansB, java.util.BitSet popsB) {
        java.util.BitSet s = (java.util.BitSet) spansB.clone();
        s.andNot(spansA);
        if (!s.isEmpty()) {
            return false;
        }
        java.util.BitSet p = (java.util.BitSet) popsB.clone();
        p.andNot(popsA);
        return p.isEmpty();
    }

    /**
     * {@code count} of {@code scenarios} drawn without replacement by a seeded generator, in list order (all of
     * them when there are no more).
     */
    public static List<FailureScenario> sample(List<FailureScenario> scenarios, int count, long seed) {
        int n = scenarios.size();
        if (count >= n) {
            return scenarios;
        }
        // Floyd's algorithm: count distinct indices in O(count)
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        java.util.Set<Integer> chosen = new java.util.HashSet<>();
        for (int j = n - count; j < n; j++) {
            int t = random.nextInt(j + 1);
            chosen.add(chosen.contains(t) ? j : t);
        }
        int[] sorted = chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
        return new java.util.AbstractList<>() {
            @Override
            public FailureScenario get(int k) {
                return scenarios.get(sorted[k]);
            }

            @Override
            public int size() {
                return sorted.length;
            }
        };
    }
}
