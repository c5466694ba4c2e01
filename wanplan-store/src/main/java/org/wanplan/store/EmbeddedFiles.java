package org.wanplan.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The embedded H2 database's files, and what happens to them after a crash.
 *
 * <p>The process that opens the data directory first owns it: it holds an OS lock on {@code
 * wanplan.owner} for as long as its {@link Database} is open, and the file says {@code open} until that
 * database closes cleanly, when it says {@code closed}. Other processes (say {@code wanplan token create}
 * while {@code wanplan serve} runs) find the lock taken and reach the database through the owner, as H2's
 * mixed mode lets them. So when a process takes the lock and the file still says {@code open}, its last
 * owner died without closing: killed, out of memory, power lost.
 *
 * <p>H2 2.5.252 does not always come back well from that. Besides committing part of a transaction (see
 * {@link Integrity}), it can leave a row's uncommitted leftover in its B-tree for which it has no undo
 * entry, and the first {@code SELECT … FOR UPDATE} or write that meets that row spins forever at full
 * CPU (seen in about one of forty {@code kill -9} tests). Reads are unaffected. So after an unclean
 * shutdown the owner rebuilds the database from what it reads: {@code SCRIPT} of the old file, {@code
 * RUNSCRIPT} into a new one, identity counters moved past the largest id in use, then the new file
 * replaces the old one in one atomic rename. A copy of the old file, as the dead process left it, is kept
 * beside it as {@code wanplan.mv.db.unclean} (replacing any earlier one). A
 * crash during the rebuild leaves the marker saying {@code recovering} and the old or the new file in
 * place, complete, so the next start simply rebuilds again.
 */
final class EmbeddedFiles implements AutoCloseable {
    static final String NAME = "wanplan";

    /** The database settings of every connection to the embedded file (the URL's part after the path). */
    static final String SETTINGS =
            ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000"
                    // commits reach the file at once (H2 otherwise delays them up to 500 ms, and a killed process
                    // loses transactions it has acknowledged)
                    + ";WRITE_DELAY=0";

    /** How long a process that is not the owner waits for the owner's rebuild to finish. */
    private static final long WAIT_FOR_REBUILD_MS = 300_000;

    private final Path dir;
    private final FileChannel marker; // null when another Database of this process owns the directory
    private final FileLock lock; // null when another process (or Database) owns the directory
    private final Optional<Path> rebuiltFrom;

    private EmbeddedFiles(Path dir, FileChannel marker, FileLock lock, Optional<Path> rebuiltFrom) {
        this.dir = dir;
        this.marker = marker;
        this.lock = lock;
        this.rebuiltFrom = rebuiltFrom;
    }

    /**
     * Claims {@code dir} for this process if no other process holds it, rebuilding the database first when
     * its last owner did not close it; otherwise waits while the owner is still rebuilding.
     */
    static EmbeddedFiles claim(Path dir) {
        synchronized (OWNED_HERE) {
            if (OWNED_HERE.contains(key(dir))) {
                // another Database of this process owns it (and a second descriptor of the marker, once
                // closed, would drop this process's lock on it: POSIX locks belong to the process)
                return new EmbeddedFiles(dir, null, null, Optional.empty());
            }
            EmbeddedFiles files = claimFromOtherProcesses(dir);
            if (files.lock != null) {
                OWNED_HERE.add(key(dir));
            }
            return files;
        }
    }

    private static final java.util.Set<Path> OWNED_HERE = new java.util.HashSet<>();

    private static Path key(Path dir) {
        return dir.toAbsolutePath().normalize();
    }

    private static EmbeddedFiles claimFromOtherProcesses(Path dir) {
        try {
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(
                    dir.resolve(NAME + ".owner"),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    waitWhileRebuilding(channel);
                    return new EmbeddedFiles(dir, channel, null, Optional.empty());
                }
                String state = read(channel);
                Optional<Path> rebuilt = Optional.empty();
                boolean unclean = state.startsWith("open") || state.startsWith("recovering");
                if (unclean && Files.exists(dir.resolve(NAME + ".mv.db"))) {
                    write(channel, "recovering " + ProcessHandle.current().pid());
                    rebuilt = Optional.of(rebuild(dir));
                }
                write(channel, "open " + ProcessHandle.current().pid());
                return new EmbeddedFiles(dir, channel, lock, rebuilt);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the data directory " + dir.toAbsolutePath(), e);
        }
    }

    /** The JDBC URL of the database in {@code dir}. */
    static String url(Path dir) {
        return url(dir, NAME);
    }

