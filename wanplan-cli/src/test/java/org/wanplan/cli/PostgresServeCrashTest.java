package org.wanplan.cli;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.wanplan.store.Database;
import org.wanplan.store.PostgresCluster;

/**
 * The kill -9 test on a real PostgreSQL 15 cluster.
 */
class PostgresServeCrashTest extends ServeCrashContract {
    private PostgresCluster cluster;
    private String url;

    @BeforeEach
    void startCluster() throws Exception {
        cluster = PostgresCluster.start();
        url = cluster.createDatabase("crash");
    }

    @AfterEach
    void stopCluster() throws Exception {
        killServers(); // before the cluster goes
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    List<String> storeArgs() {
        return List.of("--db", url);
    }

    @Override
    Map<String, String> env() {
        return Map.of("WANPLAN_DB_USER", "postgres", "WANPLAN_DB_PASSWORD", "");
    }

    @Override
    Database open() {
        return Database.open(url, "postgres", "");
    }

    @Override
    int defaultRounds() {
        return 2;
    }
}
