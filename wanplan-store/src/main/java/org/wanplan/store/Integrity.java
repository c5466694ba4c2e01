package org.wanplan.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * The store's promises, checked and mended when a server starts: every reserved or active order holds
 * exactly its bandwidth on every span, no other order holds any, and each span's reserved total is the
 * sum of what the orders hold.
 *
 * <p>Both databases keep transactions atomic across a crash, so this should find nothing: it is a guard,
 * and the crash tests require it to come back clean after every {@code kill -9}. It was written for the
 * embedded H2 database of earlier versions, which after {@code kill -9} during a burst of reservations
 * came back with part of a transaction persisted (a span's total missing one reservation, an order
 * marked reserved whose reservation rows were gone). The reservation rows are
 * taken as the truth for the totals; an order's state is what its caller was told, so a reserved order
 * that lost its rows gets them back when they still fit, and otherwise returns to submitted. Every
 * repair is audited as {@code recovery}. Runs in one transaction with every span row locked.
 */
public final class Integrity {
    private final Session session;

    Integrity(Session session) {
        this.session = session;
    }

    /** What was mended (empty when the store kept its promises). */
    public record Report(List<String> repairs) {
        public Report {
            repairs = List.copyOf(repairs);
        }

        public boolean clean() {
            return repairs.isEmpty();
        }
    }

    public Report checkAndRepair() {
        return session.tx(h -> {
            List<String> repairs = new ArrayList<>();
            // lock every span row, in the same order reservations lock them
            h.createQuery("SELECT network, span_id FROM span_capacity ORDER BY network, span_id <forUpdate>")
                    .mapToMap()
                    .list();
            for (String id : h.createQuery(SUSPECTS).mapTo(String.class).list()) {
                repairOrder(h, id, repairs);
            }
            recount(h, repairs);
            return new Report(repairs);
        });
    }

    /**
     * The orders whose reservation rows do not match their state, found in three set queries rather than
     * by reading every order (a start-up with a long order history stays quick): a holding order missing a
     * span or holding a different amount, a holding order holding a span it does not need, a non-holding
     * order holding anything. Each is then re-read and mended by {@link #repairOrder}, in id order.
     */
    static final String SUSPECTS = "SELECT id FROM ("
            + " SELECT o.id FROM orders o JOIN order_span s ON s.order_id = o.id"
            + "  LEFT JOIN reservation r ON r.order_id = s.order_id AND r.span_id = s.span_id"
            + "  WHERE o.state IN ('reserved', 'active') AND (r.gbps IS NULL OR ABS(r.gbps - s.gbps) > 1e-9)"
            + " UNION SELECT o.id FROM orders o JOIN reservation r ON r.order_id = o.id"
            + "  LEFT JOIN order_span s ON s.order_id = r.order_id AND s.span_id = r.span_id"
            + "  WHERE o.state IN ('reserved', 'active') AND s.span_id IS NULL"
            + " UNION SELECT o.id FROM orders o JOIN reservation r ON r.order_id = o.id"
            + "  WHERE o.state NOT IN ('reserved', 'active')"
            + ") suspects ORDER BY id";

