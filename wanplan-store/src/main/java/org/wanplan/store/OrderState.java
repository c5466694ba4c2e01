package org.wanplan.store;

import java.util.Locale;

/** Where an order is in its life. */
public enum OrderState {
    DRAFT,
    SUBMITTED,
    RESERVED,
    ACTIVE,
    CEASED,
    CANCELLED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static OrderState of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
