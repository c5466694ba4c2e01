package org.wanplan.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.wanplan.model.Network;
import org.wanplan.model.Span;

/**
 * Span capacity and the reservations orders make on it.
 *
 * <p>No overbooking, ever: a reservation runs in one transaction that locks the rows of the spans it
 * needs ({@code SELECT … FOR UPDATE} on PostgreSQL; on SQLite the transaction holds the one write lock from its start, see {@link Dialect}) in span-id order — a fixed order, so two reservations can never
 * wait on each other — checks every span, and then writes all of it or nothing. Row locks rather than
 * optimistic versions, because reservations on busy spans contend by design (a whole design's spans at
 * once), and retry storms under contention would be worse than a short wait. The schema also refuses
 * {@code reserved > capacity} with a CHECK, so even a bug cannot commit an overbooking.
 */
public final class Reservations {
    private final Session session;

    Reservations(Session session) {
        this.session = session;
    }

    /** Makes every span of {@code network} known, with its capacity; spans already known are kept as they are. */
    public void register(Network network) {
        session.tx(h -> {
            for (Span s : network.spans()) {
                boolean known = h.createQuery("SELECT COUNT(*) FROM span_capacity WHERE network = :n AND span_id = :s")
                                .bind("n", network.name())
                                .bind("s", s.id().value())
                                .mapTo(Integer.class)
                                .one()
                        > 0;
                if (!known) {
                    h.createUpdate("INSERT INTO span_capacity (network, span_id, capacity_gbps) VALUES (:n, :s, :c)")
                            .bind("n", network.name())
                            .bind("s", s.id().value())
                            .bind("c", s.capacityGbps())
                            .execute();
                }
            }
            return null;
        });
    }

    /** Reserves {@code gbpsBySpan} for {@code orderId} on {@code network}, all of it or nothing. */
    public void reserve(String orderId, String network, Map<String, Double> gbpsBySpan) throws OverbookedException {
        Optional<OverbookedException> refused = session.tx(h -> {
            Optional<OverbookedException> r = reserveIn(h, orderId, network, gbpsBySpan);
            if (r.isPresent()) {
                h.rollback();
            }
            return r;
        });
        if (refused.isPresent()) {
            throw refused.get();
        }
    }

    /** The reservation inside the caller's transaction; the caller rolls back when it is refused. */
    static Optional<OverbookedException> reserveIn(
            Handle h, String orderId, String network, Map<String, Double> gbpsBySpan) {
        // The order's reservation rows first, then one conditional UPDATE per span, in span-id order: it
        // locks the row, checks what is left and takes it, in one statement, and the span stays locked only
        // for what follows it (the other spans, the commit). When a span has too little, the caller rolls
        // back everything. On PostgreSQL the rows go in with the first span's UPDATE, in one round trip.
        TreeMap<String, Double> ordered = new TreeMap<>(gbpsBySpan);
        if (ordered.isEmpty()) {
            return Optional.empty();
        }
        boolean rowsWithFirst = Orders.writesInWith(h);
        if (!rowsWithFirst) {
            org.jdbi.v3.core.statement.PreparedBatch rows = h.prepareBatch(
                    "INSERT INTO reservation (order_id, network, span_id, gbps) VALUES (:o, :n, :s, :g)");
            for (Map.Entry<String, Double> e : ordered.entrySet()) {
                rows.bind("o", orderId)
                        .bind("n", network)
                        .bind("s", e.getKey())
                        .bind("g", e.getValue())
                        .add();
            }
            rows.execute();
        }
        String take = "UPDATE span_capacity SET reserved_gbps = reserved_gbps + :g"
                + " WHERE network = :n AND span_id = :s AND reserved_gbps + :g <= capacity_gbps + 1e-9";
        String firstSpan = ordered.firstKey();
        for (Map.Entry<String, Double> e : ordered.entrySet()) {
            org.jdbi.v3.core.statement.Update update =
                    rowsWithFirst && e.getKey().equals(firstSpan)
                            ? h.createUpdate("WITH r AS (INSERT INTO reservation (order_id, network, span_id, gbps)"
                                            + " SELECT :o, :n, x.s, x.g FROM unnest(CAST(:spans AS VARCHAR[]),"
                                            + " CAST(:gbps AS DOUBLE PRECISION[])) AS x(s, g)) "
                                            + take)
                                    .bind("o", orderId)
                                    .bindArray("spans", String.class, ordered.keySet())
                                    .bindArray("gbps", Double.class, ordered.values())
                            : h.createUpdate(take);
            int taken = update.bind("g", e.getValue())
                    .bind("n", network)
                    .bind("s", e.getKey())
                    .execute();
            if (taken == 0) {
                double[] row = read(h, network, e.getKey()); // why: unknown span, or not enough left
                return Optional.of(new OverbookedException(network, e.getKey(), row[0], row[1], e.getValue()));
            }
        }
        return Optional.empty();
    }

