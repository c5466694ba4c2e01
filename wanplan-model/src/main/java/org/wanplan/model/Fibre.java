package org.wanplan.model;

/**
 * Physical constants of optical fibre used to turn kilometres into delay.
 *
 * <p>Light in standard single-mode fibre (ITU-T G.652) travels at c / n<sub>g</sub> where the group
 * index n<sub>g</sub> at 1550 nm is about 1.468 (Corning SMF-28 datasheet: 1.4682). That gives
 * 1.468 / 299,792.458 km/s ≈ 4.897 µs per km of fibre, the "5 µs per km" rule of thumb.
 */
public final class Fibre {
    /** Group index of G.652 fibre at 1550 nm. */
    public static final double GROUP_INDEX = 1.468;

    /** Speed of light in vacuum, km/s (exact by definition of the metre). */
    public static final double SPEED_OF_LIGHT_KM_PER_S = 299_792.458;

    /** One-way propagation delay per km of fibre, in milliseconds (≈ 0.004897 ms = 4.9 µs). */
    public static final double LATENCY_MS_PER_KM = GROUP_INDEX / SPEED_OF_LIGHT_KM_PER_S * 1000.0;

    /**
     * Default ratio of laid fibre length to great-circle distance. Terrestrial routes follow roads,
     * railways and rights of way; published European backbone measurements put the ratio between 1.2
     * and 1.5, and 1.25 is the common planning figure.
     */
    public static final double DEFAULT_ROUTE_FACTOR = 1.25;

    private Fibre() {}

    /** One-way propagation delay in ms over {@code km} of fibre. */
    public static double latencyMs(double km) {
        return km * LATENCY_MS_PER_KM;
    }
}
