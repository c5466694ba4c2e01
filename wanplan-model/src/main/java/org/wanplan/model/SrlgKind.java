package org.wanplan.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What physical thing a shared-risk link group stands for. */
public enum SrlgKind {
    /** One duct or trench carrying several cables: one backhoe cuts them all. */
    DUCT,
    /** A shared right of way (road, railway, pipeline) over a longer distance. */
    CORRIDOR,
    /** One submarine cable system or a shared landing station. */
    SUBMARINE_CABLE,
    /** A building or exchange several spans pass through. */
    BUILDING,
    /** Anything else. */
    OTHER;

    /** Lower-case, hyphenated name used in files: {@code submarine-cable}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<SrlgKind> fromLabel(String label) {
        return Arrays.stream(values()).filter(k -> k.label().equals(label)).findFirst();
    }
}
