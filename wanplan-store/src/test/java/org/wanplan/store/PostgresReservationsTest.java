package org.wanplan.store;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract against a real PostgreSQL 15 cluster started from the machine's binaries. */
class PostgresReservationsTest extends ReservationsContract {
    private static PostgresCluster cluster;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = PostgresCluster.start();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    Database open() throws Exception {
        return Database.open(cluster.createDatabase("t" + DATABASES.incrementAndGet()), "postgres", "");
    }
}
