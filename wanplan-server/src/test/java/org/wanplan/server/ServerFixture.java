package org.wanplan.server;

import java.nio.file.Path;
import org.wanplan.store.Database;
import org.wanplan.store.Role;

/** A real server on 127.0.0.1 and a free port over a database, with one token per role. */
final class ServerFixture implements AutoCloseable {
    final Database db;
    final WanplanServer server;
    final ApiClient api;
    final String viewer;
    final String planner;
    final String admin;

    private ServerFixture(Database db) {
        this(db, WanplanServer.Limits.defaults());
    }

    private ServerFixture(Database db, WanplanServer.Limits limits) {
        this.db = db;
        this.server = WanplanServer.create(db, line -> {}, limits).start("127.0.0.1", 0);
        this.api = new ApiClient(server.port());
        this.viewer = db.tokens().create(Role.VIEWER, "test");
        this.planner = db.tokens().create(Role.PLANNER, "test");
        this.admin = db.tokens().create(Role.ADMIN, "test");
    }

    static ServerFixture embedded(Path dir) {
        return new ServerFixture(Database.embedded(dir));
    }

    static ServerFixture embedded(Path dir, WanplanServer.Limits limits) {
        return new ServerFixture(Database.embedded(dir), limits);
    }

    static ServerFixture on(Database db) {
        return new ServerFixture(db);
    }

    @Override
    public void close() {
        server.close();
        db.close();
    }

    /** Two sites (Paris hub, Lyon) as a POST /designs body. */
    static String twoSites(String customer, String network, int mbps) {
        return """
                {"customer": "%s", "network": "%s", "topology": "hub-spoke", "sites": [
                  {"id": "paris", "name": "Paris HQ", "city": "Paris", "country": "FR", "role": "hub",
                   "bandwidthMbps": %d},
                  {"id": "lyon", "name": "Lyon", "city": "Lyon", "country": "FR", "bandwidthMbps": %d}
                ]}""".formatted(customer, network, mbps, mbps);
    }
}
