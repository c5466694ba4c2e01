package org.wanplan.bench.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.wanplan.io.builtin.BuiltinNetworks;
import org.wanplan.model.Demand;
import org.wanplan.model.Network;
import org.wanplan.routing.FailureScenario;
import org.wanplan.routing.FailureSweep;
import org.wanplan.routing.Gravity;
import org.wanplan.routing.Metric;
import org.wanplan.spark.LocalCluster;
import org.wanplan.spark.SparkEngine;
import org.wanplan.spark.SweepSpec;

/**
 * One failure sweep on every engine in one run: the local engine on 1 and 2 cores, Spark {@code local[1]}
 * and {@code local[2]}, and a standalone cluster of two one-core workers on this machine (started in the
 * trial's setup from wanplan-spark/target/lib). The sweep: a seeded sample of {@code scenarios} span pairs of
 * euro350 (order 2) with 20,000 gravity demands (population gravity, 20 Tbps). One operation is what a user
 * waits for once the network is loaded: the traffic placed, the scenarios listed and every one swept (on
 * Spark also the spec broadcast and read back; each executor prepares the sweep once). Scenarios per second = scenarios ÷ the time per operation.
 *
 * <pre>
 * ./mvnw -q -DskipTests package
 * java -jar wanplan-spark-bench/target/spark-benchmarks.jar SparkSweepBenchmark
 * </pre>
 *
 * Run from the repository's root: the cluster's libraries and the jar its executors fetch are found there.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {
            "-Xmx3g",
            "-Dspark.local.ip=127.0.0.1",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "-Djdk.reflect.useDirectMethodHandle=false",
            "-Dio.netty.tryReflectionSetAccessible=true"
        })
public class SparkSweepBenchmark {
    @Param({"local-1", "local-2", "spark-local-1", "spark-local-2", "spark-cluster-2x1"})
    public String engine;

    @Param("10000")
    public int scenarios;

    private Network network;
    private List<Demand> demands;
    private SweepSpec spec;
    private ForkJoinPool pool;
    private JavaSparkContext sc;
    private LocalCluster cluster;
    private Path clusterDir;
    private final java.util.Set<FailureScenario.Kind> kinds = EnumSet.of(FailureScenario.Kind.SPAN);
    private final FailureSweep.Options options = new FailureSweep.Options(Metric.LATENCY, Optional.empty(), 10);

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        network = BuiltinNetworks.load("euro350").orElseThrow();
        demands = Gravity.fromPopulation(network, 20_000, 20_000);
        spec = new SweepSpec(network, demands, Metric.LATENCY, Optional.empty(), 10, 2, kinds, scenarios, 1);
        switch (engine) {
            case "local-1" -> pool = new ForkJoinPool(1);
            case "local-2" -> pool = new ForkJoinPool(2);
            case "spark-local-1" -> sc = context("local[1]");
            case "spark-local-2" -> sc = context("local[2]");
            case "spark-cluster-2x1" -> {
                clusterDir = Files.createTempDirectory("wanplan-spark-bench");
                List<String> opens =
                        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                                .filter(a ->
                                        a.startsWith("--add-opens") || a.startsWith("-Djdk.") || a.startsWith("-Dio."))
                                .toList();
                cluster = LocalCluster.start(Path.of("wanplan-spark/target/lib"), opens, 2, 1, "2g", clusterDir);
                sc = context(cluster.masterUrl());
            }
            default -> throw new IllegalArgumentException(engine);
        }
    }

    private static JavaSparkContext context(String master) {
        SparkConf conf = new SparkConf()
                .setMaster(master)
                .setAppName("SparkSweepBenchmark")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.executor.memory", "1536m");
        if (master.startsWith("spark://")) {
            conf.setJars(new String[] {
                Path.of("wanplan-spark/target/wanplan-spark.jar")
                        .toAbsolutePath()
                        .toString()
            });
        }
        return new JavaSparkContext(conf);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (sc != null) {
            sc.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        if (pool != null) {
            pool.shutdown();
        }
    }

    @Benchmark
    public long sweep() throws Exception {
        if (pool != null) {
            return pool.submit(() -> FailureSweep.prepare(network, demands, options)
                            .sweep(FailureScenario.sweep(network, 2, kinds, OptionalInt.of(scenarios), 1), k -> {})
                            .report()
                            .scenarioCount())
                    .get();
        }
        return SparkEngine.sweep(sc, spec, 0).report().scenarioCount();
    }
}
