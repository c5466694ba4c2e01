package org.wanplan.model;

import java.util.Optional;

/** The one rule every id follows: non-blank, no leading or trailing white space, no control characters. */
final class Ids {
    private Ids() {}

    static void requireValid(String value, String what) {
        problem(value).ifPresent(p -> {
            throw new IllegalArgumentException(what + " " + p);
        });
    }

    /** Why {@code value} is not a valid id, or empty when it is. */
    static Optional<String> problem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("must not be blank, was '" + value + "'");
        }
        if (!value.strip().equals(value)) {
            return Optional.of("must not start or end with white space, was '" + value + "'");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("must not contain control characters, was '" + value + "'");
        }
        return Optional.empty();
    }
}
