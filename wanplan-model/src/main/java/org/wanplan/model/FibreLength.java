package org.wanplan.model;

import java.util.Optional;

/** A span's fibre length in km and where that figure came from. */
public record FibreLength(double km, LengthSource source) {
    public FibreLength {
        problem(km).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        java.util.Objects.requireNonNull(source, "source");
    }

    public static FibreLength measured(double km) {
        return new FibreLength(km, LengthSource.MEASURED);
    }

    /**
     * Shortest estimated length, in km: two PoPs at the same coordinates (two sites in one city) are
     * still joined by a metro fibre of a few km, never by zero.
     */
    public static final double MIN_ESTIMATED_KM = 1.0;

    /**
     * Great-circle distance between {@code a} and {@code b} times {@code routeFactor} (≥ 1), at least
     * {@link #MIN_ESTIMATED_KM}.
     */
    public static FibreLength estimated(GeoPoint a, GeoPoint b, double routeFactor) {
        if (!(routeFactor >= 1.0) || Double.isInfinite(routeFactor)) {
            throw new IllegalArgumentException("route factor must be a finite number ≥ 1, was " + routeFactor);
        }
        return new FibreLength(
                Math.min(MAX_KM, Math.max(MIN_ESTIMATED_KM, a.distanceKm(b) * routeFactor)), LengthSource.ESTIMATED);
    }

    /**
     * The km of a span estimated from its great circle: {@code greatCircleKm} × {@code routeFactor}, to 0.1 km,
     * at least {@link #MIN_ESTIMATED_KM} — how the generated backbones, their express layer and the spans
     * {@code augment} proposes are measured.
     */
    public static double estimatedKm(double greatCircleKm, double routeFactor) {
        return Math.max(MIN_ESTIMATED_KM, Math.round(greatCircleKm * routeFactor * 10) / 10.0);
    }

    /**
     * The longest span accepted: 40,000 km, the Earth's circumference. The longest submarine systems are
     * about this long end to end (SEA-ME-WE 3, 39,000 km) and their spans between landings much shorter;
     * anything longer is a unit error (metres read as km).
     */
    public static final double MAX_KM = 40_000;

    /** Why {@code km} is not a valid length, or empty when it is (above 0, at most {@link #MAX_KM}). */
    public static Optional<String> problem(double km) {
        return km > 0 && km <= MAX_KM
                ? Optional.empty()
                : Optional.of("lengthKm must be a number above 0 and at most " + (long) MAX_KM + ", was " + km);
    }

    /** One-way propagation delay over this length; see {@link Fibre#latencyMs(double)}. */
    public double latencyMs() {
        return Fibre.latencyMs(km);
    }
}
