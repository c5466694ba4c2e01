package org.wanplan.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/** Customers and the designs made for them. A design names its customer; the customer is created with its first design. */
public final class Designs {
    private final Session session;

    Designs(Session session) {
        this.session = session;
    }

    /** Stores a design for {@code customerName} (created when new) and audits it. */
    public StoredDesign save(
            String actor,
            String customerName,
            String network,
            String topology,
            String request,
            String result,
            Map<String, Double> gbpsBySpan) {
        return session.tx(h -> {
            Instant now = Instant.now();
            String customerId = customerId(h, customerName).orElseGet(() -> {
                String id = Ids.next("cus");
                h.createUpdate("INSERT INTO customer (id, name, created_at) VALUES (:i, :n, :t)")
                        .bind("i", id)
                        .bind("n", customerName)
                        .bind("t", Timestamp.from(now))
                        .execute();
                Orders.audit(h, actor, "create", "customer " + id, null, customerName);
                return id;
            });
            String id = Ids.next("des");
            h.createUpdate("INSERT INTO design (id, customer_id, network, topology, request, result, created_at,"
                            + " created_by) VALUES (:i, :c, :n, :t, :q, :r, :at, :by)")
                    .bind("i", id)
                    .bind("c", customerId)
                    .bind("n", network)
                    .bind("t", topology)
                    .bind("q", request)
                    .bind("r", result)
                    .bind("at", Timestamp.from(now))
                    .bind("by", actor)
                    .execute();
            for (Map.Entry<String, Double> e : new TreeMap<>(gbpsBySpan).entrySet()) {
                h.createUpdate("INSERT INTO design_span (design_id, span_id, gbps) VALUES (:d, :s, :g)")
                        .bind("d", id)
                        .bind("s", e.getKey())
                        .bind("g", e.getValue())
                        .execute();
            }
            Orders.audit(h, actor, "create", "design " + id, null, customerName + " on " + network);
            return new StoredDesign(
                    id, customerId, customerName, network, topology, request, result, gbpsBySpan, now, actor);
        });
    }

    public Optional<StoredDesign> find(String id) {
        return session.read(h -> h.createQuery(
                        "SELECT d.customer_id, c.name, d.network, d.topology, d.request, d.result, d.created_at,"
                                + " d.created_by FROM design d JOIN customer c ON c.id = d.customer_id WHERE d.id = :i")
                .bind("i", id)
                .map((rs, ctx) -> new StoredDesign(
                        id,
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        SpanRows.DESIGN_LOAD.of(h, id),
                        rs.getTimestamp(7).toInstant(),
                        rs.getString(8)))
                .findOne());
    }

    public List<Customer> customers() {
        return session.read(
                h -> h.createQuery("SELECT id FROM customer ORDER BY name").mapTo(String.class).list().stream()
                        .map(id -> customer(h, id).orElseThrow())
                        .toList());
    }

    public Optional<Customer> customer(String id) {
        return session.read(h -> customer(h, id));
    }

    private static Optional<Customer> customer(Handle h, String id) {
        List<String> designs = h.createQuery(
                        "SELECT id FROM design WHERE customer_id = :i ORDER BY created_at DESC, id DESC")
                .bind("i", id)
                .mapTo(String.class)
                .list();
        return h.createQuery("SELECT name, created_at FROM customer WHERE id = :i")
                .bind("i", id)
                .map((rs, ctx) ->
                        new Customer(id, rs.getString(1), rs.getTimestamp(2).toInstant(), designs))
                .findOne();
    }

    private static Optional<String> customerId(Handle h, String name) {
        return h.createQuery("SELECT id FROM customer WHERE name = :n")
                .bind("n", name)
                .mapTo(String.class)
                .findOne();
    }
}
