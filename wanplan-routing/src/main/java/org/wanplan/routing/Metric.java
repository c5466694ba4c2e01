package org.wanplan.routing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.wanplan.model.Span;

/**
 * What a shortest path minimises. Spans without a known length cannot be weighed in km or latency;
 * they are unusable for those metrics (and usable for the others).
 */
public enum Metric {
    /** One-way propagation delay in ms: fibre km × {@link org.wanplan.model.Fibre#LATENCY_MS_PER_KM}. */
    LATENCY,
    /** Fibre km. */
    KM,
    /**
     * Relative cost of using the span: its fibre km plus {@link #COST_PER_SPAN} for the terminal
     * equipment (transponders, ROADM ports) at its ends.
     */
    COST,
    /** Number of spans. */
    HOPS,
    /**
     * An IGP metric as routers derive it from bandwidth: {@link #IGP_REFERENCE_GBPS} ÷ capacity,
     * rounded up, at least 1 (the OSPF reference-bandwidth rule, with a 100 Tbit/s reference).
     */
    IGP;

    /** The equipment part of {@link #COST}, in km-equivalents. */
    public static final double COST_PER_SPAN = 100.0;

    /** Reference bandwidth of {@link #IGP}, Gbps. */
    public static final double IGP_REFERENCE_GBPS = 100_000.0;

    /** The span's weight, or NaN when it cannot be weighed (no length for KM, LATENCY, COST). */
    public double weight(Span span) {
        return switch (this) {
            case LATENCY -> span.length().map(l -> l.latencyMs()).orElse(Double.NaN);
            case KM -> span.length().map(l -> l.km()).orElse(Double.NaN);
            case COST -> span.length().map(l -> l.km() + COST_PER_SPAN).orElse(Double.NaN);
            case HOPS -> 1.0;
            case IGP ->
                span.capacityGbps() <= 0
                        ? IGP_REFERENCE_GBPS
                        : Math.max(1.0, Math.ceil(IGP_REFERENCE_GBPS / span.capacityGbps()));
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Metric> fromLabel(String label) {
        return Arrays.stream(values()).filter(m -> m.label().equals(label)).findFirst();
    }
}
