package org.wanplan.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    private static final List<Process> processes = new ArrayList<>();
    private static Path lib;
    private static Path jar;
    private static String masterUrl;

    @BeforeAll
    static void startCluster() throws Exception {
        jar = Path.of(System.getProperty("wanplan.spark.jar"));
        lib = jar.resolveSibling("lib");
        assertThat(jar).as("the packaged jar").exists();
        // a Spark installation's layout: SPARK_HOME/jars is what a worker puts on its executors' class path
        Path home = Files.createDirectories(tmp.resolve("spark-home"));
        Files.createSymbolicLink(home.resolve("jars"), lib.toAbsolutePath());
        int port = freePort();
        int ui = freePort();
        masterUrl = "spark://127.0.0.1:" + port;
        start(
                home,
                "master",
                "org.apache.spark.deploy.master.Master",
                "--host",
                "127.0.0.1",
                "--port",
                "" + port,
                "--webui-port",
                "" + ui);
        await("the master", () -> listening(port));
        for (int w = 1; w <= 2; w++) {
            Path dir = Files.createDirectories(tmp.resolve("worker" + w));
            start(
                    home,
                    "worker" + w,
                    "org.apache.spark.deploy.worker.Worker",
                    "--host",
                    "127.0.0.1",
                    "--cores",
                    "1",
                    "--memory",
                    "1g",
                    "--webui-port",
                    "0",
                    "--work-dir",
                    dir.toString(),
                    masterUrl);
        }
        await("two workers", () -> masterJson(ui).matches("(?s).*\"aliveworkers\"\\s*:\\s*2\\b.*"));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        Files.deleteIfExists(tmp.resolve("spark-home").resolve("jars")); // the link, not the libraries
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
                .as("%s: %s%n%s%n%s", name, done ? "exit " + p.exitValue() : "timed out", stderr, logs())
                .isTrue();
        return new Run(stdout, stderr);
    }

    private static List<String> java() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        for (String o : System.getProperty("wanplan.spark.jvm.options").split(" ")) {
            if (!o.isBlank()) {
                cmd.add(o);
            }
        }
        return cmd;
    }

    private static void start(Path home, String name, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(java());
        cmd.add("-cp");
        cmd.add(lib.toAbsolutePath() + "/*");
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("SPARK_HOME", home.toString());
        // a distribution says its Scala version in its layout; this one says it here
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOG_DIR", tmp.toString());
        processes.add(pb.start());
    }

    private static String logs() {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(tmp)) {
            for (Path f :
                    files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                all.append("--- ").append(f.getFileName()).append('\n');
                lines.subList(Math.max(0, lines.size() - 40), lines.size())
                        .forEach(l -> all.append(l).append('\n'));
            }
        } catch (IOException e) {
            all.append("(logs unreadable: ").append(e).append(")");
        }
        return all.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String masterJson(int ui) {
        try {
            HttpURLConnection c = (HttpURLConnection)
                    URI.create("http://127.0.0.1:" + ui + "/json/").toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            try (var in = c.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return "";
        }
    }

    private static void await(String what, java.util.function.BooleanSupplier ready) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!ready.getAsBoolean()) {
            for (Process p : processes) {
                assertThat(p.isAlive())
                        .as("%s: a cluster process died%n%s", what, logs())
                        .isTrue();
            }
            assertThat(System.nanoTime()).as("%s within 60 s%n%s", what, logs()).isLessThan(deadline);
            Thread.sleep(250);
        }
    }
}
