package org.wanplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wanplan.cli.NetworkCommandTest.Run;

/** {@code wanplan augment} through the real command line. */
class AugmentCommandTest {
    @TempDir
    Path dir;

    @Test
    void leased_waves_on_sparse_are_within_budget_written_out_and_read_back_as_leased() throws Exception {
        Path out = dir.resolve("sparse-x.json");
        Run r = NetworkCommandTest.run(
                "augment", "sparse", "--kind", "wavelength", "--budget-km", "2000", "--out", out.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("kmAdded").asDouble()).isBetween(0.1, 2000.0);
        double km = 0;
        double mrc = 0;
        for (JsonNode a : j.path("added")) {
            assertThat(a.path("kind").asText()).isEqualTo("wavelength");
            assertThat(a.path("nrc").asDouble()).isZero();
            km += a.path("lengthKm").asDouble();
            mrc += a.path("mrc").asDouble();
        }
        assertThat(km).isCloseTo(j.path("kmAdded").asDouble(), within(0.2));
        assertThat(j.path("cost").asDouble()).isCloseTo(mrc * 36, within(1.0)); // MRC × the 36-month term
        assertThat(j.path("after").path("meanRttMs").asDouble())
                .isLessThan(j.path("before").path("meanRttMs").asDouble());
        // the written network reads back with the new spans leased, and its figures are the ones reported
        JsonNode shown = new ObjectMapper()
                .readTree(NetworkCommandTest.run("network", "show", out.toString(), "--json")
                        .out());
        // sparse ships with leased express spans of its own; the added ones come on top
        org.wanplan.model.Network sparse =
                org.wanplan.io.builtin.BuiltinNetworks.load("sparse").orElseThrow();
        List<org.wanplan.model.Span> shipped =
                sparse.spans().stream().filter(org.wanplan.model.Span::leased).toList();
        double shippedKm =
                shipped.stream().mapToDouble(s -> s.length().orElseThrow().km()).sum();
        assertThat(shown.path("leasedSpans").asInt())
                .isEqualTo(shipped.size() + j.path("added").size());
        assertThat(shown.path("leasedKm").asDouble()).isCloseTo(shippedKm + km, within(0.2));
        JsonNode again = new ObjectMapper()
                .readTree(NetworkCommandTest.run("augment", out.toString(), "--max-spans", "0", "--json")
                        .out());
        assertThat(again.path("before").path("meanRttMs").asDouble())
                .isCloseTo(j.path("after").path("meanRttMs").asDouble(), within(1e-3));
        assertThat(again.path("added").size()).isZero();
    }

    @Test
    void bad_arguments_are_usage_errors_with_exit_2() {
        for (String[] args : new String[][] {
            {"augment", "sparse"},
            {"augment", "sparse", "--budget-km", "-5"},
            {"augment", "sparse", "--budget-km", "NaN"},
            {"augment", "sparse", "--budget-km", "100", "--kind", "satellite"},
            {"augment", "sparse", "--budget-km", "100", "--min-km", "900", "--max-km", "100"},
            {"augment", "sparse", "--budget-km", "100", "--out", "x.txt"},
            {"augment", "sparse", "--budget-km", "100", "--term-months", "0"},
            {"augment", "sparse", "--target-p90-stretch", "0.5"},
            {"augment", "sparse", "--target-weighted-stretch", "NaN"}
        }) {
            Run r = NetworkCommandTest.run(args);
            assertThat(r.exit()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
        }
        assertThat(NetworkCommandTest.run("augment", "sparse", "--kind", "satellite", "--budget-km", "1")
                        .err())
                .contains("--kind must be fibre or wavelength, was 'satellite'");
    }
}
