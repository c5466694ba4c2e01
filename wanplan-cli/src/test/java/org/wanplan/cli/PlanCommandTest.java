package org.wanplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wanplan plan, end to end: a published SNDlib optimum, and the rules for its arguments. */
class PlanCommandTest {
    @TempDir
    Path dir;

    static Path sndlib(String relative) {
        String configured = System.getProperty("wanplan.shared.data", System.getenv("WANPLAN_SHARED_DATA"));
        Path root = (configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data")).toAbsolutePath();
        Path p = root.resolve("sndlib/native").resolve(relative);
        assumeTrue(Files.exists(p), () -> "SKIPPED: SNDlib data not found at " + p);
        return p;
    }

    @Test
    void france_without_survivability_reaches_the_published_optimum_of_20200() throws Exception {
        // ../shared/data/sndlib/BEST_KNOWN.csv: france--U-U-M-N-C-A-N-N, optimal, 20200
        NetworkCommandTest.Run r = NetworkCommandTest.run(
                "plan",
                "--sndlib",
                sndlib("france/france.txt").toString(),
                "--model",
                sndlib("france/models/U-U-M-N-C-A-N-N.txt").toString(),
                "--time-limit",
                "120",
                "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("status").asText()).isEqualTo("OPTIMAL");
        assertThat(j.path("objective").asDouble()).isCloseTo(20_200, within(1e-6));
        assertThat(j.path("gap").asDouble()).isZero();
        assertThat(j.path("check").asText()).isEqualTo("passed");
        // 101 modules of 2,500 at 200 each (the same file's note): capacities add up
        int modules = 0;
        for (JsonNode s : j.path("spans")) {
            modules += s.path("modules").path("2500").asInt();
        }
        assertThat(modules).isEqualTo(101);
    }

    @Test
    void individual_hop_limits_give_a_plan_that_the_independent_check_accepts() throws Exception {
        // dfn-gwin demands may use 2 or 3 hops (U-U-M-N-C-A-Y-N); the check re-routes within those limits
        NetworkCommandTest.Run r = NetworkCommandTest.run(
                "plan",
                "--sndlib",
                sndlib("dfn-gwin/dfn-gwin.txt").toString(),
                "--model",
                sndlib("dfn-gwin/models/U-U-M-N-C-A-Y-N.txt").toString(),
                "--time-limit",
                "8",
                "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("status").asText()).isIn("OPTIMAL", "FEASIBLE");
        assertThat(j.path("check").asText()).isEqualTo("passed");
        assertThat(j.path("objective").asDouble())
                .isGreaterThanOrEqualTo(j.path("bound").asDouble());
    }

    @Test
    void directed_demands_on_bidirected_links_are_planned_and_checked() throws Exception {
        // atlanta D-B-M-N-C-A-N-N: its optimum under SNDlib's routing rule (the larger direction) is below the
        // 46,244,642.4 ZIB proved with the routing paid both ways (BidirectedSndlibTest reproduces that one)
        NetworkCommandTest.Run r = NetworkCommandTest.run(
                "plan",
                "--sndlib",
                sndlib("atlanta/atlanta.txt").toString(),
                "--model",
                sndlib("atlanta/models/D-B-M-N-C-A-N-N.txt").toString(),
                "--time-limit",
                "60",
                "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("status").asText()).isEqualTo("OPTIMAL");
        assertThat(j.path("check").asText()).isEqualTo("passed");
        assertThat(j.path("objective").asDouble()).isLessThan(46_244_642.4);
    }

    @Test
    void unsupported_sndlib_models_are_named() {
        NetworkCommandTest.Run r = NetworkCommandTest.run(
                "plan",
                "--sndlib",
                sndlib("france/france.txt").toString(),
                "--model",
                sndlib("france/models/U-U-M-N-C-A-N-S.txt").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("not supported: SURVIVABILITY_MODEL = SHARED_PATH_PROTECTION");
    }

    @Test
    void a_wanplan_network_is_planned_with_the_default_catalogue() throws Exception {
        // one empty 100 km span and 250 Gbps: 10G costs 1 + 0.2, 100G 4 + 0.8, 400G 10 + 2 at 100 km;
        // one 400G (12) beats 3 × 100G (14.4), 2 × 100G + 5 × 10G (15.6) and 25 × 10G (30)
        Path net = Files.writeString(dir.resolve("pair.json"), """
                {"format": "wanplan-network", "version": 1, "name": "pair",
                 "pops": [{"id": "a", "lat": 0, "lon": 0}, {"id": "b", "lat": 0, "lon": 1}],
                 "spans": [{"id": "ab", "a": "a", "b": "b", "lengthKm": 100, "capacityGbps": 0}]}
                """);
        Path tm = Files.writeString(dir.resolve("tm.csv"), "from,to,gbps\na,b,250\n");
        NetworkCommandTest.Run r = NetworkCommandTest.run("plan", net.toString(), "--demands", tm.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("status").asText()).isEqualTo("OPTIMAL");
        assertThat(j.path("check").asText()).isEqualTo("passed");
        assertThat(j.path("objective").asDouble()).isCloseTo(12, within(1e-6));
        assertThat(j.path("spans").get(0).path("modules").path("400G").asInt()).isEqualTo(1);
    }

    @Test
    void argument_mistakes_are_usage_errors() {
        assertThat(NetworkCommandTest.run("plan").exit()).isEqualTo(2);
        assertThat(NetworkCommandTest.run("plan", "sparse").exit()).isEqualTo(2);
        assertThat(NetworkCommandTest.run("plan", "sparse", "--gravity", "10", "--survive", "maybe")
                        .exit())
                .isEqualTo(2);
        assertThat(NetworkCommandTest.run("plan", "--sndlib", "x.txt").exit()).isEqualTo(2);
    }
}
