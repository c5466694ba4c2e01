package org.wanplan.model;

import java.util.Arrays;
import java.util.Optional;

/** Where a span's fibre length came from. */
public enum LengthSource {
    /** Given by the source data (a survey, the operator's records, an explicit file value). */
    MEASURED,
    /** Great-circle distance between the endpoints multiplied by a route factor. */
    ESTIMATED;

    /** The lower-case name used in every file format: {@code measured} or {@code estimated}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The source whose {@link #label()} is {@code label}. */
    public static Optional<LengthSource> fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst();
    }
}
