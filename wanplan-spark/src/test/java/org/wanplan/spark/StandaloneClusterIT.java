package org.wanplan.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wanplan.io.builtin.BuiltinNetworks;
import org.wanplan.model.Demand;
import org.wanplan.model.Network;
import org.wanplan.routing.FailureScenario;
import org.wanplan.routing.FailureSweep;
import org.wanplan.routing.Metric;
import org.wanplan.routing.availability.AvailabilityModel;
import org.wanplan.routing.availability.Restoration;

/**
 * A real Spark standalone cluster on this machine: a master and two workers, each a JVM of its own started
 * from the module's libraries (target/lib, as a Spark installation's jars/ directory) on 127.0.0.1; the
 * packaged target/wanplan-spark.jar submitted to it as spark-submit does (SparkSubmit, client mode) and as
 * {@code java -jar … --master spark://…}; the reports compared with the local engine's. Everything is
 * stopped afterwards, and the processes' logs are printed when a check fails.
 */
class StandaloneClusterIT {
    @TempDir
    static Path tmp;

    private static LocalCluster cluster;
    private static Path lib;
    private static Path jar;
    private static String masterUrl;

    @BeforeAll
    static void startCluster() throws Exception {
        jar = Path.of(System.getProperty("wanplan.spark.jar"));
        lib = jar.resolveSibling("lib");
        assertThat(jar).as("the packaged jar").exists();
        cluster = LocalCluster.start(lib, jvmOptions(), 2, 1, "1g", tmp);
        masterUrl = cluster.masterUrl();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void spark_submit_to_the_cluster_reports_the_local_engines_double_failure_sweep() throws Exception {
        Network n = BuiltinNetworks.load("bteurope").orElseThrow();
        List<Demand> demands = SparkEngineTest.allPairs(n);
        Path csv = tmp.resolve("demands.csv");
        StringBuilder text = new StringBuilder("from,to,gbps,class,id\n");
        demands.forEach(d -> text.append(d.from().value())
                .append(',')
                .append(d.to().value())
                .append(',')
                .append(d.gbps())
                .append(",best-effort,")
                .append(d.id())
                .append('\n'));
        Files.writeString(csv, text);
        var kinds = EnumSet.of(FailureScenario.Kind.SPAN, FailureScenario.Kind.POP, FailureScenario.Kind.SRLG);
        String expected = SparkEngineTest.local(
                n,
                demands,
                new FailureSweep.Options(Metric.LATENCY, Optional.empty(), 10),
                2,
                FailureScenario.pairs(n, kinds));

        List<String> submit = new ArrayList<>(List.of(
                "org.apache.spark.deploy.SparkSubmit",
                "--master",
                masterUrl,
                "--conf",
                "spark.executor.memory=512m",
                "--class",
                "org.wanplan.spark.WanplanSpark",
                jar.toString(),
                "failures",
                "bteurope",
                "--demands",
                csv.toString(),
                "--order",
                "2",
                "--json"));
        Run r = run("submit", submit);
        assertThat(r.stderr).contains("on " + masterUrl);
        assertThat(r.stdout).isEqualTo(expected + System.lineSeparator());
    }

    @Test
    void java_jar_on_the_cluster_gives_the_local_monte_carlo() throws Exception {
        Network n = BuiltinNetworks.load("bteurope").orElseThrow();
        var a = n.pops().get(0);
        var b = n.pops().get(n.pops().size() - 1);
        int samples = 200_000;
        var local = new Restoration(n, AvailabilityModel.defaults()).monteCarlo(a.id(), b.id(), samples, 7);

        Run r = run(
                "java-jar",
                List.of(
                        "-Dspark.executor.memory=512m",
                        "-jar",
                        jar.toString(),
                        "availability",
                        "bteurope",
                        "--from",
                        a.id().value(),
                        "--to",
                        b.id().value(),
                        "--monte-carlo",
                        "" + samples,
                        "--seed",
                        "7",
                        "--master",
                        masterUrl,
                        "--json"));
        assertThat(r.stdout)
                .contains("\"mean\" : " + local.mean())
                .contains("\"low\" : " + local.low())
                .contains("\"high\" : " + local.high());
    }

    private record Run(String stdout, String stderr) {}

    /** A driver JVM (the jar's own options), its output kept; fails with its log when it fails. */
    private static Run run(String name, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(java());
        if (!args.contains("-jar")) {
            cmd.add("-cp");
            cmd.add(jar + java.io.File.pathSeparator + lib.toAbsolutePath() + "/*");
        }
        cmd.addAll(args);
        Path out = tmp.resolve(name + ".out");
        Path err = tmp.resolve(name + ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = pb.start();
        boolean done = p.waitFor(240, TimeUnit.SECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String stdout = Files.readString(out);
        String stderr = Files.readString(err);
        assertThat(done && p.exitValue() == 0)
                .as("%s: %s%n%s%n%s", name, done ? "exit " + p.exitValue() : "timed out", stderr, cluster.logs())
                .isTrue();
        return new Run(stdout, stderr);
    }

    private static List<String> jvmOptions() {
        return java.util.Arrays.stream(
                        System.getProperty("wanplan.spark.jvm.options").split(" "))
                .filter(o -> !o.isBlank())
                .toList();
    }

    private static List<String> java() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.addAll(jvmOptions());
        return cmd;
    }
}
