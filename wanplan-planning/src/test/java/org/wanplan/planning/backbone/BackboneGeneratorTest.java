package org.wanplan.planning.backbone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wanplan.io.builtin.BuiltinNetworks;
import org.wanplan.io.builtin.LandMask;
import org.wanplan.io.json.JsonNetworkWriter;
import org.wanplan.model.City;
import org.wanplan.model.GeoPoint;
import org.wanplan.model.Network;
import org.wanplan.model.NetworkFacts;

class BackboneGeneratorTest {
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
    void ids_are_ascii_slugs_with_the_country_on_a_clash() {
        List<City> cities = List.of(
                city(1, "Frankfurt", 50.1, 8.7),
                new City(2, "Frankfurt (Oder)", "Frankfurt", "PL", new GeoPoint(52.3, 14.5), 1),
                new City(3, "Málaga", "Malaga", "ES", new GeoPoint(36.7, -4.4), 1));
        assertThat(BackboneGenerator.ids(cities)).containsExactly("frankfurt-de", "frankfurt-pl", "malaga");
    }

    @Test
    void generating_reproduces_the_shipped_files_byte_for_byte() throws Exception {
        BackboneGenerator generator = new BackboneGenerator(LandMask.load(), BackboneGenerator.Parameters.defaults());
        for (String name : BuiltinNetworks.GENERATED) {
            BuiltinNetworks.Source source = BuiltinNetworks.source(name);
            StringWriter generated = new StringWriter();
            new JsonNetworkWriter()
                    .write(generator.generate(source.name(), source.attribution(), source.cities()), generated);
            try (InputStream shipped = BuiltinNetworks.class.getResourceAsStream(name + ".json")) {
                assertThat(generated.toString())
                        .as(name)
                        .isEqualTo(new String(shipped.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    private static City city(int rank, String name, double lat, double lon) {
        return new City(rank, name, name, "DE", new GeoPoint(lat, lon), 1_000_000 - rank);
    }
}