    private static String url(Path dir, String name) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve(name) + SETTINGS;
    }

    /** Statements run on a connection of their own. */
    @FunctionalInterface
    private interface SqlWork {
        void run(Connection c, Statement s) throws SQLException;
    }

    /**
     * Runs {@code work} on the database at {@code url}, then shuts that database down (closing it for
     * every connection, so its file can be renamed). Only once the shutdown is under way is "database is
     * closed" expected — from the shutdown itself or the closing of this connection — and ignored.
     */
    private static void runThenShutDown(String url, SqlWork work, boolean immediately) throws SQLException {
        boolean shuttingDown = false;
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            work.run(c, s);
            shuttingDown = true;
            s.execute(immediately ? "SHUTDOWN IMMEDIATELY" : "SHUTDOWN");
        } catch (SQLException e) {
            if (!shuttingDown || e.getErrorCode() != org.h2.api.ErrorCode.DATABASE_IS_CLOSED) {
                throw e;
            }
        }
    }

    /** Where the old file was kept, when this process had to rebuild the database after an unclean shutdown. */
    Optional<Path> rebuiltFrom() {
        return rebuiltFrom;
    }

    /** Marks the database closed cleanly (when this process owns it) and lets the directory go. */
    @Override
    public void close() {
        release(true);
    }

    /** Lets the directory go without marking the database closed (it was not opened cleanly). */
    void abandon() {
        release(false);
    }

    private void release(boolean clean) {
        if (marker == null) {
            return;
        }
        synchronized (OWNED_HERE) {
            try {
                if (lock != null && clean) {
                    write(marker, "closed");
                }
                marker.close(); // releases the lock
            } catch (IOException e) {
                throw new UncheckedIOException("cannot update " + dir.resolve(NAME + ".owner"), e);
            } finally {
                if (lock != null) {
                    OWNED_HERE.remove(key(dir));
                }
            }
        }
    }

    private static Path rebuild(Path dir) throws IOException {
        Path old = dir.resolve(NAME + ".mv.db");
        Path kept = dir.resolve(NAME + ".mv.db.unclean");
        Path script = dir.resolve(NAME + "-rebuild.sql");
        String fresh = NAME + "-rebuild";
        Files.deleteIfExists(dir.resolve(fresh + ".mv.db"));
        Files.deleteIfExists(script);
        // the file as the dead process left it, before H2 opens (and writes to) it
        Files.copy(old, kept, StandardCopyOption.REPLACE_EXISTING);
        try {
            // no compaction of the damaged file: SHUTDOWN IMMEDIATELY
            runThenShutDown(url(dir, NAME), (c, s) -> s.execute("SCRIPT TO '" + script.toAbsolutePath() + "'"), true);
            runThenShutDown(
                    url(dir, fresh),
                    (c, s) -> {
                        s.execute("RUNSCRIPT FROM '" + script.toAbsolutePath() + "'");
                        moveIdentitiesPastLargestId(c);
                    },
                    false);
        } catch (SQLException e) {
            Files.deleteIfExists(dir.resolve(fresh + ".mv.db"));
            throw new IllegalStateException(
                    "the embedded database " + old.toAbsolutePath() + " was not closed cleanly and could not be rebuilt"
                            + " (" + e.getMessage() + "); it is unchanged: H2's Recover tool can read it",
                    e);
        } finally {
            Files.deleteIfExists(script);
        }
        Files.move(
                dir.resolve(fresh + ".mv.db"),
                old,
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        return kept;
    }

    /**
     * A crash can persist rows without the identity counter that numbered them; the next insert would then
     * collide with an existing id.
     */
    private static void moveIdentitiesPastLargestId(Connection c) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT table_name, column_name FROM information_schema.columns"
                        + " WHERE table_schema = 'public' AND is_identity = 'YES'")) {
            while (rs.next()) {
                columns.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        for (String[] col : columns) {
            String table = quote(col[0]);
            String column = quote(col[1]);
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(" + column + "), 0) + 1 FROM " + table)) {
                rs.next();
                long next = rs.getLong(1);
                s.execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " RESTART WITH " + next);
            }
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static void waitWhileRebuilding(FileChannel channel) throws IOException {
        long deadline = System.currentTimeMillis() + WAIT_FOR_REBUILD_MS;
        while (read(channel).startsWith("recovering") && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(256);
        channel.read(b, 0);
        return new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).strip();
    }

    /** Overwrites, then cuts what is left of a longer state: a reader never sees an empty file. */
    private static void write(FileChannel channel, String state) throws IOException {
        byte[] bytes = (state + "\n").getBytes(StandardCharsets.US_ASCII);
        channel.write(ByteBuffer.wrap(bytes), 0);
        channel.truncate(bytes.length);
        channel.force(true);
    }
}
