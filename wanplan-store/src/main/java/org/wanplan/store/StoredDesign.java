package org.wanplan.store;

import java.time.Instant;
import java.util.Map;

/**
 * A design as stored: the request it was made from, its result (design and quote, JSON), and the
 * bandwidth an order made from it reserves on each span.
 */
public record StoredDesign(
        String id,
        String customerId,
        String customerName,
        String network,
        String topology,
        String request,
        String result,
        Map<String, Double> gbpsBySpan,
        Instant createdAt,
        String createdBy) {
    public StoredDesign {
        gbpsBySpan = Map.copyOf(gbpsBySpan);
    }
}
