package org.wanplan.model;

import java.util.Optional;

/**
 * The one rule every id follows: non-blank, no leading or trailing white space, no control, format or
 * line/paragraph separator characters (a NUL, a tab, U+2028, a right-to-left override): such an id cannot
 * be told apart from another one on a screen, or breaks the line-based formats it is written to.
 */
public final class Ids {
    private Ids() {}

    static void requireValid(String value, String what) {
        problem(value).ifPresent(p -> {
            throw new IllegalArgumentException(what + " " + p);
        });
    }

    /** Why {@code value} is not a valid id, or empty when it is. */
    public static Optional<String> problem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("must not be blank, was '" + value + "'");
        }
        if (!value.strip().equals(value)) {
            return Optional.of("must not start or end with white space, was '" + value + "'");
        }
        if (value.codePoints().anyMatch(Ids::invisible)) {
            return Optional.of("must not contain control, format or separator characters, was '" + value + "'");
        }
        return Optional.empty();
    }

    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
