package org.wanplan.routing;

import java.util.OptionalDouble;
import java.util.Set;
import org.wanplan.model.PopId;
import org.wanplan.model.SpanId;
import org.wanplan.model.SrlgId;

/**
 * What a constrained path (CSPF) must respect.
 *
 * @param minAvailableGbps every span must have at least this much capacity left (0: no bandwidth check)
 * @param maxLatencyMs the path's one-way propagation delay must not exceed this
 */
public record Constraints(
        double minAvailableGbps,
        OptionalDouble maxLatencyMs,
        Set<PopId> excludedPops,
        Set<SpanId> excludedSpans,
        Set<SrlgId> excludedSrlgs) {
    public Constraints {
        excludedPops = Set.copyOf(excludedPops);
        excludedSpans = Set.copyOf(excludedSpans);
        excludedSrlgs = Set.copyOf(excludedSrlgs);
        if (!(minAvailableGbps >= 0)) {
            throw new IllegalArgumentException("minAvailableGbps must be ≥ 0, was " + minAvailableGbps);
        }
    }

    public static Constraints none() {
        return new Constraints(0, OptionalDouble.empty(), Set.of(), Set.of(), Set.of());
    }

    public Constraints withBandwidth(double gbps) {
        return new Constraints(gbps, maxLatencyMs, excludedPops, excludedSpans, excludedSrlgs);
    }

    public Constraints withMaxLatency(double ms) {
        return new Constraints(minAvailableGbps, OptionalDouble.of(ms), excludedPops, excludedSpans, excludedSrlgs);
    }
}
