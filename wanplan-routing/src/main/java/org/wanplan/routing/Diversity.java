package org.wanplan.routing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How independent a working and a protection path are, weakest first. */
public enum Diversity {
    /** No span in common (PoPs may be shared). */
    SPAN,
    /** No span and no PoP in common other than the two ends. */
    NODE,
    /** Node-disjoint and no shared-risk link group in common. */
    SRLG;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Diversity> fromLabel(String label) {
        return Arrays.stream(values()).filter(d -> d.label().equals(label)).findFirst();
    }

    /** The next weaker level, as a planner falls back: SRLG → node → span → none. */
    Optional<Diversity> weaker() {
        return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
    }
}
