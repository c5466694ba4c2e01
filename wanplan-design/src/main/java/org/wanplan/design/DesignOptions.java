package org.wanplan.design;

import org.wanplan.model.PartnerBook;
import org.wanplan.model.RttTargets;
import org.wanplan.routing.availability.AvailabilityModel;

/**
 * The assumptions of a design, each documented and overridable.
 *
 * @param subscriptionRatio access bandwidth ÷ the traffic a site sends at once (default 4: sites rarely
 *     burst to all peers together; the hose model's usual planning ratio)
 * @param perHopMs one-way allowance per PoP a packet crosses, for switching and queueing (default 0.05 ms)
 * @param rtt round-trip targets per class by distance band ({@link RttTargets#defaults()})
 * @param restoration site availability with restoration (the backbone reroutes; default) or on the static
 *     path to the anchor
 * @param partners who provides off-net tails in each country and how fast they repair them
 *     ({@link PartnerBook#defaults()})
 */
public record DesignOptions(
        Topology topology,
        Homing homing,
        AvailabilityModel availability,
        double subscriptionRatio,
        double perHopMs,
        RttTargets rtt,
        boolean restoration,
        PartnerBook partners) {
    public DesignOptions {
        if (!(subscriptionRatio >= 1) || !(perHopMs >= 0)) {
            throw new IllegalArgumentException("subscription ratio must be ≥ 1 and per-hop allowance ≥ 0, were "
                    + subscriptionRatio + ", " + perHopMs);
        }
        java.util.Objects.requireNonNull(rtt, "rtt");
        java.util.Objects.requireNonNull(partners, "partners");
    }

    public static DesignOptions defaults(Topology topology) {
        return new DesignOptions(
                topology,
                Homing.defaults(),
                AvailabilityModel.defaults(),
                4,
                0.05,
                RttTargets.defaults(),
                true,
                PartnerBook.defaults());
    }

    /** The same options with site availability on the static path to the anchor. */
    public DesignOptions withoutRestoration() {
        return new DesignOptions(topology, homing, availability, subscriptionRatio, perHopMs, rtt, false, partners);
    }

    /** The same options with another partner book. */
    public DesignOptions withPartners(PartnerBook partners) {
        return new DesignOptions(
                topology, homing, availability, subscriptionRatio, perHopMs, rtt, restoration, partners);
    }

    /** The same options with other round-trip targets. */
    public DesignOptions withRtt(RttTargets rtt) {
        return new DesignOptions(
                topology, homing, availability, subscriptionRatio, perHopMs, rtt, restoration, partners);
    }
}
