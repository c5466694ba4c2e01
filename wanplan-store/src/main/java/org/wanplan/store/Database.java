package org.wanplan.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The database: an embedded H2 file database by default, PostgreSQL in production. Opening it runs the
 * Flyway migrations (the same SQL for both: H2 runs in PostgreSQL mode), so a first run just works.
 */
public final class Database implements AutoCloseable {
    static {
        // H2's automatic mixed mode (AUTO_SERVER, below) opens a TCP port: on loopback only
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final EmbeddedFiles files; // null unless embedded

    private Database(HikariDataSource pool, EmbeddedFiles files) {
        this.pool = pool;
        this.files = files;
        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        this.jdbi = Jdbi.create(pool);
    }

    /**
     * An H2 file database in {@code dataDir} (created on first use). When the process that last had it open
     * died without closing it, it is rebuilt first (see {@link #rebuiltAfterCrash()}).
     */
    public static Database embedded(Path dataDir) {
        EmbeddedFiles files = EmbeddedFiles.claim(dataDir);
        // a second process (`wanplan token create` while `wanplan serve` runs) connects through the first
        // one, over a TCP port H2 opens itself on loopback, instead of failing on the file lock
        return open(EmbeddedFiles.url(dataDir) + ";AUTO_SERVER=TRUE", "sa", "", files);
    }

    /** Any JDBC URL (jdbc:postgresql://… or jdbc:h2:…). */
    public static Database open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, null);
    }

    private static Database open(String jdbcUrl, String user, String password, EmbeddedFiles files) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(16);
        config.setPoolName("wanplan");
        HikariDataSource pool = null;
        try {
            pool = new HikariDataSource(config);
            return new Database(pool, files);
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            if (files != null) {
                files.abandon();
            }
            throw e;
        }
    }

    /**
     * Where the embedded database's previous file was kept when this process found it not closed cleanly
     * and rebuilt it; empty otherwise (and always for PostgreSQL, which recovers by itself).
     */
    public java.util.Optional<Path> rebuiltAfterCrash() {
        return files == null ? java.util.Optional.empty() : files.rebuiltFrom();
    }

    Jdbi jdbi() {
        return jdbi;
    }

    /** Work done in one transaction: {@link Tx}'s stores all join it; it commits when {@code work} returns and rolls back when it throws. */
    public <T, X extends Exception> T transaction(TxWork<T, X> work) throws X {
        return jdbi.inTransaction(h -> work.apply(new Tx(h)));
    }

    /** What {@link #transaction} runs. */
    @FunctionalInterface
    public interface TxWork<T, X extends Exception> {
        T apply(Tx tx) throws X;
    }

    public Reservations reservations() {
        return new Reservations(Session.of(jdbi));
    }

    public Orders orders() {
        return new Orders(Session.of(jdbi));
    }

    public Tokens tokens() {
        return new Tokens(Session.of(jdbi));
    }

    public Designs designs() {
        return new Designs(Session.of(jdbi));
    }

    public StoredNetworks networks() {
        return new StoredNetworks(Session.of(jdbi));
    }

    public Idempotency idempotency() {
        return new Idempotency(Session.of(jdbi));
    }

    public Integrity integrity() {
        return new Integrity(Session.of(jdbi));
    }

    @Override
    public void close() {
        pool.close();
        if (files != null) {
            files.close();
        }
    }
}
