package org.wanplan.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FibreTest {
    @Test
    void a_thousand_km_of_fibre_take_about_4_9_ms() {
        // 1000 km * 1.468 / 299792.458 km/s = 4.8967 ms
        assertThat(Fibre.latencyMs(1000)).isCloseTo(4.8967, within(1e-4));
        assertThat(Fibre.LATENCY_MS_PER_KM * 1000).isCloseTo(4.897, within(1e-3)); // µs per km
    }

    @Test
    void estimated_length_is_great_circle_times_route_factor() {
        GeoPoint a = new GeoPoint(0, 0);
        GeoPoint b = new GeoPoint(0, 1);
        FibreLength l = FibreLength.estimated(a, b, 1.25);
        assertThat(l.km()).isCloseTo(1.25 * Geodesy.MEAN_EARTH_RADIUS_KM * Math.PI / 180, within(1e-9));
        assertThat(l.source()).isEqualTo(LengthSource.ESTIMATED);
    }

    @Test
    void colocated_pops_get_the_minimum_estimated_length() {
        GeoPoint a = new GeoPoint(48.85, 2.35);
        assertThat(FibreLength.estimated(a, a, 1.25).km()).isEqualTo(FibreLength.MIN_ESTIMATED_KM);
    }

    @Test
    void lengths_must_be_positive_and_at_most_the_earths_circumference() {
        assertThat(FibreLength.problem(-5)).contains("lengthKm must be a number above 0 and at most 40000, was -5.0");
        assertThat(FibreLength.problem(40_000)).isEmpty();
        assertThat(FibreLength.problem(40_000.5)).isPresent();
        assertThat(FibreLength.problem(1e308)).isPresent();
        assertThat(FibreLength.problem(Double.NaN)).isPresent();
        assertThat(FibreLength.problem(0)).isPresent();
        assertThat(FibreLength.problem(Double.POSITIVE_INFINITY)).isPresent();
        assertThat(FibreLength.problem(0.1)).isEmpty();
        assertThatThrownBy(() -> FibreLength.measured(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FibreLength.estimated(new GeoPoint(0, 0), new GeoPoint(1, 1), 0.9))
                .hasMessageContaining("route factor");
    }
}
