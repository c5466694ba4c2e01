package org.wanplan.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wanplan.io.builtin.BuiltinNetworks;
import org.wanplan.model.Demand;
import org.wanplan.model.Network;
import org.wanplan.model.ServiceClass;
import org.wanplan.routing.Diversity;
import org.wanplan.routing.FailureReport;
import org.wanplan.routing.FailureScenario;
import org.wanplan.routing.FailureSweep;
import org.wanplan.routing.Gravity;
import org.wanplan.routing.Metric;
import org.wanplan.routing.availability.Availability;
import org.wanplan.routing.availability.AvailabilityModel;
import org.wanplan.routing.availability.Restoration;

/**
 * The Spark engine in {@code local[2]} against the local engine, which is the oracle here (itself checked
 * against a naive re-placement in the routing module's FailureSweepTest): the same JSON document, byte for
 * byte, whatever the partitioning.
 */
class SparkEngineTest {
    private static JavaSparkContext sc;

    @BeforeAll
    static void start() {
        sc = new JavaSparkContext(new SparkConf()
                .setMaster("local[2]")
                .setAppName("SparkEngineTest")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        sc.close();
    }

    /** Every pair of BT Europe's PoPs, 1 to 5 Gbps. */
    static List<Demand> allPairs(Network n) {
        List<Demand> demands = new ArrayList<>();
        for (int i = 0; i < n.pops().size(); i++) {
            for (int j = i + 1; j < n.pops().size(); j++) {
                demands.add(new Demand(
                        "d" + i + "-" + j,
                        n.pops().get(i).id(),
                        n.pops().get(j).id(),
                        1 + (i * 7 + j) % 5,
                        ServiceClass.BEST_EFFORT));
            }
        }
        return demands;
    }

    /** The local engine's document, printed as the command line prints it. */
    static String local(
            Network n, List<Demand> demands, FailureSweep.Options options, int order, List<FailureScenario> scenarios)
            throws Exception {
        FailureSweep sweep = FailureSweep.prepare(n, demands, options);
        FailureReport report = sweep.sweep(scenarios, k -> {}).report();
        return SparkFailuresCommand.JSON.writeValueAsString(
                report.document(n.name(), order, scenarios.size(), sweep.baseline(), options.topK()));
    }

    static String spark(SweepSpec spec, int partitions, int top) throws Exception {
        SparkEngine.Result r = SparkEngine.sweep(sc, spec, partitions);
        return SparkFailuresCommand.JSON.writeValueAsString(
                r.report().document(r.network().name(), spec.order, r.scenarioCount(), r.baseline(), top));
    }

    @Test
    void the_full_double_failure_sweep_of_a_zoo_network_is_the_local_engines_on_any_partitioning() throws Exception {
        Network n = BuiltinNetworks.load("bteurope").orElseThrow();
        List<Demand> demands = allPairs(n);
        var kinds = EnumSet.of(FailureScenario.Kind.SPAN, FailureScenario.Kind.POP, FailureScenario.Kind.SRLG);
        List<FailureScenario> pairs = FailureScenario.pairs(n, kinds);
        assertThat(pairs.size()).isGreaterThan(1_000);
        FailureSweep.Options options = new FailureSweep.Options(Metric.LATENCY, Optional.empty(), 10);
        String expected = local(n, demands, options, 2, pairs);

        SweepSpec spec = new SweepSpec(n, demands, Metric.LATENCY, Optional.empty(), 10, 2, kinds, 0, 1);
        for (int partitions : new int[] {0, 1, 7, 64}) {
            assertThat(spark(spec, partitions, 10))
                    .as("%d partitions", partitions)
                    .isEqualTo(expected);
        }
        assertThat(expected).contains("\"order\" : 2", "\"scenarioCount\" : " + pairs.size());
    }

    @Test
    void protected_traffic_and_a_seeded_sample_of_euro350_pairs_are_the_local_engines() throws Exception {
        Network n = BuiltinNetworks.load("euro350").orElseThrow();
        List<Demand> demands = Gravity.fromPopulation(n, 20_000, 2_000);
        var kinds = EnumSet.of(FailureScenario.Kind.SPAN, FailureScenario.Kind.SRLG);
        List<FailureScenario> sample = FailureScenario.sweep(n, 2, kinds, java.util.OptionalInt.of(2_000), 42);
        FailureSweep.Options options = new FailureSweep.Options(Metric.LATENCY, Optional.of(Diversity.SPAN), 5);
        String expected = local(n, demands, options, 2, sample);

        SweepSpec spec = new SweepSpec(n, demands, Metric.LATENCY, Optional.of(Diversity.SPAN), 5, 2, kinds, 2_000, 42);
        assertThat(spark(spec, 0, 5)).isEqualTo(expected);
    }

    @Test
    void a_scenario_files_extra_scenarios_are_swept_after_the_generated_ones_as_locally() throws Exception {
        Network n = BuiltinNetworks.load("bteurope").orElseThrow();
        List<Demand> demands = allPairs(n);
        var kinds = EnumSet.of(FailureScenario.Kind.SPAN);
        List<String> lines = List.of(
                "# two cuts and a PoP",
                "double: span:" + n.spans().get(0).id() + ", span:"
                        + n.spans().get(5).id(),
                "",
                "pop and cut: pop:" + n.pops().get(3).id() + ", span:"
                        + n.spans().get(9).id());
        FailureScenario.Parsed extra = FailureScenario.parse(n, lines, "s.txt");
        assertThat(extra.problems()).isEmpty();
        assertThat(extra.scenarios()).hasSize(2);
        List<FailureScenario> all = FailureScenario.concat(FailureScenario.singles(n, kinds), extra.scenarios());
        FailureSweep.Options options = new FailureSweep.Options(Metric.LATENCY, Optional.empty(), 10);
        String expected = local(n, demands, options, 1, all);

        SweepSpec spec =
                new SweepSpec(n, demands, Metric.LATENCY, Optional.empty(), 10, 1, kinds, 0, 1, "s.txt", lines);
        assertThat(spark(spec, 3, 10)).isEqualTo(expected).contains("\"scenarioCount\" : " + all.size());

        assertThat(FailureScenario.parse(n, List.of("no colon here", "x: span:nowhere"), "bad.txt")
                        .problems())
                .containsExactly(
                        "bad.txt:1: expected 'NAME: span:ID, pop:ID, srlg:ID …', was 'no colon here'",
                        "bad.txt:2: unknown element 'span:nowhere' (use span:ID, pop:ID or srlg:ID of bteurope)");
    }

    @Test
    void the_monte_carlo_spread_over_spark_is_the_local_one_for_the_same_seed() throws Exception {
        Network n = BuiltinNetworks.load("bteurope").orElseThrow();
        var a = n.pops().get(0).id();
        var b = n.pops().get(n.pops().size() - 1).id();
        int samples = 3 * Restoration.CHUNK + 1_234; // four chunks, the last one short
        Availability.Estimate local = new Restoration(n, AvailabilityModel.defaults()).monteCarlo(a, b, samples, 99);
        Availability.Estimate spark = SparkEngine.monteCarlo(sc, n, a, b, samples, 99);
        assertThat(spark).isEqualTo(local);
        assertThat(spark.samples()).isEqualTo(samples);
        Availability.Estimate otherSeed = SparkEngine.monteCarlo(sc, n, a, b, samples, 100);
        assertThat(otherSeed.mean()).isBetween(local.low() - 1e-3, local.high() + 1e-3);
    }

    @Test
    void bad_command_lines_are_refused_before_spark_starts() throws Exception {
        assertThat(run("failures", "euro350", "--gravity", "100", "--order", "3"))
                .startsWith("2:")
                .contains("--order must be 1 or 2, was 3");
        assertThat(run("failures", "euro350", "--gravity", "100", "--kinds", "span,cable"))
                .startsWith("2:")
                .contains("--kinds are span, pop and srlg, was 'cable'");
        assertThat(run("failures", "nowhere.graphml", "--gravity", "100"))
                .startsWith("1:")
                .contains("nowhere.graphml: no such file, and not a built-in network (euro350, sparse, bteurope)");
        assertThat(run("availability", "euro350", "--from", "Paris", "--to", "Atlantis", "--monte-carlo", "10"))
                .startsWith("2:")
                .contains("--to: no PoP 'Atlantis' in euro350");
        assertThat(run("failures")).startsWith("2:").contains("Missing required parameter: 'NETWORK'");
        java.nio.file.Path bad = java.nio.file.Files.createTempFile("scenarios", ".txt");
        java.nio.file.Files.writeString(bad, "ok: span:e1\nbad line\n");
        assertThat(run("failures", "bteurope", "--gravity", "1", "--scenarios", bad.toString()))
                .startsWith("1:")
                .contains(bad + ":2: expected 'NAME: span:ID, pop:ID, srlg:ID …', was 'bad line'")
                .contains("1 problem(s) in " + bad);
        java.nio.file.Files.delete(bad);
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WanplanSpark.run(args, new PrintWriter(out), new PrintWriter(err));
        return code + ":" + out + err;
    }
}