    /** Gives back everything {@code orderId} reserved. */
    public void release(String orderId) {
        session.tx(h -> {
            releaseIn(h, orderId);
            return null;
        });
    }

    /** The release inside the caller's transaction. */
    static void releaseIn(Handle h, String orderId) {
        // the order's rows go first (one statement), then each span gets its share back, in span-id order
        // like every reservation takes them; the UPDATE locks the row. On PostgreSQL the first span (in that
        // order) gets its share back in the statement that deletes the rows, in one round trip.
        String giveBack =
                "UPDATE span_capacity SET reserved_gbps = CASE WHEN reserved_gbps > :g THEN reserved_gbps - :g"
                        + " ELSE 0 END WHERE network = :n AND span_id = :s";
        boolean firstWithRows = Orders.writesInWith(h);
        List<Map<String, Object>> rows = h.createQuery(
                        firstWithRows
                                ? "WITH d AS (DELETE FROM reservation WHERE order_id = :o RETURNING network, span_id, gbps),"
                                        // byte order ("C"): Java's String order below, except between
                                        // characters past U+FFFF and U+E000-U+FFFF, where two releases could
                                        // lock in other orders (a deadlock PostgreSQL breaks); the "given"
                                        // flag keeps the accounting exact either way
                                        + " f AS (SELECT network, span_id, gbps FROM d"
                                        + " ORDER BY network COLLATE \"C\", span_id COLLATE \"C\" LIMIT 1),"
                                        + " u AS (UPDATE span_capacity c SET reserved_gbps = CASE WHEN c.reserved_gbps >"
                                        + " f.gbps THEN c.reserved_gbps - f.gbps ELSE 0 END FROM f"
                                        + " WHERE c.network = f.network AND c.span_id = f.span_id)"
                                        + " SELECT d.network, d.span_id, d.gbps, EXISTS (SELECT 1 FROM f"
                                        + " WHERE f.network = d.network AND f.span_id = d.span_id) AS given FROM d"
                                : "DELETE FROM reservation WHERE order_id = :o RETURNING network, span_id, gbps,"
                                        + " 0 AS given")
                .bind("o", orderId)
                .mapToMap()
                .list();
        List<Map<String, Object>> ordered = new java.util.ArrayList<>(rows);
        ordered.sort(java.util.Comparator.comparing((Map<String, Object> r) -> (String) r.get("network"))
                .thenComparing(r -> (String) r.get("span_id")));
        for (Map<String, Object> r : ordered) {
            if (Boolean.TRUE.equals(r.get("given"))) {
                continue; // given back in the statement above
            }
            h.createUpdate(giveBack)
                    .bind("g", ((Number) r.get("gbps")).doubleValue())
                    .bind("n", r.get("network"))
                    .bind("s", r.get("span_id"))
                    .execute();
        }
    }

