package org.wanplan.io.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wanplan.model.GeoPoint;

class LandMaskTest {
    @Test
    void land_and_sea_are_told_apart() {
        LandMask land = LandMask.load();
        assertThat(land.countryAt(new GeoPoint(48.8566, 2.3522))).contains("FR"); // Paris
        assertThat(land.countryAt(new GeoPoint(59.91, 10.75))).contains("NO"); // Oslo (NE gives -99, ADM0 NOR)
        assertThat(land.isLand(new GeoPoint(50.2, -0.5))).isFalse(); // English Channel
        assertThat(land.isLand(new GeoPoint(43.0, 5.0))).isFalse(); // Gulf of Lion
    }
}
