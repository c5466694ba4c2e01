package org.wanplan.spark;

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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone cluster on this machine, for tests and benchmarks: a master and {@code workers}
 * workers, each a JVM of its own started from a directory of Spark's libraries (wanplan-spark's
 * {@code target/lib}) on 127.0.0.1. A Spark installation is simulated by a home directory whose
 * {@code jars} links to those libraries: that is what a worker puts on its executors' class path. Logs go
 * to the working directory; {@link #close} stops every process (executors included).
 */
public final class LocalCluster implements AutoCloseable {
    private final Path dir;
    private final List<Process> processes = new ArrayList<>();
    private final String masterUrl;

    private LocalCluster(Path dir, String masterUrl) {
        this.dir = dir;
        this.masterUrl = masterUrl;
    }

    /**
     * Starts a master and {@code workers} workers of {@code coresEach} cores and {@code memory} each (Spark's
     * notation, e.g. {@code 1g}) and returns when all of them have registered (at most a minute).
     *
     * @param lib Spark and its libraries (the jars' directory)
     * @param jvmOptions options of every JVM (Spark's --add-opens on Java 17)
     * @param dir where the cluster keeps its logs and work directories
     */
    public static LocalCluster start(
            Path lib, List<String> jvmOptions, int workers, int coresEach, String memory, Path dir)
            throws IOException, InterruptedException {
        Path home = Files.createDirectories(dir.resolve("spark-home"));
        Path jars = home.resolve("jars");
        if (!Files.exists(jars)) {
            Files.createSymbolicLink(jars, lib.toAbsolutePath());
        }
        int port = freePort();
        int ui = freePort();
        LocalCluster c = new LocalCluster(dir, "spark://127.0.0.1:" + port);
        try {
            c.start(
                    home,
                    lib,
                    jvmOptions,
                    "master",
                    "org.apache.spark.deploy.master.Master",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    "" + port,
                    "--webui-port",
                    "" + ui);
            c.await("the master", () -> listening(port));
            for (int w = 1; w <= workers; w++) {
                Path work = Files.createDirectories(dir.resolve("worker" + w));
                c.start(
                        home,
                        lib,
                        jvmOptions,
                        "worker" + w,
                        "org.apache.spark.deploy.worker.Worker",
                        "--host",
                        "127.0.0.1",
                        "--cores",
                        "" + coresEach,
                        "--memory",
                        memory,
                        "--webui-port",
                        "0",
                        "--work-dir",
                        work.toString(),
                        c.masterUrl);
            }
            String alive = "(?s).*\"aliveworkers\"\\s*:\\s*" + workers + "\\b.*";
            c.await(workers + " workers", () -> masterJson(ui).matches(alive));
            return c;
        } catch (IOException | InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /**
     * {@code java -cp wanplan-spark.jar:lib/* org.wanplan.spark.LocalCluster [WORKERS [CORES [MEMORY]]]}: a
     * cluster on this machine to try the engine on (default two workers of one core and 1g), the master's URL on
     * stdout, until interrupted. Libraries from the jar's {@code lib} directory.
     */
    public static void main(String[] args) throws Exception {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int cores = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        String memory = args.length > 2 ? args[2] : "1g";
        Path jar = Path.of(LocalCluster.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Path dir = Files.createTempDirectory("wanplan-spark-cluster");
        List<String> options = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.") || a.startsWith("-Dio."))
                .toList();
        LocalCluster c = start(jar.resolveSibling("lib"), options, workers, cores, memory, dir);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                c.close();
            } catch (IOException | InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        System.out.println(c.masterUrl());
        System.err.println("logs in " + dir + "; Ctrl-C stops the cluster");
        Thread.currentThread().join();
    }

    /** The master's URL, {@code spark://127.0.0.1:PORT}. */
    public String masterUrl() {
        return masterUrl;
    }

    /** The last lines of every process's log, for a failure message. */
    public String logs() {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(dir)) {
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

    @Override
    public void close() throws IOException, InterruptedException {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
        Files.deleteIfExists(dir.resolve("spark-home").resolve("jars")); // the link, not the libraries
    }

    private void start(Path home, Path lib, List<String> jvmOptions, String name, String mainClass, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(lib.toAbsolutePath() + "/*");
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("SPARK_HOME", home.toString());
        // a distribution tells its Scala version by its layout; this one says it here
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOG_DIR", dir.toString());
        processes.add(pb.start());
    }

    private void await(String what, java.util.function.BooleanSupplier ready) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!ready.getAsBoolean()) {
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new IllegalStateException(what + ": a cluster process died\n" + logs());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " not up within 60 s\n" + logs());
            }
            Thread.sleep(250);
        }
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
}
