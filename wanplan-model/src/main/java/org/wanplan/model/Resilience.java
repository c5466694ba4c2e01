package org.wanplan.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A site's resilience option, in RFC 8299 (L3SM) terms. */
public enum Resilience {
    /** One access tail to one PoP. */
    SINGLE,
    /**
     * Two access tails to the same PoP, on whatever route the access network gives them: nothing keeps them
     * apart, so a cut on the route takes both (they protect the equipment at either end).
     */
    DUAL_ACCESS,
    /** Two tails to two different PoPs. */
    POP_DIVERSE,
    /** Two PoPs, and backbone paths that share no SRLG. */
    SRLG_DIVERSE,
    /**
     * Two access tails to the same PoP on physically separate routes, from separate building entries —
     * what Openreach sells as Resilience Option 2, "the only Openreach-supported method that guarantees
     * diverse routing between two circuits" (Neos Networks, "What is RO2?"). A priced option.
     */
    DUAL_ACCESS_DIVERSE;

    /** Lower-case, hyphenated: {@code dual-access}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Resilience> fromLabel(String label) {
        return Arrays.stream(values()).filter(r -> r.label().equals(label)).findFirst();
    }

    /** Whether the site is homed on two PoPs. */
    public boolean twoPops() {
        return this == POP_DIVERSE || this == SRLG_DIVERSE;
    }
}
