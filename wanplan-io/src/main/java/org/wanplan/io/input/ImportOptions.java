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

    public ImportOptions {
        if (!(routeFactor >= 1.0 && Double.isFinite(routeFactor))) {
            throw new IllegalArgumentException("route factor must be a finite number ≥ 1, was " + routeFactor);
        }
        if (!(defaultCapacityGbps >= 0 && Double.isFinite(defaultCapacityGbps))) {
            throw new IllegalArgumentException("default capacity must be ≥ 0 Gbps, was " + defaultCapacityGbps);
        }
    }

    public static ImportOptions defaults() {
        return new ImportOptions(Fibre.DEFAULT_ROUTE_FACTOR, DEFAULT_CAPACITY_GBPS);
    }

    public ImportOptions withRouteFactor(double factor) {
        return new ImportOptions(factor, defaultCapacityGbps);
    }
}
