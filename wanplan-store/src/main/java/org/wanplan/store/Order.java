package org.wanplan.store;

import java.util.Map;

/**
 * An order, the bandwidth it takes on each span of its network, and what it earns.
 *
 * @param designId the stored design it was made from, or null
 * @param mrc the monthly recurring charge of the quote it was made from (0 without one)
 * @param currency the quote's currency (ISO 4217)
 */
public record Order(
        String id,
        String customer,
        String network,
        OrderState state,
        Map<String, Double> gbpsBySpan,
        String designId,
        java.math.BigDecimal mrc,
        String currency) {
    public Order {
        gbpsBySpan = Map.copyOf(gbpsBySpan);
        java.util.Objects.requireNonNull(mrc, "mrc");
        java.util.Objects.requireNonNull(currency, "currency");
    }
}
