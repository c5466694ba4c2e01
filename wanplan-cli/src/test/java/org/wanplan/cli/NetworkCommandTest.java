package org.wanplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real command line in-process and checks output, errors and exit codes. */
class NetworkCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WanplanCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void show_json_has_the_documented_fields() throws Exception {
        Run r = run("network", "show", "euro350", "--json");
        assertThat(r.exit()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String field : List.of(
                "pops",
                "spans",
                "popsWithoutLocation",
                "fibreKm",
                "countries",
                "minDegree",
                "twoEdgeConnected",
                "bridges",
                "srlgs")) {
            assertThat(j.has(field)).as(field).isTrue();
        }
        assertThat(j.path("pops").asInt()).isEqualTo(350);
        assertThat(j.path("twoEdgeConnected").asBoolean()).isTrue();
        assertThat(j.path("bridges").asInt()).isZero();
        // own fibre 50–60k km, the leased express layer on top, at most 72,000 km in all
        assertThat(j.path("ownKm").asDouble()).isBetween(50_000.0, 60_000.0);
        assertThat(j.path("fibreKm").asDouble()).isLessThanOrEqualTo(72_000.0);
        assertThat(j.path("leasedKm").asDouble())
                .isPositive()
                .isCloseTo(
                        j.path("fibreKm").asDouble() - j.path("ownKm").asDouble(),
                        org.assertj.core.api.Assertions.within(0.2));
    }

    @Test
    void show_text_reports_bridges_and_pops_without_location_of_a_zoo_network() {
        Run r = run("network", "show", "bteurope");
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains("bteurope: 24 PoPs, 37 spans")
                .contains("not 2-edge-connected")
                .contains("2 PoP(s)");
    }

    @Test
    void show_reports_own_and_leased_km_separately() throws Exception {
        Path f = Files.writeString(dir.resolve("mixed.json"), """
                {"format": "wanplan-network", "version": 1, "name": "mixed",
                 "pops": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
                 "spans": [
                   {"id": "ab", "a": "a", "b": "b", "lengthKm": 120.5},
                   {"id": "bc", "a": "b", "b": "c", "lengthKm": 300, "ownership": "leased", "leaseEurPerMonth": 2500},
                   {"id": "ca", "a": "c", "b": "a", "lengthKm": 79.5, "ownership": "leased"}]}
                """);
        JsonNode j = new ObjectMapper()
                .readTree(run("network", "show", f.toString(), "--json").out());
        // by hand: own 120.5; leased 300 + 79.5 = 379.5, two spans, one known charge of 2,500
        assertThat(j.path("ownKm").asDouble()).isEqualTo(120.5);
        assertThat(j.path("leasedKm").asDouble()).isEqualTo(379.5);
        assertThat(j.path("leasedSpans").asInt()).isEqualTo(2);
        assertThat(j.path("leaseEurPerMonth").asDouble()).isEqualTo(2500.0);
        assertThat(j.path("fibreKm").asDouble()).isEqualTo(500.0);
        assertThat(run("network", "show", f.toString()).out())
                .contains("own 121 km; leased 2 spans, 380 km, 2,500 EUR/month"); // 120.5 and 379.5 round half up
    }

    @Test
    void list_names_every_built_in() {
        Run r = run("network", "list");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines().map(l -> l.split("\\s+")[0])).containsExactly("euro350", "sparse", "bteurope");
    }

    @Test
    void convert_writes_every_format_and_reads_back() throws Exception {
        for (String name : List.of("n.json", "n.graphml", "n.geojson", "n-pops.csv")) {
            Run r = run("network", "convert", "sparse", dir.resolve(name).toString());
            assertThat(r.exit()).as(name + ": " + r.err()).isZero();
            assertThat(dir.resolve(name)).exists();
        }
        Run back = run("network", "show", dir.resolve("n-pops.csv").toString(), "--json");
        assertThat(new ObjectMapper().readTree(back.out()).path("pops").asInt()).isEqualTo(61);
    }

    @Test
    void a_bad_input_file_gives_file_and_line_exit_1_and_no_output() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), """
                {"format": "wanplan-network", "version": 1, "name": "x",
                 "pops": [{"id": "a"}],
                 "spans": [{"id": "s", "a": "a", "b": "b", "lengthKm": -1}]}
                """);
        Path out = dir.resolve("out.graphml");
        Run r = run("network", "convert", bad.toString(), out.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err())
                .contains(bad + ":3: lengthKm must be a number above 0 and at most 40000, was -1.0")
                .contains(bad + ":3: span s: unknown endpoint b 'b'");
        assertThat(out).doesNotExist();
    }

    @Test
    void unknown_network_is_a_failure_naming_the_built_ins() {
        Run r = run("network", "show", "atlantis");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("atlantis: no such file, and not a built-in network (euro350, sparse, bteurope)");
    }

    @Test
    void usage_errors_exit_2() {
        assertThat(run("network", "show").exit()).isEqualTo(2);
        assertThat(run("network", "show", "euro350", "--bogus").exit()).isEqualTo(2);
        assertThat(run("network", "convert", "euro350", dir.resolve("x.txt").toString())
                        .exit())
                .isEqualTo(2);
        assertThat(run(
                                "network",
                                "generate",
                                "bteurope",
                                "--out",
                                dir.resolve("x.json").toString())
                        .exit())
                .isEqualTo(2);
        assertThat(run("nonsense").exit()).isEqualTo(2);
        assertThat(run().exit()).isEqualTo(2);
    }

    @Test
    void every_command_has_help() {
        for (List<String> cmd : List.<List<String>>of(
                List.of(),
                List.of("network"),
                List.of("network", "show"),
                List.of("network", "list"),
                List.of("network", "convert"),
                List.of("network", "generate"))) {
            String[] args = java.util.stream.Stream.concat(cmd.stream(), java.util.stream.Stream.of("--help"))
                    .toArray(String[]::new);
            Run r = run(args);
            assertThat(r.exit()).as(String.join(" ", cmd)).isZero();
            assertThat(r.out()).contains("Usage:");
        }
    }

    @Test
    void generate_writes_the_shipped_network() throws Exception {
        Path out = dir.resolve("sparse.json");
        Run r = run("network", "generate", "sparse", "--out", out.toString());
        assertThat(r.exit()).isZero();
        try (var shipped = org.wanplan.io.builtin.BuiltinNetworks.class.getResourceAsStream("sparse.json")) {
            assertThat(Files.readAllBytes(out)).isEqualTo(shipped.readAllBytes());
        }
    }

    @Test
    void the_route_factor_scales_estimated_lengths() throws Exception {
        Path graphml = Files.writeString(dir.resolve("two.graphml"), """
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
                  <key attr.name="Latitude" attr.type="double" for="node" id="la"/>
                  <key attr.name="Longitude" attr.type="double" for="node" id="lo"/>
                  <graph edgedefault="undirected">
                    <node id="a"><data key="la">0</data><data key="lo">0</data></node>
                    <node id="b"><data key="la">0</data><data key="lo">1</data></node>
                    <edge source="a" target="b"/>
                  </graph>
                </graphml>
                """);
        double oneDegreeKm = 6371.0088 * Math.PI / 180; // closed form: one degree of the equator
        double km = new ObjectMapper()
                .readTree(run("network", "show", graphml.toString(), "--json", "--route-factor", "1.5")
                        .out())
                .path("fibreKm")
                .asDouble();
        assertThat(km).isCloseTo(oneDegreeKm * 1.5, org.assertj.core.api.Assertions.within(0.05));
        assertThat(run("network", "show", "euro350", "--route-factor", "0.5").exit())
                .isEqualTo(2);
    }

    @Test
    void a_token_is_printed_once_and_authenticates_against_the_same_database() throws Exception {
        Run r = run("token", "create", "--role", "planner", "--data-dir", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String token = r.out().strip();
        assertThat(token).startsWith("wp_");
        try (org.wanplan.store.Database db = org.wanplan.store.Database.embedded(dir)) {
            assertThat(db.tokens().authenticate(token)).contains(org.wanplan.store.Role.PLANNER);
        }
        assertThat(run("token", "create", "--role", "king", "--data-dir", dir.toString())
                        .exit())
                .isEqualTo(2);
    }

    @Test
    void tokens_are_listed_without_their_secret_and_a_revoked_one_no_longer_authenticates() throws Exception {
        String viewer = run("token", "create", "--role", "viewer", "--data-dir", dir.toString())
                .out()
                .strip();
        String admin = run("token", "create", "--role", "admin", "--data-dir", dir.toString())
                .out()
                .strip();
        String id;
        try (org.wanplan.store.Database db = org.wanplan.store.Database.embedded(dir)) {
            id = db.tokens().caller(admin).orElseThrow().name();
        }
        Run revoke = run("token", "revoke", id, "--data-dir", dir.toString());
        assertThat(revoke.exit()).as(revoke.err()).isZero();
        assertThat(revoke.out()).startsWith(id + " (admin) revoked at ");

        Run list = run("token", "list", "--data-dir", dir.toString());
        assertThat(list.exit()).as(list.err()).isZero();
        List<String> lines = list.out().strip().lines().toList();
        assertThat(lines).hasSize(3); // header, viewer, admin
        assertThat(lines.get(1)).contains("viewer").endsWith(" -");
        assertThat(lines.get(2)).startsWith(id).contains("admin").contains(" by cli:");
        assertThat(list.out()).doesNotContain(viewer).doesNotContain(admin);
        try (org.wanplan.store.Database db = org.wanplan.store.Database.embedded(dir)) {
            assertThat(db.tokens().caller(admin)).isEmpty();
            assertThat(db.tokens().authenticate(viewer)).contains(org.wanplan.store.Role.VIEWER);
        }

        Run unknown = run("token", "revoke", "token#999", "--data-dir", dir.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no token #999");
        Run garbage = run("token", "revoke", "seven", "--data-dir", dir.toString());
        assertThat(garbage.exit()).isEqualTo(2);
        assertThat(garbage.err()).contains("ID must be a token id such as token#7 or 7, was 'seven'");
    }
}
