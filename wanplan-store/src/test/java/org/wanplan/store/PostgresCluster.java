package org.wanplan.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster from the machine's PostgreSQL 15 binaries ({@code WANPLAN_PG_BIN}, else
 * {@code /usr/lib/postgresql/15/bin}), on 127.0.0.1 and a free port, in a temp dir the {@code postgres}
 * user can enter. PostgreSQL refuses to run as root, so as root every command runs through
 * {@code runuser -u postgres --}. Stopped and deleted on close. About a second to start.
 */
public final class PostgresCluster implements AutoCloseable {
    private final Path bin;
    private final Path dir;
    private final boolean asRoot;
    public final int port;

    private PostgresCluster(Path bin, Path dir, boolean asRoot, int port) {
        this.bin = bin;
        this.dir = dir;
        this.asRoot = asRoot;
        this.port = port;
    }

    public static PostgresCluster start() throws Exception {
        Path bin = Path.of(System.getenv().getOrDefault("WANPLAN_PG_BIN", "/usr/lib/postgresql/15/bin"));
        if (!Files.isExecutable(bin.resolve("initdb"))) {
            throw new IllegalStateException("PostgreSQL 15 binaries not found in " + bin
                    + ": install Debian's postgresql-15 (.ci/run does) or set WANPLAN_PG_BIN");
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "wanplan-pg-");
        if (root) {
            run(List.of("chown", "postgres", dir.toString()), false);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PostgresCluster c = new PostgresCluster(bin, dir, root, port);
        c.pg(List.of(
                bin.resolve("initdb").toString(),
                "-D",
                dir.resolve("data").toString(),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--no-sync"));
        c.pg(List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                dir.resolve("data").toString(),
                "-l",
                dir.resolve("log").toString(),
                "-w",
                "-o",
                "-p " + port + " -k " + dir + " -h 127.0.0.1 -F",
                "start"));
        return c;
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A new empty database. */
    public String createDatabase(String name) throws Exception {
        pg(List.of(
                bin.resolve("createdb").toString(),
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(port),
                "-U",
                "postgres",
                name));
        return url(name);
    }

    private void pg(List<String> command) throws Exception {
        List<String> full = new ArrayList<>();
        if (asRoot) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full, true);
    }

    private static void run(List<String> command, boolean quiet) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("failed (" + String.join(" ", command) + "): " + output);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            pg(List.of(
                    bin.resolve("pg_ctl").toString(),
                    "-D",
                    dir.resolve("data").toString(),
                    "-m",
                    "immediate",
                    "-w",
                    "stop"));
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
