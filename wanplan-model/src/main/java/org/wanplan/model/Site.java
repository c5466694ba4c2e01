package org.wanplan.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One customer site.
 *
 * @param city the city the site was placed by, when given by name (GeoNames), empty for coordinates
 * @param country ISO 3166-1 alpha-2, empty when only coordinates were given
 * @param realtimePct share of the access bandwidth in the real-time class, 0 … 100
 * @param businessPct share in the business class; best effort is the rest
 */
public record Site(
        String id,
        String name,
        GeoPoint location,
        Optional<String> city,
        Optional<String> country,
        SiteRole role,
        double bandwidthMbps,
        double realtimePct,
        double businessPct,
        Resilience resilience) {
    /** The smallest access bandwidth accepted: 64 kbit/s, one ITU-T G.703 timeslot, the smallest circuit sold. */
    public static final double MIN_BANDWIDTH_MBPS = 0.064;
    /** The largest: 800 Gbit/s, the fastest Ethernet port standardised (IEEE 802.3df-2024). */
    public static final double MAX_BANDWIDTH_MBPS = 800_000;

    public Site {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(location, "location");
        bandwidthProblem(bandwidthMbps).ifPresent(p -> {
            throw new IllegalArgumentException("site " + id + ": " + p);
        });
        if (!(realtimePct >= 0 && businessPct >= 0 && realtimePct + businessPct <= 100)) {
            throw new IllegalArgumentException("site " + id + ": class shares must be ≥ 0 and add up to ≤ 100, were "
                    + realtimePct + " and " + businessPct);
        }
    }

    /** Why {@code mbps} is not an access bandwidth, or empty when it is. */
    public static Optional<String> bandwidthProblem(double mbps) {
        return mbps >= MIN_BANDWIDTH_MBPS && mbps <= MAX_BANDWIDTH_MBPS
                ? Optional.empty()
                : Optional.of("bandwidthMbps must be from " + MIN_BANDWIDTH_MBPS + " (64 kbit/s) to "
                        + (long) MAX_BANDWIDTH_MBPS + " (800 Gbit/s), was " + mbps);
    }

    public double bestEffortPct() {
        return 100 - realtimePct - businessPct;
    }
}
