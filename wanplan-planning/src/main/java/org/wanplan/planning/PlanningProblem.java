package org.wanplan.planning;

import java.util.List;
import org.wanplan.model.Demand;
import org.wanplan.model.Network;
import org.wanplan.routing.FailureScenario;

/**
 * A capacity-planning instance: undirected links with modular capacity, undirected demands routed
 * splittably over any path, survivability, and growth over {@code years} (demand in year t is
 * value × (1 + growth)^t, t = 0 … years − 1). Spending in year t is discounted by (1 + discountRate)^t,
 * so the cheapest plan in present value buys capacity only when it is needed.
 *
 * @param links one per span, in span order
 * @param discountRate cost of capital per year (default {@value #DEFAULT_DISCOUNT_RATE})
 * @param maxHops per demand (same order), the most spans its paths may have; {@link #UNLIMITED} for none
 */
public record PlanningProblem(
        Network network,
        List<Link> links,
        List<Demand> demands,
        Survivability survivability,
        int years,
        double growth,
        double discountRate,
        List<Integer> maxHops) {
    /** No hop limit. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    /** A typical telecom weighted average cost of capital. */
    public static final double DEFAULT_DISCOUNT_RATE = 0.08;

    /** A problem with the default discount rate. */
    public PlanningProblem(
            Network network,
            List<Link> links,
            List<Demand> demands,
            Survivability survivability,
            int years,
            double growth) {
        this(network, links, demands, survivability, years, growth, DEFAULT_DISCOUNT_RATE);
    }

    /** A problem without hop limits. */
    public PlanningProblem(
            Network network,
            List<Link> links,
            List<Demand> demands,
            Survivability survivability,
            int years,
            double growth,
            double discountRate) {
        this(
                network,
                links,
                demands,
                survivability,
                years,
                growth,
                discountRate,
                java.util.Collections.nCopies(demands.size(), UNLIMITED));
    }

    /** Whether demand {@code d} has a hop limit. */
    boolean limited(int d) {
        return maxHops.get(d) != UNLIMITED;
    }

    public PlanningProblem {
        links = List.copyOf(links);
        demands = List.copyOf(demands);
        maxHops = List.copyOf(maxHops);
        if (maxHops.size() != demands.size() || maxHops.stream().anyMatch(h -> h < 1)) {
            throw new IllegalArgumentException("one hop limit ≥ 1 per demand");
        }
        if (links.size() != network.spans().size()) {
            throw new IllegalArgumentException(
                    "one link per span: " + network.spans().size() + " spans, " + links.size() + " links");
        }
        if (years < 1 || !(growth >= 0) || !(discountRate >= 0)) {
            throw new IllegalArgumentException("years must be ≥ 1, growth and discount rate ≥ 0, were " + years + ", "
                    + growth + ", " + discountRate);
        }
    }

    /** Present-value factor of money spent in year t. */
    /**
     * The states the capacity must carry every demand in: the intact network, and with {@link
     * Survivability#SPAN} each single span cut (the routing engine's failure scenarios).
     */
    public List<FailureScenario> states() {
        List<FailureScenario> states = new java.util.ArrayList<>(List.of(FailureScenario.intact()));
        if (survivability == Survivability.SPAN) {
            states.addAll(FailureScenario.spanCuts(network));
        }
        return states;
    }

    public double discount(int year) {
        return 1 / Math.pow(1 + discountRate, year);
    }

    /** Demand multiplier in year t. */
    public double scale(int year) {
        return Math.pow(1 + growth, year);
    }

    /** The demands' end PoPs by index, each demand oriented from its lower-indexed end (one commodity per root). */
    int[][] ends() {
        int[][] e = new int[demands.size()][2];
        for (int d = 0; d < e.length; d++) {
            int a = network.indexOf(demands.get(d).from());
            int b = network.indexOf(demands.get(d).to());
            e[d][0] = Math.min(a, b);
            e[d][1] = Math.max(a, b);
        }
        return e;
    }
}
