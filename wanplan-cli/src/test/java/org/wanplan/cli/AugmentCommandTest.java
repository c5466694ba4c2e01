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
    void a_traffic_matrix_of_one_demand_is_weighted_by_that_pair_alone() throws Exception {
        Path tm = java.nio.file.Files.writeString(dir.resolve("tm.csv"), "from,to,gbps\nparis,lyon,10\n");
        Run r = NetworkCommandTest.run(
                "augment", "euro350", "--demands", tm.toString(), "--kind", "wavelength", "--max-spans", "1", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("demand").asText()).isEqualTo("demands");
        // independent: the route command's shortest path, both ways
        JsonNode route = new ObjectMapper()
                .readTree(NetworkCommandTest.run("route", "euro350", "--from", "paris", "--to", "lyon", "--json")
                        .out());
        double km = route.path("paths").get(0).path("km").asDouble();
        assertThat(j.path("before").path("meanRttMs").asDouble())
                .isCloseTo(2 * km * org.wanplan.model.Fibre.LATENCY_MS_PER_KM, within(0.002));
        // the one span chosen is the direct Paris–Lyon wave: nothing shortens this pair more
        assertThat(j.path("added")).hasSize(1);
        assertThat(j.path("added").get(0).path("a").asText() + "-"
                        + j.path("added").get(0).path("b").asText())
                .isEqualTo("paris-lyon");
        assertThat(j.path("after").path("meanRttMs").asDouble())
                .isCloseTo(
                        2
                                * j.path("added").get(0).path("lengthKm").asDouble()
                                * org.wanplan.model.Fibre.LATENCY_MS_PER_KM,
                        within(0.002));
    }

    @Test
    void a_customers_sites_weigh_its_design_traffic() throws Exception {
        Path sample = DesignCommandTest.sample("euro-manufacturer.csv");
        Run r = NetworkCommandTest.run(
                "augment",
                "euro350",
                "--sites",
                sample.toString(),
                "--kind",
                "wavelength",
                "--budget-km",
                "1500",
                "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("demand").asText()).isEqualTo("sites");
        assertThat(j.path("kmAdded").asDouble()).isBetween(0.1, 1500.0);
        assertThat(j.path("after").path("meanRttMs").asDouble())
                .isLessThan(j.path("before").path("meanRttMs").asDouble());
    }

    @Test
    void a_bad_candidate_file_is_reported_line_by_line_and_nothing_is_chosen() throws Exception {
        Path bad = java.nio.file.Files.writeString(dir.resolve("c.csv"), """
                a,b,lengthKm,cost
                paris,atlantis,,5
                paris,paris,,
                lyon,nice,-3,
                lyon,nice,,x
                """);
        Path out = dir.resolve("never.json");
        Run r = NetworkCommandTest.run(
                "augment", "euro350", "--candidates", bad.toString(), "--max-spans", "1", "--out", out.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .contains(bad + ":2: b: no PoP 'atlantis' in euro350")
                .contains(bad + ":3: b: a candidate joins two PoPs, both are 'paris'")
                .contains(bad + ":4: lengthKm: must be above 0 to 40,000 (-3)")
                .contains(bad + ":5: cost: not a number (x)")
                .contains("4 problem(s) in " + bad);
        assertThat(out).doesNotExist();
        Path header = java.nio.file.Files.writeString(dir.resolve("h.csv"), "from,to\nparis,lyon\n");
        assertThat(NetworkCommandTest.run("augment", "euro350", "--candidates", header.toString(), "--max-spans", "1")
                        .err())
                .contains(header + ":1: the header must start with a,b");
    }

    @Test
    void a_few_offered_candidates_are_solved_exactly_too() throws Exception {
        Path offers = java.nio.file.Files.writeString(dir.resolve("offers.csv"), """
                a,b,lengthKm,cost
                Paris,Lyon,,
                frankfurt,munich,410,600
                madrid,barcelona,,
                milan,rome,620,
                """);
        Run r = NetworkCommandTest.run(
                "augment",
                "euro350",
                "--kind",
                "wavelength",
                "--candidates",
                offers.toString(),
                "--max-spans",
                "2",
                "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("candidates").asInt()).isEqualTo(4);
        assertThat(j.path("added").size()).isLessThanOrEqualTo(2);
        assertThat(j.has("optimumMeanRttMs")).isTrue();
        assertThat(j.path("gap").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(j.path("after").path("meanRttMs").asDouble())
                .isGreaterThanOrEqualTo(j.path("optimumMeanRttMs").asDouble() - 0.001);
        for (JsonNode a : j.path("added")) {
            if ((a.path("a").asText() + "-" + a.path("b").asText()).equals("frankfurt-munich")) {
                assertThat(a.path("mrc").asDouble()).isEqualTo(600.0); // the offered monthly cost, not the catalogue's
                assertThat(a.path("lengthKm").asDouble()).isEqualTo(410.0);
            }
        }
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
            {"augment", "sparse", "--target-weighted-stretch", "NaN"},
            {"augment", "sparse", "--budget-km", "100", "--gravity", "0"},
            {"augment", "sparse", "--budget-km", "100", "--gravity", "10", "--population"},
            {"augment", "sparse", "--budget-km", "100", "--sites", "s.csv", "--topology", "mesh"}
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
