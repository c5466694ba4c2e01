package org.wanplan.store;

import java.util.Map;

/**
 * What differs between the two databases the store runs on: where their migrations are, how a
 * transaction locks what it is about to change, and the connection settings.
 */
enum Dialect {
    /**
     * PostgreSQL, the production database: row locks ({@code SELECT … FOR UPDATE}), taken in span-id order so
     * that reservations on different spans run side by side.
     */
    POSTGRESQL("classpath:db/migration/postgresql", "FOR UPDATE", false, Map.of()),
    /**
     * The embedded SQLite file. SQLite has one writer at a time and no row locks: every transaction begins
     * {@code IMMEDIATE}, taking the write lock before its first read, so what it read cannot change before it
     * writes (the guarantee {@code FOR UPDATE} gives on PostgreSQL). Within a process, transactions queue on
     * a fair lock rather than on SQLite's busy handler, which polls; other processes wait on the busy
     * handler, up to a minute. WAL with {@code synchronous=FULL}: a commit is durable when acknowledged.
     */
    SQLITE(
            "classpath:db/migration/sqlite",
            "",
            true,
            Map.of(
                    "journal_mode", "WAL",
                    "synchronous", "FULL",
                    "transaction_mode", "IMMEDIATE",
                    "busy_timeout", "60000",
                    "foreign_keys", "true"));

    /** The JDBI attribute that SQL uses where it locks rows it reads: {@code SELECT … <forUpdate>}. */
    static final String FOR_UPDATE = "forUpdate";

    /**
     * The same for a join that locks only the rows of the table aliased {@code o} ({@code FOR UPDATE OF o}:
     * PostgreSQL refuses to lock the nullable side of an outer join).
     */
    static final String FOR_UPDATE_OF_O = "forUpdateOfO";

    /**
     * The JDBI attribute ({@link Boolean}) that says whether one statement may write several tables through
     * data-modifying {@code WITH} clauses (PostgreSQL), so an order's transition is one round trip instead
     * of four (the locking read, the state, its event, the audit row); SQLite has no such clauses and runs the statements one by one.
     */
    static final String WRITES_IN_WITH = "writesInWith";

    private final String migrations;
    private final String forUpdate;
    private final boolean oneWriter;
    private final Map<String, String> connectionProperties;

    Dialect(String migrations, String forUpdate, boolean oneWriter, Map<String, String> connectionProperties) {
        this.migrations = migrations;
        this.forUpdate = forUpdate;
        this.oneWriter = oneWriter;
        this.connectionProperties = connectionProperties;
    }

    static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        throw new IllegalArgumentException(
                "unsupported database URL " + jdbcUrl + " (jdbc:postgresql://HOST:PORT/DB or jdbc:sqlite:FILE)");
    }

    String migrations() {
        return migrations;
    }

    String forUpdate() {
        return forUpdate;
    }

    String forUpdateOfO() {
        return forUpdate.isEmpty() ? "" : forUpdate + " OF o";
    }

    boolean writesInWith() {
        return this == POSTGRESQL;
    }

    Map<String, String> connectionProperties() {
        return connectionProperties;
    }

    /** Whether the database runs one write transaction at a time (so a process queues its own). */
    boolean oneWriter() {
        return oneWriter;
    }
}
