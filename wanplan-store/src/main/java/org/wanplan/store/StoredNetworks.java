package org.wanplan.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Networks imported by upload, kept as wanplan JSON text under their name. */
public final class StoredNetworks {
    private final Session session;

    StoredNetworks(Session session) {
        this.session = session;
    }

    /** Whether a network of that name was imported before. */
    public boolean exists(String name) {
        return find(name).isPresent();
    }

    /** Stores {@code body} (wanplan JSON) as network {@code name}, audited. */
    public void save(String actor, String name, String body) {
        session.tx(h -> {
            h.createUpdate("INSERT INTO network_file (name, body, created_at, created_by) VALUES (:n, :b, :t, :a)")
                    .bind("n", name)
                    .bind("b", body)
                    .bind("t", Timestamp.from(Instant.now()))
                    .bind("a", actor)
                    .execute();
            Orders.audit(h, actor, "import", "network " + name, null, body.length() + " bytes");
            return null;
        });
    }

    public Optional<String> find(String name) {
        return session.read(h -> h.createQuery("SELECT body FROM network_file WHERE name = :n")
                .bind("n", name)
                .mapTo(String.class)
                .findOne());
    }

    /** The names of every imported network, in order. */
    public List<String> names() {
        return session.read(h -> h.createQuery("SELECT name FROM network_file ORDER BY name")
                .mapTo(String.class)
                .list());
    }

    /** Every imported network: name → wanplan JSON, in name order. */
    public List<Map.Entry<String, String>> all() {
        return session.read(h -> h.createQuery("SELECT name, body FROM network_file ORDER BY name")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list());
    }
}
