package org.wanplan.planning;

import java.util.List;
import java.util.Map;
import org.wanplan.model.SpanId;

/**
 * The solver's answer: modules to add per span (and per year when multi-period), the cost, and how
 * sure the solver is.
 *
 * @param status OPTIMAL (proven), FEASIBLE (a plan, not proven best: see gap), INFEASIBLE, or NOT_SOLVED
 *     (no plan within the time limit)
 * @param objective total cost of the plan: added modules, pre-installed capacity and routing
 * @param bound the best lower bound the solver proved
 * @param gap (objective − bound) / objective; 0 when proven optimal
 * @param seconds wall time from the caller's start (reading the files and building the problem count) to the
 *     answer
 * @param buildSeconds of which building the solvers' models (the LP relaxation and the MIP)
 * @param solveSeconds of which solving them
 */
public record CapacityPlan(
        String status,
        double objective,
        double bound,
        double gap,
        double seconds,
        double buildSeconds,
        double solveSeconds,
        List<LinkPlan> links) {
    public CapacityPlan {
        links = List.copyOf(links);
    }

    /** A plan whose times are not known (build and solve NaN). */
    public CapacityPlan(
            String status, double objective, double bound, double gap, double seconds, List<LinkPlan> links) {
        this(status, objective, bound, gap, seconds, Double.NaN, Double.NaN, links);
    }

    /** The same plan with its times. */
    CapacityPlan timed(double seconds, double buildSeconds, double solveSeconds) {
        return new CapacityPlan(status, objective, bound, gap, seconds, buildSeconds, solveSeconds, links);
    }

    /**
     * Modules added on one span: in total and by year.
     *
     * @param added module name → count over all years
     * @param addedByYear for each year, module name → count added that year
     * @param capacity capacity installed at the end of the last year
     */
    public record LinkPlan(
            SpanId span, Map<String, Integer> added, List<Map<String, Integer>> addedByYear, double capacity) {
        public LinkPlan {
            added = Map.copyOf(added);
            addedByYear = addedByYear.stream().map(Map::copyOf).toList();
        }
    }

    public boolean hasPlan() {
        return status.equals("OPTIMAL") || status.equals("FEASIBLE");
    }

    /** Capacity of each span (by span index) at the end of year {@code year}. */
    public double[] capacityAfter(PlanningProblem problem, int year) {
        double[] capacity = new double[links.size()];
        for (int e = 0; e < links.size(); e++) {
            Link link = problem.links().get(e);
            capacity[e] = link.preInstalled();
            for (int t = 0; t <= year; t++) {
                for (Module m : link.modules()) {
                    capacity[e] +=
                            m.capacity() * links.get(e).addedByYear().get(t).getOrDefault(m.name(), 0);
                }
            }
        }
        return capacity;
    }
}