    private static void repairOrder(Handle h, String id, List<String> repairs) {
        Order o = h.createQuery("SELECT customer, network, state, design_id, mrc, currency FROM orders WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Order(
                        id,
                        rs.getString(1),
                        rs.getString(2),
                        OrderState.of(rs.getString(3)),
                        SpanRows.ORDER_NEEDS.of(h, id),
                        rs.getString(4),
                        Orders.money(rs.getBigDecimal(5)),
                        rs.getString(6)))
                .one();
        Map<String, Double> held = SpanRows.RESERVATIONS.of(h, id);
        boolean holds = o.state() == OrderState.RESERVED || o.state() == OrderState.ACTIVE;
        Map<String, Double> expected = holds ? o.gbpsBySpan() : Map.of();
        if (same(held, expected)) {
            return;
        }
        h.createUpdate("DELETE FROM reservation WHERE order_id = :o")
                .bind("o", id)
                .execute();
        if (!holds) {
            repairs.add("order " + id + " (" + o.state().label() + ") held " + held + ": released");
            Orders.audit(
                    h,
                    "recovery",
                    "released",
                    "order " + id,
                    "holding " + held,
                    o.state().label());
            return;
        }
        if (fits(h, o)) {
            for (Map.Entry<String, Double> e : new TreeMap<>(o.gbpsBySpan()).entrySet()) {
                h.createUpdate("INSERT INTO reservation (order_id, network, span_id, gbps) VALUES (:o, :n, :s, :g)")
                        .bind("o", id)
                        .bind("n", o.network())
                        .bind("s", e.getKey())
                        .bind("g", e.getValue())
                        .execute();
            }
            repairs.add("order " + id + " (" + o.state().label() + ") held " + held + ": its reservation restored");
            Orders.audit(
                    h,
                    "recovery",
                    "restored",
                    "order " + id,
                    "holding " + held,
                    o.state().label());
        } else {
            OrderState back = o.state() == OrderState.RESERVED ? OrderState.SUBMITTED : o.state();
            h.createUpdate("UPDATE orders SET state = :s WHERE id = :id")
                    .bind("s", back.label())
                    .bind("id", id)
                    .execute();
            repairs.add("order " + id + " (" + o.state().label() + ") held " + held
                    + ": its reservation no longer fits; now " + back.label());
            Orders.audit(h, "recovery", "unreserved", "order " + id, o.state().label(), back.label());
        }
    }

    /** Whether the order's bandwidth fits on top of what the reservation rows hold now. */
    private static boolean fits(Handle h, Order o) {
        for (Map.Entry<String, Double> e : o.gbpsBySpan().entrySet()) {
            double[] row = h.createQuery("SELECT capacity_gbps, (SELECT COALESCE(SUM(gbps), 0) FROM reservation r"
                            + " WHERE r.network = c.network AND r.span_id = c.span_id) FROM span_capacity c"
                            + " WHERE c.network = :n AND c.span_id = :s")
                    .bind("n", o.network())
                    .bind("s", e.getKey())
                    .map((rs, ctx) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
                    .findOne()
                    .orElse(null);
            if (row == null || row[1] + e.getValue() > row[0] + 1e-9) {
                return false;
            }
        }
        return true;
    }

    /** Sets each span's total to the sum of its reservation rows. */
    private static void recount(Handle h, List<String> repairs) {
        List<Object[]> rows = h.createQuery("SELECT c.network, c.span_id, c.reserved_gbps, c.capacity_gbps,"
                        + " (SELECT COALESCE(SUM(gbps), 0) FROM reservation r WHERE r.network = c.network"
                        + " AND r.span_id = c.span_id) FROM span_capacity c ORDER BY c.network, c.span_id")
                .map((rs, ctx) -> new Object[] {
                    rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5)
                })
                .list();
        List<String> overbooked = new ArrayList<>();
        for (Object[] r : rows) {
            double total = (Double) r[2];
            double sum = (Double) r[4];
            if (Math.abs(total - sum) <= 1e-9) {
                continue;
            }
            if (sum > (Double) r[3] + 1e-9) {
                overbooked.add(r[0] + "/" + r[1] + ": " + sum + " of " + r[3] + " Gbps");
                continue;
            }
            h.createUpdate("UPDATE span_capacity SET reserved_gbps = :g WHERE network = :n AND span_id = :s")
                    .bind("g", sum)
                    .bind("n", r[0])
                    .bind("s", r[1])
                    .execute();
            repairs.add("span " + r[1] + " of " + r[0] + ": total " + total + " Gbps, reservations " + sum
                    + " Gbps: recounted");
            Orders.audit(
                    h,
                    "recovery",
                    "recounted",
                    "span " + r[0] + "/" + r[1],
                    Double.toString(total),
                    Double.toString(sum));
        }
        if (!overbooked.isEmpty()) {
            throw new IllegalStateException("the reservations on these spans exceed their capacity, which no"
                    + " repair can undo; fix them by hand before serving: " + overbooked);
        }
    }

    private static boolean same(Map<String, Double> a, Map<String, Double> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        Set<String> keys = a.keySet();
        return keys.stream().allMatch(k -> Math.abs(a.get(k) - b.get(k)) <= 1e-9);
    }
}
