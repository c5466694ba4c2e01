package org.wanplan.io.input;

import org.wanplan.model.Fibre;

/**
 * How to fill in what an imported file does not say.
 *
 * @param routeFactor fibre km per great-circle km for spans without a measured length (default
 *     {@link Fibre#DEFAULT_ROUTE_FACTOR})
 * @param defaultCapacityGbps capacity of spans whose file gives none (default 100 Gbps: one
 *     coherent 100G wavelength, the smallest backbone line rate sold today)
 */
public record ImportOptions(double routeFactor, double defaultCapacityGbps) {
    public static final double DEFAULT_CAPACITY_GBPS = 100.0;
    /** The largest route factor accepted: real fibre routes run 1.1 to 1.6 times the great circle. */
    public static final double MAX_ROUTE_FACTOR = 3.0;

    public ImportOptions {
        if (!(routeFactor >= 1.0 && routeFactor <= MAX_ROUTE_FACTOR)) {
            throw new IllegalArgumentException(
                    "route factor must be a number from 1 to " + MAX_ROUTE_FACTOR + ", was " + routeFactor);
        }
        org.wanplan.model.Span.capacityProblem(defaultCapacityGbps).ifPresent(p -> {
            throw new IllegalArgumentException("default capacity: " + p);
        });
    }

    public static ImportOptions defaults() {
        return new ImportOptions(Fibre.DEFAULT_ROUTE_FACTOR, DEFAULT_CAPACITY_GBPS);
    }

    public ImportOptions withRouteFactor(double factor) {
        return new ImportOptions(factor, defaultCapacityGbps);
    }
}
