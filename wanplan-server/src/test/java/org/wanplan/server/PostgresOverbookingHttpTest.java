package org.wanplan.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.wanplan.store.Database;
import org.wanplan.store.PostgresCluster;

/** The overbooking race on a real PostgreSQL 15 cluster started from the machine's binaries. */
class PostgresOverbookingHttpTest extends OverbookingHttpContract {
    private static PostgresCluster cluster;

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
        return Database.open(cluster.createDatabase("race"), "postgres", "");
    }
}
