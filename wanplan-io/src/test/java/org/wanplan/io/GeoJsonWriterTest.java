package org.wanplan.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.wanplan.io.json.GeoJsonWriter;

/** The GeoJSON properties are an interface others script against: check each one. */
class GeoJsonWriterTest {
    @Test
    void pops_are_points_and_spans_are_line_strings_with_the_documented_properties() throws Exception {
        StringWriter out = new StringWriter();
        new GeoJsonWriter().write(RoundTripTest.awkward(), out);
        JsonNode fc = new ObjectMapper().readTree(out.toString());
        assertThat(fc.path("type").asText()).isEqualTo("FeatureCollection");
        JsonNode features = fc.path("features");
        assertThat(features).hasSize(6);

        JsonNode paris = features.get(0);
        assertThat(paris.path("geometry").path("type").asText()).isEqualTo("Point");
        assertThat(paris.path("geometry").path("coordinates").toString()).isEqualTo("[2.3522,48.8566]");
        assertThat(paris.path("properties").toString())
                .isEqualTo(
                        "{\"kind\":\"pop\",\"id\":\"par\",\"name\":\"Paris, FR\",\"country\":\"FR\",\"population\":11000000}");

        JsonNode peer = features.get(2);
        assertThat(peer.path("geometry").isNull()).isTrue();
        assertThat(peer.path("properties").path("country").isNull()).isTrue();

        JsonNode span = features.get(3);
        assertThat(span.path("geometry").path("type").asText()).isEqualTo("LineString");
        assertThat(span.path("geometry").path("coordinates").toString())
                .isEqualTo("[[2.3522,48.8566],[-0.1278,51.5074]]");
        assertThat(span.path("properties").toString())
                .isEqualTo("{\"kind\":\"span\",\"id\":\"par-lon\",\"a\":\"par\",\"b\":\"lon\",\"lengthKm\":460.5,"
                        + "\"lengthSource\":\"measured\",\"capacityGbps\":800.0,\"srlgs\":[\"cable-1\",\"duct-1\"],"
                        + "\"submarine\":true,\"ownership\":\"own\"}");

        JsonNode toPeer = features.get(5);
        assertThat(toPeer.path("geometry").isNull()).isTrue();
        assertThat(toPeer.path("properties").path("lengthKm").isNull()).isTrue();
    }
}
