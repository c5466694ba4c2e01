package org.wanplan.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class GeodesyTest {
    private static final double R = Geodesy.MEAN_EARTH_RADIUS_KM;

    @Test
    void quarter_meridian_is_a_quarter_of_the_circumference() {
        // closed form: pi * R / 2
        assertThat(Geodesy.greatCircleKm(new GeoPoint(0, 0), new GeoPoint(90, 0)))
                .isCloseTo(Math.PI * R / 2, within(1e-9));
    }

    @Test
    void one_degree_of_equator_is_r_times_pi_over_180() {
        assertThat(Geodesy.greatCircleKm(new GeoPoint(0, 10), new GeoPoint(0, 11)))
                .isCloseTo(R * Math.PI / 180, within(1e-9));
    }

    @Test
    void antipodes_are_half_the_circumference_apart() {
        assertThat(Geodesy.greatCircleKm(new GeoPoint(45, 10), new GeoPoint(-45, -170)))
                .isCloseTo(Math.PI * R, within(1e-6));
    }

    @Property(tries = 500, seed = "20261129")
    void haversine_agrees_with_the_vector_formula(
            @ForAll @DoubleRange(min = -89, max = 89) double lat1,
            @ForAll @DoubleRange(min = -180, max = 180) double lon1,
            @ForAll @DoubleRange(min = -89, max = 89) double lat2,
            @ForAll @DoubleRange(min = -180, max = 180) double lon2) {
        // independent formula: central angle = atan2(|a x b|, a . b) of the unit vectors
        double[] a = unit(lat1, lon1);
        double[] b = unit(lat2, lon2);
        double cx = a[1] * b[2] - a[2] * b[1];
        double cy = a[2] * b[0] - a[0] * b[2];
        double cz = a[0] * b[1] - a[1] * b[0];
        double angle = Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), a[0] * b[0] + a[1] * b[1] + a[2] * b[2]);
        assertThat(Geodesy.greatCircleKm(new GeoPoint(lat1, lon1), new GeoPoint(lat2, lon2)))
                .isCloseTo(angle * R, within(1e-6));
    }

    @Property(tries = 200, seed = "20261129")
    void the_midpoint_is_half_way_from_both_ends(
            @ForAll @DoubleRange(min = -80, max = 80) double lat1,
            @ForAll @DoubleRange(min = -170, max = 170) double lon1,
            @ForAll @DoubleRange(min = -80, max = 80) double lat2,
            @ForAll @DoubleRange(min = -170, max = 170) double lon2) {
        GeoPoint a = new GeoPoint(lat1, lon1);
        GeoPoint b = new GeoPoint(lat2, lon2);
        double total = a.distanceKm(b);
        GeoPoint mid = Geodesy.intermediate(a, b, 0.5);
        assertThat(a.distanceKm(mid)).isCloseTo(total / 2, within(1e-6 + total * 1e-9));
        assertThat(mid.distanceKm(b)).isCloseTo(total / 2, within(1e-6 + total * 1e-9));
    }

    @Test
    void bearings_point_the_expected_way() {
        GeoPoint origin = new GeoPoint(0, 0);
        assertThat(Geodesy.initialBearingDeg(origin, new GeoPoint(10, 0))).isCloseTo(0, within(1e-9));
        assertThat(Geodesy.initialBearingDeg(origin, new GeoPoint(0, 10))).isCloseTo(90, within(1e-9));
        assertThat(Geodesy.initialBearingDeg(origin, new GeoPoint(-10, 0))).isCloseTo(180, within(1e-9));
        assertThat(Geodesy.initialBearingDeg(origin, new GeoPoint(0, -10))).isCloseTo(270, within(1e-9));
    }

    @Test
    void coordinates_out_of_range_are_rejected_with_both_values() {
        assertThat(GeoPoint.problems(91, -181))
                .containsExactly(
                        "latitude must be in [-90, 90], was 91.0", "longitude must be in [-180, 180], was -181.0");
        assertThat(GeoPoint.problems(Double.NaN, 0)).hasSize(1);
    }

    private static double[] unit(double lat, double lon) {
        double phi = Math.toRadians(lat);
        double lambda = Math.toRadians(lon);
        return new double[] {Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)};
    }
}
