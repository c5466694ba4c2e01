package org.wanplan.store;

import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/** The per-span bandwidth rows of one owner: an order's needs, its reservations, a design's load. */
enum SpanRows {
    ORDER_NEEDS("SELECT span_id, gbps FROM order_span WHERE order_id = :k"),
    RESERVATIONS("SELECT span_id, gbps FROM reservation WHERE order_id = :k"),
    DESIGN_LOAD("SELECT span_id, gbps FROM design_span WHERE design_id = :k");

    private final String sql;

    SpanRows(String sql) {
        this.sql = sql;
    }

    /** Span id → Gbps for {@code key}, in span-id order (empty when there are none). */
    Map<String, Double> of(Handle h, String key) {
        Map<String, Double> out = new TreeMap<>();
        h.createQuery(sql)
                .bind("k", key)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getDouble(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
