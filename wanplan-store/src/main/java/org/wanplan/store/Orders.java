package org.wanplan.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * Orders and their lifecycle: draft → submitted → reserved → active → ceased, or cancelled before
 * activation. Reserving takes the order's bandwidth on every span (all or nothing, see
 * {@link Reservations}); ceasing or cancelling a reserved order gives it back. The state change, the
 * reservation and the audit row commit in one transaction, so a crash at any point leaves either the
 * old state with nothing reserved or the new state with everything reserved.
 */
public final class Orders {
    private final Session session;
    private final java.time.Clock clock;

    Orders(Session session, java.time.Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    /** Records a draft order that earns nothing (no quote). */
    public Order create(String actor, String id, String customer, String network, Map<String, Double> gbpsBySpan) {
        return create(actor, id, customer, network, gbpsBySpan, null);
    }

    /** Records a draft order made from a stored design ({@code designId}, or null when none), earning nothing. */
    public Order create(
            String actor, String id, String customer, String network, Map<String, Double> gbpsBySpan, String designId) {
        return create(actor, id, customer, network, gbpsBySpan, designId, java.math.BigDecimal.ZERO, "EUR");
    }

    /**
     * Records a draft order made from a stored design ({@code designId}, or null when none) whose quote charges
     * {@code mrc} a month in {@code currency}.
     */
    public Order create(
            String actor,
            String id,
            String customer,
            String network,
            Map<String, Double> gbpsBySpan,
            String designId,
            java.math.BigDecimal mrc,
            String currency) {
        return session.tx(h -> {
            Timestamp now = Timestamp.from(clock.instant());
            Map<String, Double> spans = new TreeMap<>(gbpsBySpan);
            String insert = "INSERT INTO orders (id, customer, network, state, created_at, updated_at, design_id, mrc,"
                    + " currency) VALUES (:id, :c, :n, 'draft', :t, :t, :d, :m, :cur)";
            boolean oneStatement = writesInWith(h); // the order, its event, its spans and its audit row at once
            org.jdbi.v3.core.statement.Update update = h.createUpdate(
                            oneStatement
                                    ? "WITH o AS (" + insert + " RETURNING id),"
                                            + " e AS (INSERT INTO order_event (order_id, state, at)"
                                            + " SELECT id, 'draft', :t FROM o),"
                                            + " s AS (INSERT INTO order_span (order_id, span_id, gbps)"
                                            + " SELECT o.id, x.s, x.g FROM o, unnest(CAST(:spans AS VARCHAR[]),"
                                            + " CAST(:gbps AS DOUBLE PRECISION[])) AS x(s, g))"
                                            + " INSERT INTO audit (at, actor, action, entity, before, after)"
                                            + " SELECT :t, :a, 'create', :e, NULL, 'draft' FROM o"
                                    : insert)
                    .bind("id", id)
                    .bind("c", customer)
                    .bind("n", network)
                    .bind("t", now)
                    .bind("d", designId)
                    .bind("m", mrc)
                    .bind("cur", currency);
            if (oneStatement) {
                update.bindArray("spans", String.class, spans.keySet())
                        .bindArray("gbps", Double.class, spans.values())
                        .bind("a", actor)
                        .bind("e", "order " + id)
                        .execute();
            } else {
                update.execute();
                event(h, id, OrderState.DRAFT, now);
                for (Map.Entry<String, Double> e : spans.entrySet()) {
                    h.createUpdate("INSERT INTO order_span (order_id, span_id, gbps) VALUES (:o, :s, :g)")
                            .bind("o", id)
                            .bind("s", e.getKey())
                            .bind("g", e.getValue())
                            .execute();
                }
                audit(h, actor, "create", "order " + id, null, "draft", now);
            }
            return new Order(id, customer, network, OrderState.DRAFT, gbpsBySpan, designId, mrc, currency);
        });
    }

    public Optional<Order> find(String id) {
        return session.read(h -> load(h, id, false));
    }

    public Order submit(String actor, String id) throws IllegalTransitionException, OverbookedException {
        return step(actor, id, "submitted", List.of(OrderState.DRAFT), OrderState.SUBMITTED);
    }

    public Order reserve(String actor, String id) throws IllegalTransitionException, OverbookedException {
        return step(actor, id, "reserved", List.of(OrderState.SUBMITTED), OrderState.RESERVED);
    }

    public Order activate(String actor, String id) throws IllegalTransitionException, OverbookedException {
        return step(actor, id, "activated", List.of(OrderState.RESERVED), OrderState.ACTIVE);
    }

    public Order cease(String actor, String id) throws IllegalTransitionException, OverbookedException {
        return step(actor, id, "ceased", List.of(OrderState.ACTIVE), OrderState.CEASED);
    }

    public Order cancel(String actor, String id) throws IllegalTransitionException, OverbookedException {
        return step(
                actor,
                id,
                "cancelled",
                List.of(OrderState.DRAFT, OrderState.SUBMITTED, OrderState.RESERVED),
                OrderState.CANCELLED);
    }

    /** Every order, newest first (at most {@code limit}). */
    public List<Order> list(int limit) {
        return list(java.util.Optional.empty(), limit);
    }

    /**
     * Orders newest first, after the order {@code afterId} in that order (keyset paging: orders created
     * meanwhile do not shift the page), at most {@code limit}; an unknown {@code afterId} gives none.
     */
    public List<Order> list(java.util.Optional<String> afterId, int limit) {
        return session.read(h -> (afterId.isEmpty()
                        ? h.createQuery("SELECT id FROM orders ORDER BY created_at DESC, id DESC LIMIT :l")
                        : h.createQuery("SELECT o.id FROM orders o, orders c WHERE c.id = :after AND (o.created_at <"
                                        + " c.created_at OR (o.created_at = c.created_at AND o.id < c.id))"
                                        + " ORDER BY o.created_at DESC, o.id DESC LIMIT :l")
                                .bind("after", afterId.get()))
                .bind("l", limit).mapTo(String.class).list().stream()
                        .map(id -> load(h, id, false).orElseThrow())
                        .toList());
    }

    /** Audit entries with an id above {@code afterId}, oldest first (at most {@code limit}). */
    public List<AuditEntry> auditEntries(long afterId, int limit) {
        return session.read(h -> h.createQuery(
                        "SELECT id, at, actor, action, entity, before, after FROM audit WHERE id > :a ORDER BY id LIMIT :l")
                .bind("a", afterId)
                .bind("l", limit)
                .map((rs, ctx) -> new AuditEntry(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .list());
    }

    /** The audit log, oldest first: "actor action entity before → after". */
    public List<String> audit() {
        return session.read(h -> h.createQuery("SELECT actor, action, entity, before, after FROM audit ORDER BY id")
                .map((rs, ctx) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                        + rs.getString(4) + " → " + rs.getString(5))
                .list());
    }

    private Order step(String actor, String id, String verb, List<OrderState> from, OrderState to)
            throws IllegalTransitionException, OverbookedException {
        Object result = session.tx(h -> {
            Timestamp now = Timestamp.from(clock.instant());
            // On PostgreSQL one round trip locks the order and, when its state allows the step, writes the new
            // state, its event and the audit row (nothing when it does not); elsewhere a locking read first.
            boolean oneStatement = writesInWith(h);
            Order o = (oneStatement ? transition(h, id, from, to, actor, verb, now) : load(h, id, true))
                    .orElseThrow(() -> new UnknownOrderException(id));
            if (!from.contains(o.state())) {
                h.rollback();
                return new IllegalTransitionException(id, o.state(), verb);
            }
            if (!oneStatement) {
                h.createUpdate("UPDATE orders SET state = :s, updated_at = :t WHERE id = :id")
                        .bind("s", to.label())
                        .bind("t", now)
                        .bind("id", id)
                        .execute();
                event(h, id, to, now);
                audit(h, actor, verb, "order " + id, o.state().label(), to.label(), now);
            }
            // The order's own rows first (its row is locked already), the shared span rows last: a busy
            // span is then held only for its own UPDATE and the commit, not for the rest of the work.
            if (to == OrderState.RESERVED) {
                Optional<OverbookedException> refused = Reservations.reserveIn(h, id, o.network(), o.gbpsBySpan());
                if (refused.isPresent()) {
                    h.rollback();
                    return refused.get();
                }
            }
            if (o.state() == OrderState.RESERVED || o.state() == OrderState.ACTIVE) {
                if (to == OrderState.CEASED || to == OrderState.CANCELLED) {
                    Reservations.releaseIn(h, id);
                }
            }
            return new Order(id, o.customer(), o.network(), to, o.gbpsBySpan(), o.designId(), o.mrc(), o.currency());
        });
        if (result instanceof IllegalTransitionException e) {
            throw e;
        }
        if (result instanceof OverbookedException e) {
            throw e;
        }
        return (Order) result;
    }

    /** One row of an order joined with one of its spans (span null when it has none). */
    private record OrderRow(
            String customer,
            String network,
            String state,
            String designId,
            java.math.BigDecimal mrc,
            String currency,
            String span,
            double gbps) {}

    /** The order with its spans, in one query (locking the order's row when {@code lock}). */
    private static Optional<Order> load(Handle h, String id, boolean lock) {
        return order(
                id,
                h.createQuery("SELECT o.customer, o.network, o.state, o.design_id, o.mrc, o.currency, s.span_id, s.gbps"
                                + " FROM orders o LEFT JOIN order_span s ON s.order_id = o.id WHERE o.id = :id"
                                + (lock ? " <forUpdateOfO>" : ""))
                        .bind("id", id)
                        .map(Orders::row)
                        .list());
    }

    /**
     * PostgreSQL's step in one statement: locks the order's row and, when its state is one of {@code from},
     * sets it to {@code to} and writes its event and audit row. Answers the order as it was before (its
     * state tells whether anything was written), or empty when there is no such order.
     */
    private static Optional<Order> transition(
            Handle h, String id, List<OrderState> from, OrderState to, String actor, String verb, Timestamp now) {
        return order(
                id,
                h.createQuery("WITH o AS (SELECT id, customer, network, state, design_id, mrc, currency FROM orders"
                                + " WHERE id = :id FOR UPDATE),"
                                + " u AS (UPDATE orders SET state = :s, updated_at = :t FROM o WHERE orders.id = o.id"
                                + " AND o.state = ANY(CAST(:from AS VARCHAR[])) RETURNING orders.id),"
                                + " e AS (INSERT INTO order_event (order_id, state, at) SELECT id, :s, :t FROM u),"
                                + " a AS (INSERT INTO audit (at, actor, action, entity, before, after)"
                                + " SELECT :t, :a, :x, :e, o.state, :s FROM u, o)"
                                + " SELECT o.customer, o.network, o.state, o.design_id, o.mrc, o.currency, s.span_id,"
                                + " s.gbps FROM o LEFT JOIN order_span s ON s.order_id = o.id")
                        .bind("id", id)
                        .bindArray(
                                "from",
                                String.class,
                                from.stream().map(OrderState::label).toList())
                        .bind("s", to.label())
                        .bind("t", now)
                        .bind("a", actor)
                        .bind("x", verb)
                        .bind("e", "order " + id)
                        .map(Orders::row)
                        .list());
    }

    private static OrderRow row(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new OrderRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                money(rs.getBigDecimal(5)),
                rs.getString(6),
                rs.getString(7),
                rs.getDouble(8));
    }

    /** The order {@code id} from its rows (one per span), or empty when there are none. */
    private static Optional<Order> order(String id, List<OrderRow> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Double> spans = new TreeMap<>();
        rows.stream().filter(r -> r.span() != null).forEach(r -> spans.put(r.span(), r.gbps()));
        OrderRow o = rows.get(0);
        return Optional.of(new Order(
                id, o.customer(), o.network(), OrderState.of(o.state()), spans, o.designId(), o.mrc(), o.currency()));
    }

    /** Whether this database writes several tables in one statement (see {@link Dialect#WRITES_IN_WITH}). */
    static boolean writesInWith(Handle h) {
        return Boolean.TRUE.equals(
                h.getConfig(org.jdbi.v3.core.statement.SqlStatements.class).getAttribute(Dialect.WRITES_IN_WITH));
    }

    /** An amount as stored, to the cent (SQLite keeps NUMERIC as a double). */
    static java.math.BigDecimal money(java.math.BigDecimal v) {
        return v.setScale(2, java.math.RoundingMode.HALF_EVEN);
    }

    private static void event(Handle h, String id, OrderState state, Timestamp at) {
        h.createUpdate("INSERT INTO order_event (order_id, state, at) VALUES (:o, :s, :t)")
                .bind("o", id)
                .bind("s", state.label())
                .bind("t", at)
                .execute();
    }

    static void audit(Handle h, String actor, String action, String entity, String before, String after) {
        audit(h, actor, action, entity, before, after, Timestamp.from(Instant.now()));
    }

    static void audit(Handle h, String actor, String action, String entity, String before, String after, Timestamp at) {
        h.createUpdate("INSERT INTO audit (at, actor, action, entity, before, after) VALUES (:t, :a, :x, :e, :b, :f)")
                .bind("t", at)
                .bind("a", actor)
                .bind("x", action)
                .bind("e", entity)
                .bind("b", before)
                .bind("f", after)
                .execute();
    }
}
