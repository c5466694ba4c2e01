package org.wanplan.io.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wanplan.model.GeoPoint;
import org.wanplan.model.Network;
import org.wanplan.model.NetworkFacts;

class BackboneGeneratorTest {
    @Test
    void gabriel_drops_an_edge_whose_diametral_circle_holds_a_third_point() {
        // A(0,0), B(2,0), C(1,0.5): C lies inside the circle on AB (centre (1,0), radius 1)
        double ab = 2;
        double ac = Math.hypot(1, 0.5);
        double bc = ac;
        double[][] d = {{0, ab, ac}, {ab, 0, bc}, {ac, bc, 0}};
        assertThat(BackboneGenerator.gabriel(d)).containsExactly(new int[] {0, 2}, new int[] {1, 2});
    }

    @Test
    void a_chain_of_inland_cities_becomes_a_survivable_network() {
        List<City> cities = List.of(
                city(1, "Alpha", 50.0, 8.0),
                city(2, "Beta", 50.5, 9.0),
                city(3, "Gamma", 51.0, 10.0),
                city(4, "Delta", 51.5, 11.0),
                city(5, "Epsilon", 50.2, 10.5));
        BackboneGenerator g = new BackboneGenerator(LandMask.load(), BackboneGenerator.Parameters.defaults());
        Network n = g.generate("chain", "test", cities);
        NetworkFacts f = NetworkFacts.of(n);
        assertThat(f.twoEdgeConnected()).isTrue();
        assertThat(n.spans()).noneMatch(s -> s.submarine());
        assertThat(g.generate("chain", "test", cities).spans()).isEqualTo(n.spans());
    }

    @Test
    void land_and_sea_are_told_apart() {
        LandMask land = LandMask.load();
        assertThat(land.countryAt(new GeoPoint(48.8566, 2.3522))).contains("FR"); // Paris
        assertThat(land.countryAt(new GeoPoint(59.91, 10.75))).contains("NO"); // Oslo (NE gives -99, ADM0 NOR)
        assertThat(land.isLand(new GeoPoint(50.2, -0.5))).isFalse(); // English Channel
        assertThat(land.isLand(new GeoPoint(43.0, 5.0))).isFalse(); // Gulf of Lion
    }

    @Test
    void ids_are_ascii_slugs_with_the_country_on_a_clash() {
        List<City> cities = List.of(
                city(1, "Frankfurt", 50.1, 8.7),
                new City(2, "Frankfurt (Oder)", "Frankfurt", "PL", new GeoPoint(52.3, 14.5), 1),
                new City(3, "Málaga", "Malaga", "ES", new GeoPoint(36.7, -4.4), 1));
        assertThat(BackboneGenerator.ids(cities)).containsExactly("frankfurt-de", "frankfurt-pl", "malaga");
    }

    private static City city(int rank, String name, double lat, double lon) {
        return new City(rank, name, name, "DE", new GeoPoint(lat, lon), 1_000_000 - rank);
    }
}
