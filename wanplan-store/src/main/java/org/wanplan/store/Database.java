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

    private Database(HikariDataSource pool) {
        this.pool = pool;
        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        this.jdbi = Jdbi.create(pool);
    }

    /** An H2 file database in {@code dataDir} (created on first use). */
    public static Database embedded(Path dataDir) {
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("wanplan")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000"
                // commits reach the file at once (H2 otherwise delays them up to 500 ms, and a killed process
                // loses transactions it has acknowledged)
                + ";WRITE_DELAY=0"
                // a second process (`wanplan token create` while `wanplan serve` runs) connects through the first
                // one, over a TCP port H2 opens itself on loopback, instead of failing on the file lock
                + ";AUTO_SERVER=TRUE";
        return open(url, "sa", "");
    }

    /** Any JDBC URL (jdbc:postgresql://… or jdbc:h2:…). */
    public static Database open(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(16);
        config.setPoolName("wanplan");
        return new Database(new HikariDataSource(config));
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
    }
}
