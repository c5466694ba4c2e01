package org.wanplan.planning;

import java.util.List;

/**
 * What can be done on one span: its pre-installed capacity (and what that cost), the cost per unit of
 * flow routed over it, and the modules that may be added — any number of each, or, when
 * {@code explicit}, at most one of them in all (SNDlib's explicit link capacities).
 *
 * @param span the span's index in the network
 */
public record Link(
        int span,
        double preInstalled,
        double preInstalledCost,
        double routingCost,
        List<Module> modules,
        boolean explicit) {
    /** A link with modular capacity: any number of each module. */
    public Link(int span, double preInstalled, double preInstalledCost, double routingCost, List<Module> modules) {
        this(span, preInstalled, preInstalledCost, routingCost, modules, false);
    }

    public Link {
        modules = List.copyOf(modules);
        if (!(preInstalled >= 0)) {
            throw new IllegalArgumentException("pre-installed capacity must be ≥ 0, was " + preInstalled);
        }
    }
}
