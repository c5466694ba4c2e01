package org.wanplan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store written before order events existed (schema version 5): opening it with this version takes each
 * order's state changes, with their times, from the audit log, so its history is not lost.
 */
class OrderEventMigrationTest {
    @TempDir
    Path dir;

    @Test
    void orders_made_before_version_6_get_their_events_from_the_audit_log() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve(Database.EMBEDDED_FILE);
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration/sqlite")
                .target("5")
                .load()
                .migrate();
        long jan = java.time.Instant.parse("2026-01-20T10:00:00Z").toEpochMilli();
        long feb = java.time.Instant.parse("2026-02-03T10:00:00Z").toEpochMilli();
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO orders (id, customer, network, state, created_at, updated_at)"
                    + " VALUES ('o1', 'Retailer', 'tri', 'active', " + jan + ", " + feb + ")");
            s.execute("INSERT INTO audit (at, actor, action, entity, before, after) VALUES"
                    + " (" + jan + ", 't', 'create', 'order o1', NULL, 'draft'),"
                    + " (" + jan + ", 't', 'submitted', 'order o1', 'draft', 'submitted'),"
                    + " (" + jan + ", 't', 'reserved', 'order o1', 'submitted', 'reserved'),"
                    + " (" + feb + ", 't', 'activated', 'order o1', 'reserved', 'active'),"
                    + " (" + feb + ", 't', 'create', 'customer c1', NULL, 'Retailer')");
        }
        try (Database db = Database.embedded(dir)) {
            java.util.List<String> events = db.jdbi()
                    .withHandle(h -> h.createQuery("SELECT state || ' ' || at FROM order_event WHERE order_id = 'o1'"
                                    + " ORDER BY at, state")
                            .mapTo(String.class)
                            .list());
            assertThat(events).containsExactly("draft " + jan, "reserved " + jan, "submitted " + jan, "active " + feb);
            // an order from before has no price: it is counted, and earns 0
            Portfolio.Report r = db.withClock(java.time.Clock.fixed(
                            java.time.Instant.parse("2026-03-15T00:00:00Z"), java.time.ZoneOffset.UTC))
                    .portfolio()
                    .report(0.30, "EUR");
            assertThat(r.orders()).containsEntry("active", 1L);
            assertThat(r.activeMrc()).isEqualByComparingTo("0");
        }
    }
}
