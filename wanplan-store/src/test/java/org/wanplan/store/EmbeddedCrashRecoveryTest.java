package org.wanplan.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database after its owner died without closing it: rebuilt from what it reads, so that
 * H2's leftovers of the dead process's transactions cannot hang the next one (see {@link EmbeddedFiles}).
 */
class EmbeddedCrashRecoveryTest {
    @TempDir
    Path dir;

    @TempDir
    Path control;

    /** A hang guard, not a speed check: without the rebuild, this fixture's first row lock never returns. */
    private static final Duration HANG = Duration.ofMinutes(2);

    @Test
    void aFileThatSpinsOnItsFirstRowLockIsRebuiltWithEveryRowAndThenWorks() throws Exception {
        unpackFixture(dir);
        unpackFixture(control);
        Files.writeString(dir.resolve("wanplan.owner"), "open 4242\n"); // its owner was killed

        try (Database db = Database.embedded(dir)) {
            assertThat(db.rebuiltAfterCrash()).contains(dir.resolve("wanplan.mv.db.unclean"));
            assertThat(dir.resolve("wanplan.mv.db.unclean")).hasSameBinaryContentAs(control.resolve("wanplan.mv.db"));
            // every row kept: as many as H2 reads from the untouched file (the crash test that left it had made
            // at least 40 orders); the migration history only grows by the migrations newer than the fixture
            Map<String, Long> rebuilt = rowCounts(db);
            Map<String, Long> original = rowCounts(control);
            assertThat(rebuilt.remove("flyway_schema_history"))
                    .isGreaterThanOrEqualTo(original.remove("flyway_schema_history"));
            assertThat(rebuilt)
                    .isEqualTo(original)
                    .hasEntrySatisfying("orders", n -> assertThat(n).isGreaterThanOrEqualTo(40L));

            Integrity.Report report = assertTimeoutPreemptively(
                    HANG, () -> db.integrity().checkAndRepair(), "the start-up check (row locks on every span)");
            // the fixture also holds a torn transaction, which the check mends
            assertThat(report.clean()).isFalse();
            assertThat(db.integrity().checkAndRepair().clean()).isTrue();

            // writes work: a new order goes through (row locks, inserts, the audit identity)
            assertTimeoutPreemptively(HANG, () -> {
                db.orders().create("test", "ord_after", "After", "sparse", Map.of("paris-lyon", 0.25));
                db.orders().submit("test", "ord_after");
                return db.orders().reserve("test", "ord_after");
            });
            assertThat(db.reservations().of("ord_after")).isEqualTo(Map.of("paris-lyon", 0.25));
        }
        assertThat(Files.readString(dir.resolve("wanplan.owner"))).isEqualTo("closed\n");
    }

    @Test
    void aCleanCloseIsNotRebuilt() throws Exception {
        try (Database db = Database.embedded(dir)) {
            assertThat(db.rebuiltAfterCrash()).isEmpty();
            db.tokens().create(Role.VIEWER, "test");
        }
        assertThat(Files.readString(dir.resolve("wanplan.owner"))).isEqualTo("closed\n");
        try (Database db = Database.embedded(dir)) {
            assertThat(db.rebuiltAfterCrash()).isEmpty();
            assertThat(Files.readString(dir.resolve("wanplan.owner")))
                    .startsWith("open " + ProcessHandle.current().pid());
        }
        assertThat(dir.resolve("wanplan.mv.db.unclean")).doesNotExist();
    }

    @Test
    void identityCountersAreMovedPastTheLargestIdInUse() throws Exception {
        try (Database db = Database.embedded(dir)) {
            for (int i = 0; i < 5; i++) {
                db.orders().create("test", "ord_" + i, "C", "n", Map.of());
            }
        }
        // as if the crash had persisted audit rows 1..5 but not the counter that numbered them
        try (Connection c = DriverManager.getConnection(EmbeddedFiles.url(dir), "sa", "");
                Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit ALTER COLUMN id RESTART WITH 1");
        }
        // and a crash during a rebuild leaves it "recovering": the next owner rebuilds again
        Files.writeString(dir.resolve("wanplan.owner"), "recovering 4242\n");
        try (Database db = Database.embedded(dir)) {
            assertThat(db.rebuiltAfterCrash()).isPresent();
            db.orders().create("test", "ord_next", "C", "n", Map.of()); // audit row 6, not a duplicate 1
            assertThat(db.orders().auditEntries(0, 100)).hasSize(6);
        }
    }

    @Test
    void aSecondDatabaseOfTheSameProcessNeitherRebuildsNorMarksItClosed() throws Exception {
        try (Database owner = Database.embedded(dir)) {
            try (Database second = Database.embedded(dir)) {
                assertThat(second.rebuiltAfterCrash()).isEmpty();
                second.tokens().create(Role.VIEWER, "test");
            }
            // still owned, still open: had the second one marked it closed, a crash now would go unnoticed
            assertThat(Files.readString(dir.resolve("wanplan.owner"))).startsWith("open ");
            assertThat(owner.tokens().caller("nope")).isEmpty();
        }
        assertThat(Files.readString(dir.resolve("wanplan.owner"))).isEqualTo("closed\n");
    }

    @Test
    void anUncleanMarkerWithoutADatabaseFileIsAFirstRun() throws Exception {
        Files.writeString(dir.resolve("wanplan.owner"), "open 4242\n");
        try (Database db = Database.embedded(dir)) {
            assertThat(db.rebuiltAfterCrash()).isEmpty();
        }
    }

    private static void unpackFixture(Path into) throws Exception {
        try (InputStream in = new GZIPInputStream(
                EmbeddedCrashRecoveryTest.class.getResourceAsStream("h2-after-kill9-spins-on-lock.mv.db.gz"))) {
            Files.copy(in, into.resolve("wanplan.mv.db"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Rows per table, read straight from the file by H2 (reads do not meet the spin). */
    private static Map<String, Long> rowCounts(Path copy) throws SQLException {
        try (Connection c = DriverManager.getConnection(EmbeddedFiles.url(copy), "sa", "")) {
            Map<String, Long> counts = rowCounts(c);
            try (Statement s = c.createStatement()) {
                s.execute("SHUTDOWN IMMEDIATELY");
            } catch (SQLException closed) {
                // the shutdown closes this connection
            }
            return counts;
        }
    }

    private static Map<String, Long> rowCounts(Database db) throws SQLException {
        return db.jdbi().<Map<String, Long>, SQLException>withHandle(h -> rowCounts(h.getConnection()));
    }

    private static Map<String, Long> rowCounts(Connection c) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Statement s = c.createStatement();
                ResultSet tables = s.executeQuery(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
            while (tables.next()) {
                counts.put(tables.getString(1), 0L);
            }
        }
        for (String table : counts.keySet()) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
                rs.next();
                counts.put(table, rs.getLong(1));
            }
        }
        return counts;
    }
}
