package org.wanplan.store;

import java.util.Map;

/**
 * An order and the bandwidth it takes on each span of its network.
 *
 * @param designId the stored design it was made from, or null
 */
public record Order(
        String id, String customer, String network, OrderState state, Map<String, Double> gbpsBySpan, String designId) {
    public Order {
        gbpsBySpan = Map.copyOf(gbpsBySpan);
    }
}
