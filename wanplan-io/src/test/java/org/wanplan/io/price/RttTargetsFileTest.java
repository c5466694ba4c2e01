package org.wanplan.io.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wanplan.io.input.InputException;
import org.wanplan.model.RttTargets;

class RttTargetsFileTest {
    private static RttTargets yaml(String text) throws Exception {
        return RttTargetsFile.read(new StringReader(text), "rtt.yaml", true);
    }

    @Test
    void bands_are_read_in_order_and_the_last_holds_every_longer_pair() throws Exception {
        RttTargets t = yaml("""
                bands:
                  - {upToKm: 500, realtimeMs: 10, businessMs: 20, bestEffortMs: 500}
                  - {realtimeMs: 60, businessMs: 80, bestEffortMs: 2000}
                """);
        assertThat(t.bands())
                .containsExactly(
                        new RttTargets.Band(500, 10, 20, 500),
                        new RttTargets.Band(Double.POSITIVE_INFINITY, 60, 80, 2000));
        assertThat(t.forKm(500).realtimeMs()).isEqualTo(10);
        assertThat(t.forKm(501).realtimeMs()).isEqualTo(60);
        // the default table, written out, reads back as the defaults
        assertThat(RttTargetsFile.read(new StringReader("""
                                {"bands": [
                                  {"upToKm": 1000, "realtimeMs": 30, "businessMs": 50, "bestEffortMs": 2000},
                                  {"upToKm": 4000, "realtimeMs": 45, "businessMs": 70, "bestEffortMs": 2000},
                                  {"realtimeMs": 90, "businessMs": 110, "bestEffortMs": 2000}
                                ]}
                                """), "rtt.json", false))
                .isEqualTo(RttTargets.defaults());
    }

    @Test
    void every_bad_band_is_named_with_its_line_and_value() {
        assertThatThrownBy(() -> yaml("""
                        bands:
                          - {upToKm: 1000, realtimeMs: 0, businessMs: 50, bestEffortMs: 2000}
                          - {upToKm: 900, realtimeMs: 40, businessMs: fast, bestEffortMs: 2000}
                          - {upToKm: 5000, realtimeMs: 90, bestEffortMs: 2000, jitterMs: 5}
                        """))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(
                        "rtt.yaml:2: bands[0].realtimeMs must be a number more than 0 and at most" + " 60000 ms, was 0")
                .hasMessageContaining(
                        "rtt.yaml:3: bands[1].upToKm must be above the band before's (1000 km)," + " was 900")
                .hasMessageContaining("rtt.yaml:3: bands[1].businessMs must be a number more than 0 and at most"
                        + " 60000 ms, was \"fast\"")
                .hasMessageContaining("rtt.yaml:4: unknown field 'bands[2].jitterMs'")
                .hasMessageContaining("bands[2].upToKm must be left out: the last band holds every longer pair")
                .hasMessageContaining("bands[2].businessMs is missing");
        // a bad bound is reported once; the band after it is not held to it
        assertThatThrownBy(() -> yaml("""
                        bands:
                          - {upToKm: far, realtimeMs: 30, businessMs: 50, bestEffortMs: 2000}
                          - {upToKm: 500, realtimeMs: 30, businessMs: 50, bestEffortMs: 2000}
                          - {realtimeMs: 90, businessMs: 110, bestEffortMs: 2000}
                        """))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("rtt.yaml:2: bands[0].upToKm must be a number more than 0 and at most 20038 km,"
                        + " was \"far\"")
                .satisfies(e -> assertThat(((InputException) e).problems()).hasSize(1));
        for (String notBands : List.of("[]", "{}", "{\"bands\": 3}")) {
            assertThatThrownBy(() -> RttTargetsFile.read(new StringReader(notBands), "rtt.json", false))
                    .as(notBands)
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining("rtt.json:1: round-trip targets are an object with a list of bands");
        }
        assertThatThrownBy(() -> RttTargetsFile.read(new StringReader("{\"bands\": []}"), "rtt.json", false))
                .hasMessageContaining("bands must not be empty");
    }
}
