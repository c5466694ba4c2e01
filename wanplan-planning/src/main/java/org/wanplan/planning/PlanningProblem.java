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
 * @param linkModel how a link's capacity serves its directions ({@link LinkModel#UNDIRECTED} by default)
 * @param directedDemands whether a demand flows from its {@code from} to its {@code to} only (SNDlib's
 *     {@code DEMAND_MODEL = DIRECTED}); otherwise either way, which with undirected links is the same
 * @param routingOnBothDirections on bidirected links, pay routing cost on the flows of both directions
 *     instead of SNDlib's larger direction (the rule some published results use, e.g. ZIB's INOC 2007
 *     instances; default false)
 */
public record PlanningProblem(
        Network network,
        List<Link> links,
        List<Demand> demands,
        Survivability survivability,
        int years,
        double growth,
        double discountRate,
        List<Integer> maxHops,
        LinkModel linkModel,
        boolean directedDemands,
        boolean routingOnBothDirections) {
    /** No hop limit. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    /** A typical telecom weighted average cost of capital. */
    public static final double DEFAULT_DISCOUNT_RATE = 0.08;

    /** SNDlib's routing rule: on a bidirected link, the larger direction's flow. */
    public PlanningProblem(
            Network network,
            List<Link> links,
            List<Demand> demands,
            Survivability survivability,
            int years,
            double growth,
            double discountRate,
            List<Integer> maxHops,
            LinkModel linkModel,
            boolean directedDemands) {
        this(
                network,
                links,
                demands,
                survivability,
                years,
                growth,
                discountRate,
                maxHops,
                linkModel,
                directedDemands,
                false);
    }

    /** The same problem paying routing cost on both directions of a bidirected link. */
    public PlanningProblem withRoutingOnBothDirections() {
        return new PlanningProblem(
                network,
                links,
                demands,
                survivability,
                years,
                growth,
                discountRate,
                maxHops,
                linkModel,
                directedDemands,
                true);
    }

    /** Undirected links and demands. */
    public PlanningProblem(
            Network network,
            List<Link> links,
            List<Demand> demands,
            Survivability survivability,
            int years,
            double growth,
            double discountRate,
            List<Integer> maxHops) {
        this(network, links, demands, survivability, years, growth, discountRate, maxHops, LinkModel.UNDIRECTED, false);
    }

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
        if (linkModel != LinkModel.UNDIRECTED && !directedDemands) {
            throw new IllegalArgumentException("undirected demands need undirected links, not " + linkModel);
        }
        if (linkModel != LinkModel.UNDIRECTED && maxHops.stream().anyMatch(h -> h != UNLIMITED)) {
            throw new IllegalArgumentException("hop limits are planned on undirected links only, not " + linkModel);
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

    /**
     * The demands' end PoPs by index, one commodity per root: a directed demand from its source; an undirected
     * one from its lower-indexed end.
     */
    int[][] ends() {
        int[][] e = new int[demands.size()][2];
        for (int d = 0; d < e.length; d++) {
            int a = network.indexOf(demands.get(d).from());
            int b = network.indexOf(demands.get(d).to());
            e[d][0] = directedDemands ? a : Math.min(a, b);
            e[d][1] = directedDemands ? b : Math.max(a, b);
        }
        return e;
    }

    /** Whether links carry flow in their second direction (second end → first end) as well. */
    boolean bothWays() {
        return linkModel != LinkModel.DIRECTED;
    }
}