    /** Reserved Gbps per span of {@code network}. */
    public Map<String, Double> reserved(String network) {
        return session.read(h -> {
            Map<String, Double> out = new TreeMap<>();
            h.createQuery("SELECT span_id, reserved_gbps FROM span_capacity WHERE network = :n")
                    .bind("n", network)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getDouble(2)))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        });
    }

    /**
     * A span's runway: what reserved and active orders use of it, and when it runs out if that use grows at
     * the given rate.
     *
     * @param monthsToExhaustion 12 · ln(capacity / used) / ln(1 + growth); empty when nothing is used (or
     *     nothing grows), 0 when the span is full
     */
    public record Runway(
            String span,
            double capacityGbps,
            double usedGbps,
            double utilisation,
            java.util.OptionalDouble monthsToExhaustion) {}

    /** Whether {@code growth} is a rate a runway is measured at: above 0 and at most +1,000 % a year. */
    public static boolean validGrowth(double growth) {
        return growth > 0 && growth <= 10;
    }

    /** The runway of every registered span of {@code network} at {@code growth} a year, soonest out first. */
    public java.util.List<Runway> runway(String network, double growth) {
        if (!validGrowth(growth)) {
            throw new IllegalArgumentException("growth must be above 0 and at most 10 a year, was " + growth);
        }
        java.util.List<Runway> all = session.read(h -> h.createQuery(
                        "SELECT span_id, capacity_gbps, reserved_gbps FROM span_capacity WHERE network = :n")
                .bind("n", network)
                .map((rs, ctx) -> {
                    double capacity = rs.getDouble(2);
                    double used = rs.getDouble(3);
                    return new Runway(
                            rs.getString(1),
                            capacity,
                            used,
                            capacity > 0 ? used / capacity : 0,
                            monthsToExhaustion(capacity, used, growth));
                })
                .list());
        return all.stream()
                .sorted(java.util.Comparator.comparingDouble(
                                (Runway r) -> r.monthsToExhaustion().orElse(Double.POSITIVE_INFINITY))
                        .thenComparing(Runway::span))
                .toList();
    }

    /** 12 · ln(capacity / used) / ln(1 + growth): empty when nothing is used, 0 when full. */
    static java.util.OptionalDouble monthsToExhaustion(double capacity, double used, double growth) {
        if (!(used > 1e-12)) {
            return java.util.OptionalDouble.empty();
        }
        return java.util.OptionalDouble.of(Math.max(0, 12 * Math.log(capacity / used) / Math.log(1 + growth)));
    }

    /** What {@code orderId} holds, per span (empty when it holds nothing). */
    public Map<String, Double> of(String orderId) {
        return session.read(h -> SpanRows.RESERVATIONS.of(h, orderId));
    }

    /** Sum of the reservation rows per span of {@code network} (to check against {@link #reserved}). */
    public Map<String, Double> reservationTotals(String network) {
        return session.read(h -> {
            Map<String, Double> out = new TreeMap<>();
            h.createQuery("SELECT span_id, SUM(gbps) FROM reservation WHERE network = :n GROUP BY span_id")
                    .bind("n", network)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getDouble(2)))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        });
    }

    /**
     * {capacity, reserved} of one span as last committed, for the refusal's message. Not locked: other
     * reservations hold key-share locks on the row (their reservation rows reference it), and a
     * {@code FOR UPDATE} here would wait for them while they wait for this transaction's update — a deadlock
     * PostgreSQL breaks by failing one of them.
     */
    private static double[] read(Handle h, String network, String span) {
        return h.createQuery(
                        "SELECT capacity_gbps, reserved_gbps FROM span_capacity WHERE network = :n AND span_id = :s")
                .bind("n", network)
                .bind("s", span)
                .map((rs, ctx) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
                .findOne()
                .orElseThrow(() -> new IllegalArgumentException("unknown span " + span + " of " + network));
    }
}
