package org.wanplan.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The database: an embedded SQLite file by default, PostgreSQL in production. Opening it runs the Flyway
 * migrations of its dialect ({@code db/migration/sqlite} or {@code db/migration/postgresql}: the same
 * tables, version for version), so a first run just works.
 *
 * <p>SQLite runs in WAL mode with {@code synchronous=FULL}: a commit is on disk before it is acknowledged,
 * and a process killed at any point leaves every transaction whole or absent. Its transactions begin
 * {@code IMMEDIATE}, taking the one write lock at the start (see {@code Dialect.SQLITE}); other processes on
 * the same file ({@code wanplan token create} while {@code wanplan serve} runs) wait for it, up to a
 * minute.
 */
public final class Database implements AutoCloseable {
    /** The embedded database's file in its data directory. */
    public static final String EMBEDDED_FILE = "wanplan.db";

    /** What wanplan versions up to 0.1 kept in the data directory (H2 2.5.252), which this one does not read. */
    static final String H2_FILE = "wanplan.mv.db";

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final Optional<Lock> writes; // this process's transactions queue here when the database has one writer
    private volatile java.time.Clock clock = java.time.Clock.systemUTC();

    private Database(HikariDataSource pool, Dialect dialect) {
        this.pool = pool;
        this.writes = dialect.oneWriter() ? Optional.of(new ReentrantLock(true)) : Optional.empty();
        Flyway.configure()
                .dataSource(pool)
                .locations(dialect.migrations())
                .load()
                .migrate();
        this.jdbi = Jdbi.create(pool)
                .define(Dialect.FOR_UPDATE, dialect.forUpdate())
                .define(Dialect.FOR_UPDATE_OF_O, dialect.forUpdateOfO())
                .define(Dialect.WRITES_IN_WITH, dialect.writesInWith());
    }

    /**
     * The SQLite database {@code wanplan.db} in {@code dataDir} (both created on first use).
     *
     * @throws IncompatibleDataException when {@code dataDir} holds an H2 database of an earlier version instead,
     *     with what to do about it
     */
    public static Database embedded(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve(EMBEDDED_FILE);
        Path h2 = dataDir.toAbsolutePath().resolve(H2_FILE);
        if (Files.exists(h2) && !Files.exists(file)) {
            throw new IncompatibleDataException(h2 + " is an H2 database written by an earlier wanplan (up to 0.1);"
                    + " the embedded database is SQLite now (" + file + ") and H2 files are not read. Move it"
                    + " aside to start with an empty store (mv " + h2 + " " + h2 + ".old), or keep serving it"
                    + " with the earlier version until its orders are ceased; tokens are re-issued with"
                    + " 'wanplan token create'.");
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
        return open("jdbc:sqlite:" + file, null, null);
    }

    /**
     * Connections kept open: {@code -Dwanplan.db.pool=N} or {@code WANPLAN_DB_POOL=N}, default HikariCP's rule
     * of thumb, cores × 2 + 1 (one disk), counting this machine's cores. A connection is one PostgreSQL
     * backend: more than the cores keep busy only adds switching and lock queues. Measured with P5 (64
     * clients, PostgreSQL on the same 2-core machine): 550 order cycles/s on the store with 5 connections
     * against 278 with 16. Raise it when the database has more cores than this machine.
     */
    static int poolSize() {
        String v = System.getProperty("wanplan.db.pool", System.getenv("WANPLAN_DB_POOL"));
        if (v == null) {
            return Runtime.getRuntime().availableProcessors() * 2 + 1;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= 1 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("wanplan.db.pool / WANPLAN_DB_POOL must be 1 to 1000, was '" + v + "'");
    }

    /** Any JDBC URL: {@code jdbc:postgresql://…}, or {@code jdbc:sqlite:FILE}. */
    public static Database open(String jdbcUrl, String user, String password) {
        Dialect dialect = Dialect.of(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize());
        config.setPoolName("wanplan");
        dialect.connectionProperties().forEach(config::addDataSourceProperty);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            return new Database(pool, dialect);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    Jdbi jdbi() {
        return jdbi;
    }

    /** Work done in one transaction: {@link Tx}'s stores all join it; it commits when {@code work} returns and rolls back when it throws. */
    public <T, X extends Exception> T transaction(TxWork<T, X> work) throws X {
        return session().tx(h -> work.apply(new Tx(h, clock)));
    }

    /** What {@link #transaction} runs. */
    @FunctionalInterface
    public interface TxWork<T, X extends Exception> {
        T apply(Tx tx) throws X;
    }

    public Reservations reservations() {
        return new Reservations(session());
    }

    public Orders orders() {
        return new Orders(session(), clock);
    }

    public Portfolio portfolio() {
        return new Portfolio(session(), clock);
    }

    /**
     * Stamps order events (and their audit rows) from {@code clock} from now on: for tests and simulations
     * that replay a history month by month; the system clock otherwise.
     */
    public Database withClock(java.time.Clock clock) {
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
        return this;
    }

    public Tokens tokens() {
        return new Tokens(session());
    }

    public Designs designs() {
        return new Designs(session());
    }

    public StoredNetworks networks() {
        return new StoredNetworks(session());
    }

    public Idempotency idempotency() {
        return new Idempotency(session());
    }

    public Integrity integrity() {
        return new Integrity(session());
    }

    /**
     * Whether the database answers a query now: empty when it does, else what went wrong (for a health
     * check; the pool's connection timeout bounds how long this takes).
     */
    public java.util.Optional<String> problem() {
        try {
            Integer one = session()
                    .read(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            return one == 1 ? java.util.Optional.empty() : java.util.Optional.of("SELECT 1 returned " + one);
        } catch (RuntimeException | Error e) {
            return java.util.Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Session session() {
        return Session.of(jdbi, writes);
    }

    @Override
    public void close() {
        pool.close();
    }
}
