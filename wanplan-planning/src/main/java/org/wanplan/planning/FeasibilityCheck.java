package org.wanplan.planning;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wanplan.model.Network;
import org.wanplan.routing.FailureScenario;
import org.wanplan.routing.Mask;

/**
 * Checks a plan without taking the planner's word for it: with the capacities fixed, can every
 * demand be routed, in every year and every failure state? A separate linear program per state, built
 * here from the demands (not from the planner's model), its flows aggregated by destination PoP (the planner's
 * by the lower-indexed end; aggregation by one end is exact for fractional flows) and solved by GLOP. Until
 * 2026-12-02 it had one commodity per demand: germany50's intact state alone, 116,000 variables, took about
 * 150 s, and its 89 states with any span down would have taken hours. Hop-limited demands may use only their admissible paths. Each
 * demand flows from its {@code from} to its {@code to}; the links' capacities serve their directions as the
 * problem's {@link LinkModel} says.
 */
public final class FeasibilityCheck {
    private FeasibilityCheck() {}

    /**
     * Empty when the plan carries everything; otherwise the first state that fails (by year, then state),
     * described. The states are independent LPs, checked in parallel on all cores (each its own GLOP).
     */
    public static Optional<String> violation(PlanningProblem p, CapacityPlan plan) {
        Loader.loadNativeLibraries();
        List<FailureScenario> states = p.states();
        double[][] capacity = new double[p.years()][];
        for (int t = 0; t < p.years(); t++) {
            capacity[t] = plan.capacityAfter(p, t);
        }
        int count = states.size();
        return java.util.stream.IntStream.range(0, p.years() * count)
                .parallel()
                .filter(k ->
                        !routable(p, capacity[k / count], states.get(k % count).down(), p.scale(k / count)))
                .boxed()
                .findFirst()
                .map(k -> {
                    FailureScenario state = states.get(k % count);
                    return "year " + k / count + ": the demands do not fit "
                            + (state.down().isEmpty() ? "the intact network" : "with " + state.name() + " down");
                });
    }

    private static boolean routable(PlanningProblem p, double[] capacity, Mask down, double scale) {
        Network n = p.network();
        MPSolver lp = MPSolver.createSolver("GLOP");
        int spans = n.spans().size();
        List<MPVariable[]> forward = new ArrayList<>();
        List<MPVariable[]> backward = new ArrayList<>();
        List<MPVariable> pathVars = new ArrayList<>();
        List<int[]> pathSpans = new ArrayList<>();
        // one commodity per destination PoP (the planner's is per lower-indexed end): a demand's flow leaves its
        // from and reaches its to, and all the flows into one destination may share their variables exactly
        java.util.Map<Integer, double[]> supply = new java.util.TreeMap<>(); // destination → per PoP: what leaves it
        for (int d = 0; d < p.demands().size(); d++) {
            int s = n.indexOf(p.demands().get(d).from());
            int t = n.indexOf(p.demands().get(d).to());
            double h = p.demands().get(d).gbps() * scale;
            if (p.limited(d)) { // a hop limit: the demand may only use paths within it
                MPConstraint carried = lp.makeConstraint(h, h);
                for (int[] path : HopPaths.between(n, s, t, p.maxHops().get(d))) {
                    if (!HopPaths.crosses(path, down)) {
                        MPVariable x = lp.makeNumVar(0, MPSolver.infinity(), "");
                        carried.setCoefficient(x, 1);
                        pathVars.add(x);
                        pathSpans.add(path);
                    }
                }
                continue;
            }
            double[] out = supply.computeIfAbsent(t, k -> new double[n.pops().size()]);
            out[s] += h;
            out[t] -= h;
        }
        for (double[] out : supply.values()) {
            MPVariable[] f = new MPVariable[spans];
            MPVariable[] b = new MPVariable[spans];
            forward.add(f);
            backward.add(b);
            MPConstraint[] node = new MPConstraint[n.pops().size()];
            for (int v = 0; v < node.length; v++) {
                node[v] = lp.makeConstraint(out[v], out[v]);
            }
            for (int e = 0; e < spans; e++) {
                if (down.spanDown(e)) {
                    continue;
                }
                f[e] = lp.makeNumVar(0, MPSolver.infinity(), "");
                node[n.endA(e)].setCoefficient(f[e], 1);
                node[n.endB(e)].setCoefficient(f[e], -1);
                if (p.linkModel() != LinkModel.DIRECTED) { // a directed link carries nothing back
                    b[e] = lp.makeNumVar(0, MPSolver.infinity(), "");
                    node[n.endB(e)].setCoefficient(b[e], 1);
                    node[n.endA(e)].setCoefficient(b[e], -1);
                }
            }
        }
        for (int e = 0; e < spans; e++) {
            if (down.spanDown(e)) {
                continue;
            }
            // undirected: both directions share the capacity; bidirected: each direction has it; directed: one way
            boolean shared = p.linkModel() == LinkModel.UNDIRECTED;
            MPConstraint cap = lp.makeConstraint(0, capacity[e] * (1 + 1e-9) + 1e-9);
            MPConstraint back = shared ? cap : lp.makeConstraint(0, capacity[e] * (1 + 1e-9) + 1e-9);
            for (int c = 0; c < forward.size(); c++) {
                if (forward.get(c)[e] != null) {
                    cap.setCoefficient(forward.get(c)[e], 1);
                }
                if (backward.get(c)[e] != null) {
                    back.setCoefficient(backward.get(c)[e], 1);
                }
            }
            for (int x = 0; x < pathVars.size(); x++) {
                for (int span : pathSpans.get(x)) {
                    if (span == e) {
                        cap.setCoefficient(pathVars.get(x), 1);
                    }
                }
            }
        }
        MPSolver.ResultStatus status = lp.solve();
        lp.delete();
        return status == MPSolver.ResultStatus.OPTIMAL;
    }
}
