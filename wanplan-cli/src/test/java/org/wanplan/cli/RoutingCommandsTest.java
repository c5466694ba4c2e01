package org.wanplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** route, failures and availability through the real command line. */
class RoutingCommandsTest {
    @TempDir
    Path dir;

    private static JsonNode json(NetworkCommandTest.Run r) throws Exception {
        assertThat(r.exit()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void route_json_lists_paths_with_pops_spans_km_latency_and_hops() throws Exception {
        JsonNode j = json(
                NetworkCommandTest.run("route", "euro350", "--from", "Paris", "--to", "Berlin", "--k", "3", "--json"));
        assertThat(j.path("paths")).hasSize(3);
        JsonNode first = j.path("paths").get(0);
        assertThat(first.path("pops").get(0).asText()).isEqualTo("paris");
        assertThat(first.path("pops").get(first.path("pops").size() - 1).asText())
                .isEqualTo("berlin");
        assertThat(first.path("spans")).hasSize(first.path("hops").asInt());
        // latency is the fibre km at 4.9 µs per km
        assertThat(first.path("latencyMs").asDouble())
                .isCloseTo(
                        first.path("km").asDouble() * 1.468 / 299792.458 * 1000,
                        org.assertj.core.api.Assertions.within(0.01));
        assertThat(j.path("paths").get(1).path("latencyMs").asDouble())
                .isGreaterThanOrEqualTo(first.path("latencyMs").asDouble());
    }

    @Test
    void a_diverse_route_says_which_level_it_met_and_why_not_more() throws Exception {
        JsonNode ok = json(NetworkCommandTest.run(
                "route", "euro350", "--from", "Paris", "--to", "Berlin", "--diverse", "srlg", "--json"));
        assertThat(ok.path("levelMet").asText()).isEqualTo("srlg");
        assertThat(ok.path("paths")).hasSize(2);
        Set<String> working = new HashSet<>();
        ok.path("paths").get(0).path("spans").forEach(s -> working.add(s.asText()));
        ok.path("paths").get(1).path("spans").forEach(s -> assertThat(working).doesNotContain(s.asText()));
        // a triangle with a pendant PoP: d hangs on the bridge c-d
        Path tail = Files.writeString(dir.resolve("tail.json"), """
                {"format": "wanplan-network", "version": 1, "name": "tail",
                 "pops": [{"id": "a", "lat": 0, "lon": 0}, {"id": "b", "lat": 0, "lon": 1},
                          {"id": "c", "lat": 1, "lon": 0}, {"id": "d", "lat": 2, "lon": 0}],
                 "spans": [{"id": "ab", "a": "a", "b": "b", "lengthKm": 100}, {"id": "bc", "a": "b", "b": "c", "lengthKm": 100},
                           {"id": "ca", "a": "c", "b": "a", "lengthKm": 100}, {"id": "cd", "a": "c", "b": "d", "lengthKm": 100}]}
                """);
        JsonNode weak = json(NetworkCommandTest.run(
                "route", tail.toString(), "--from", "a", "--to", "d", "--diverse", "node", "--json"));
        assertThat(weak.path("levelMet").isNull()).isTrue();
        assertThat(weak.path("paths")).hasSize(1);
        assertThat(weak.path("reason").asText()).contains("bridge(s) [cd]");
    }

    @Test
    void unknown_and_ambiguous_pops_are_failures_naming_candidates() {
        NetworkCommandTest.Run unknown =
                NetworkCommandTest.run("route", "euro350", "--from", "Pariss", "--to", "Berlin");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("--from: no PoP 'Pariss' in euro350; closest: paris (Paris)");
        NetworkCommandTest.Run ambiguous =
                NetworkCommandTest.run("route", "bteurope", "--from", "London", "--to", "Paris");
        assertThat(ambiguous.exit()).isEqualTo(1);
        assertThat(ambiguous.err()).contains("'London' is ambiguous");
        assertThat(NetworkCommandTest.run("route", "euro350", "--from", "Paris", "--to", "Berlin", "--metric", "speed")
                        .exit())
                .isEqualTo(2);
    }

    @Test
    void failures_report_ranks_scenarios_spans_and_demands() throws Exception {
        Path demands = Files.writeString(dir.resolve("tm.csv"), """
                from,to,gbps,class
                Paris,Berlin,100,business
                lyon,milan,40,realtime
                """);
        JsonNode j = json(
                NetworkCommandTest.run("failures", "euro350", "--demands", demands.toString(), "--top", "3", "--json"));
        assertThat(j.path("scenarioCount").asInt()).isEqualTo(singleFailures("euro350"));
        assertThat(j.path("placed").asInt()).isEqualTo(2);
        assertThat(j.path("scenarios")).hasSize(3);
        assertThat(j.path("scenarios").get(0).path("lostGbps").asDouble()).isEqualTo(100.0); // losing Paris or Berlin
        assertThat(j.path("spans")).hasSize(3);
        assertThat(j.path("demands")).hasSize(2);
    }

    @Test
    void a_bad_traffic_matrix_is_reported_by_line() throws Exception {
        Path demands = Files.writeString(dir.resolve("tm.csv"), """
                from,to,gbps
                Paris,Atlantis,10
                Paris,Berlin,-3
                """);
        NetworkCommandTest.Run r = NetworkCommandTest.run("failures", "euro350", "--demands", demands.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err())
                .contains(demands + ":2: to 'Atlantis' is not a PoP of euro350")
                .contains(demands + ":3: gbps must be above 0 and at most 1000000 (a span's largest capacity), was -3");
    }

    @Test
    void scenario_files_add_multi_element_failures() throws Exception {
        Path file = Files.writeString(dir.resolve("s.txt"), """
                # two cuts at once
                paris isolated west: span:paris-rouen, span:paris-melun
                bad: span:nowhere
                """);
        NetworkCommandTest.Run r =
                NetworkCommandTest.run("failures", "euro350", "--gravity", "100", "--scenarios", file.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(file + ":3: unknown element 'span:nowhere'");
        Files.writeString(file, "two cuts: span:paris-rouen, span:paris-melun\n");
        JsonNode j = json(NetworkCommandTest.run(
                "failures",
                "euro350",
                "--gravity",
                "100",
                "--max-demands",
                "50",
                "--scenarios",
                file.toString(),
                "--json",
                "--top",
                "1000"));
        assertThat(j.path("scenarioCount").asInt()).isEqualTo(singleFailures("euro350") + 1);
        List<String> names = new java.util.ArrayList<>();
        j.path("scenarios").forEach(s -> names.add(s.path("scenario").asText()));
        assertThat(names).contains("two cuts");
    }

    @Test
    void availability_of_a_protected_pair_beats_either_path() throws Exception {
        JsonNode j = json(NetworkCommandTest.run(
                "availability", "euro350", "--from", "Paris", "--to", "Berlin", "--diverse", "srlg", "--json"));
        double pair = j.path("availability").asDouble();
        assertThat(pair).isGreaterThan(j.path("working").path("availability").asDouble());
        assertThat(pair).isGreaterThan(j.path("protection").path("availability").asDouble());
        assertThat(j.path("sharedElements").toString()).contains("pop:paris").contains("pop:berlin");
        assertThat(NetworkCommandTest.run(
                                "availability", "euro350", "--from", "Paris", "--to", "Berlin", "--mttr", "-1")
                        .exit())
                .isEqualTo(2);
    }

    @Test
    void availability_reroutes_by_default_and_the_static_path_is_an_option() throws Exception {
        JsonNode restored = json(NetworkCommandTest.run(
                "availability", "euro350", "--from", "Paris", "--to", "Lyon", "--monte-carlo", "3000000", "--json"));
        JsonNode path = json(NetworkCommandTest.run(
                "availability", "euro350", "--from", "Paris", "--to", "Lyon", "--no-restoration", "--json"));
        assertThat(restored.path("method").asText()).isEqualTo("restoration");
        assertThat(path.path("method").asText()).isEqualTo("static-path");
        // the static path multiplies every element on it; rerouting leaves only the end PoPs and double cuts
        assertThat(path.path("availability").asDouble())
                .isEqualTo(restored.path("working").path("availability").asDouble());
        double a = restored.path("availability").asDouble();
        assertThat(a).isGreaterThan(path.path("availability").asDouble());
        assertThat(restored.path("lowerBound").asDouble()).isLessThanOrEqualTo(a);
        // both end PoPs are single cuts, at five nines each: the pair cannot beat their product
        assertThat(restored.path("singleCuts").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(a).isLessThanOrEqualTo(0.99999 * 0.99999);
        assertThat(restored.path("worstCuts").toString()).contains("pop:paris").contains("pop:lyon");
        // the simulation with rerouting agrees
        JsonNode mc = restored.path("monteCarlo");
        assertThat(a).isBetween(mc.path("low").asDouble(), mc.path("high").asDouble());
        assertThat(NetworkCommandTest.run(
                                "availability",
                                "euro350",
                                "--from",
                                "Paris",
                                "--to",
                                "Lyon",
                                "--diverse",
                                "srlg",
                                "--no-restoration")
                        .exit())
                .isEqualTo(2);
    }

    @Test
    void failures_of_order_two_sweep_pairs_and_sample_them() throws Exception {
        JsonNode spans = json(NetworkCommandTest.run(
                "failures", "sparse", "--gravity", "1000", "--order", "2", "--kinds", "span", "--json"));
        int m = org.wanplan.io.builtin.BuiltinNetworks.load("sparse")
                .orElseThrow()
                .spans()
                .size();
        assertThat(spans.path("order").asInt()).isEqualTo(2);
        assertThat(spans.path("scenarioCount").asInt()).isEqualTo(m * (m - 1) / 2); // two spans never imply each other
        assertThat(spans.path("scenarios").get(0).path("scenario").asText()).contains(" + ");
        JsonNode sampled = json(NetworkCommandTest.run(
                "failures", "euro350", "--gravity", "1000", "--order", "2", "--sample", "50", "--seed", "7", "--json"));
        assertThat(sampled.path("scenarioCount").asInt()).isEqualTo(50);
        for (String[] bad : new String[][] {
            {"failures", "sparse", "--gravity", "10", "--order", "3"},
            {"failures", "sparse", "--gravity", "10", "--kinds", "span,duct"},
            {"failures", "sparse", "--gravity", "10", "--order", "2", "--sample", "0"}
        }) {
            assertThat(NetworkCommandTest.run(bad).exit())
                    .as(String.join(" ", bad))
                    .isEqualTo(2);
        }
    }

    /** One scenario per span, PoP and SRLG of the network. */
    private static int singleFailures(String name) {
        org.wanplan.model.Network n =
                org.wanplan.io.builtin.BuiltinNetworks.load(name).orElseThrow();
        return n.spans().size() + n.pops().size() + n.srlgs().size();
    }
}
