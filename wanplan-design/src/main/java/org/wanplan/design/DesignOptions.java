package org.wanplan.design;

import org.wanplan.model.PartnerBook;
import org.wanplan.routing.availability.AvailabilityModel;

/**
 * The assumptions of a design, each documented and overridable.
 *
 * @param subscriptionRatio access bandwidth ÷ the traffic a site sends at once (default 4: sites rarely
 *     burst to all peers together; the hose model's usual planning ratio)
 * @param perHopMs one-way allowance per PoP a packet crosses, for switching and queueing (default 0.05 ms)
 * @param realtimeRttMs round-trip target of the real-time class: ITU-T Y.1541 class 0, 100 ms one-way
 * @param businessRttMs round-trip target of the business class: Y.1541 class 2, 100 ms one-way
 * @param bestEffortRttMs round-trip target of best effort: Y.1541 class 4, 1 s one-way
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
        double realtimeRttMs,
        double businessRttMs,
        double bestEffortRttMs,
        boolean restoration,
        PartnerBook partners) {
    public DesignOptions {
        if (!(subscriptionRatio >= 1) || !(perHopMs >= 0)) {
            throw new IllegalArgumentException("subscription ratio must be ≥ 1 and per-hop allowance ≥ 0, were "
                    + subscriptionRatio + ", " + perHopMs);
        }
        java.util.Objects.requireNonNull(partners, "partners");
    }

    public static DesignOptions defaults(Topology topology) {
        return new DesignOptions(
                topology,
                Homing.defaults(),
                AvailabilityModel.defaults(),
                4,
                0.05,
                200,
                200,
                2000,
                true,
                PartnerBook.defaults());
    }

    /** The same options with site availability on the static path to the anchor. */
    public DesignOptions withoutRestoration() {
        return new DesignOptions(
                topology,
                homing,
                availability,
                subscriptionRatio,
                perHopMs,
                realtimeRttMs,
                businessRttMs,
                bestEffortRttMs,
                false,
                partners);
    }

    /** The same options with another partner book. */
    public DesignOptions withPartners(PartnerBook partners) {
        return new DesignOptions(
                topology,
                homing,
                availability,
                subscriptionRatio,
                perHopMs,
                realtimeRttMs,
                businessRttMs,
                bestEffortRttMs,
                restoration,
                partners);
    }
}
