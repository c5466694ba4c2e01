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
    public Site {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(location, "location");
        if (!(bandwidthMbps > 0)) {
            throw new IllegalArgumentException("site " + id + ": bandwidthMbps must be > 0, was " + bandwidthMbps);
        }
        if (!(realtimePct >= 0 && businessPct >= 0 && realtimePct + businessPct <= 100)) {
            throw new IllegalArgumentException("site " + id + ": class shares must be ≥ 0 and add up to ≤ 100, were "
                    + realtimePct + " and " + businessPct);
        }
    }

    public double bestEffortPct() {
        return 100 - realtimePct - businessPct;
    }
}
