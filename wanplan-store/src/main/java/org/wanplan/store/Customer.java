package org.wanplan.store;

import java.time.Instant;
import java.util.List;

/** A customer and the ids of its designs, newest first. */
public record Customer(String id, String name, Instant createdAt, List<String> designIds) {
    public Customer {
        designIds = List.copyOf(designIds);
    }
}
