package org.wanplan.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a token may do: viewers look, planners design and order, admins also manage networks and tokens. */
public enum Role {
    VIEWER,
    PLANNER,
    ADMIN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromLabel(String label) {
        return Arrays.stream(values()).filter(r -> r.label().equals(label)).findFirst();
    }

    /** Whether this role may do what {@code required} may. */
    public boolean allows(Role required) {
        return ordinal() >= required.ordinal();
    }
}
