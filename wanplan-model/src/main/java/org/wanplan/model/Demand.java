package org.wanplan.model;

import java.util.Objects;

/**
 * Traffic to carry between two PoPs, undirected (the same bandwidth both ways, as SNDlib's undirected
 * demands and as enterprise VPN traffic is sold).
 *
 * @param gbps bandwidth, &gt; 0
 */
public record Demand(String id, PopId from, PopId to, double gbps, ServiceClass serviceClass) {
    public Demand {
        Ids.requireValid(id, "demand id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(serviceClass, "serviceClass");
        if (!(gbps > 0 && Double.isFinite(gbps))) {
            throw new IllegalArgumentException("demand " + id + ": gbps must be a finite number > 0, was " + gbps);
        }
        if (from.equals(to)) {
            throw new IllegalArgumentException("demand " + id + ": from and to are the same PoP " + from);
        }
    }

    public static Demand of(String id, String from, String to, double gbps) {
        return new Demand(id, PopId.of(from), PopId.of(to), gbps, ServiceClass.BEST_EFFORT);
    }
}
