package org.wanplan.planning;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.wanplan.model.Network;
import org.wanplan.routing.FailureScenario;

/**
 * A primal improvement for a plan that carries everything: take modules away one at a time, the dearest
 * first, keeping each removal only if every demand still routes in every failure state. Each state is a
 * linear program built once (flows per root, as in the planner, with the capacities as row bounds); a trial
 * changes one link's bounds and re-solves, starting with the state that refused the last trial, so a refused
 * removal usually costs one solve. Single-year, modular (not explicit), without hop limits or routing
 * costs (the plan's value is then its modules'). Each capacity is set a millionth short of the plan's, so
 * that what the descent accepts holds with room for the independent check's own tolerances.
 */
final class ModuleDescent implements AutoCloseable {
    /** The largest model kept in memory: flow variables over all states. */
    static final long MAX_VARIABLES = 400_000;

    private final PlanningProblem p;
    private final List<MPSolver> states = new ArrayList<>();
    private final List<MPConstraint[][]> rows = new ArrayList<>(); // [state][span][direction row]
    private int critical;

    private ModuleDescent(PlanningProblem p) {
        this.p = p;
    }

    /** Whether the descent applies to {@code p} and its model fits {@link #MAX_VARIABLES}. */
    static boolean applies(PlanningProblem p) {
        if (p.years() != 1
                || p.links().stream().anyMatch(Link::explicit)
                || p.links().stream().anyMatch(l -> l.routingCost() != 0)) {
            return false; // with routing costs a removal would change the flows' cost too
        }
        for (int d = 0; d < p.demands().size(); d++) {
            if (p.limited(d)) {
                return false;
            }
        }
        long roots =
                java.util.Arrays.stream(p.ends()).mapToInt(e -> e[0]).distinct().count();
        long variables = (long) p.states().size() * roots * p.network().spans().size() * 2;
        return variables <= MAX_VARIABLES;
    }

    /**
     * {@code counts} with as many modules taken away as the states allow before {@code deadline}
     * ({@link System#nanoTime()}); the same array, changed in place.
     */
    static int[][][] improve(PlanningProblem p, int[][][] counts, long deadline) {
        try (ModuleDescent d = new ModuleDescent(p)) {
            d.build(counts);
            if (!d.feasible()) {
                return counts; // not a plan the descent understands: leave it as it is
            }
            // the dearest module first: removing it saves the most
            List<int[]> order = new ArrayList<>();
            for (int e = 0; e < counts.length; e++) {
                for (int m = 0; m < counts[e].length; m++) {
                    order.add(new int[] {e, m});
                }
            }
            order.sort(Comparator.comparingDouble(
                    (int[] em) -> -p.links().get(em[0]).modules().get(em[1]).cost()));
            boolean improved = true;
            while (improved && System.nanoTime() < deadline) {
                improved = false;
                for (int[] em : order) {
                    if (System.nanoTime() >= deadline) {
                        break;
                    }
                    int e = em[0];
                    int m = em[1];
                    if (counts[e][m][0] == 0) {
                        continue;
                    }
                    counts[e][m][0]--;
                    d.setCapacity(e, capacity(p, counts, e));
                    if (d.feasible()) {
                        improved = true;
                    } else {
                        counts[e][m][0]++;
                        d.setCapacity(e, capacity(p, counts, e));
                    }
                }
            }
            return counts;
        }
    }

    private static double capacity(PlanningProblem p, int[][][] counts, int e) {
        Link link = p.links().get(e);
        double c = link.preInstalled();
        for (int m = 0; m < counts[e].length; m++) {
            c += counts[e][m][0] * link.modules().get(m).capacity();
        }
        return c * (1 - 1e-6) - 1e-6;
    }

    private void build(int[][][] counts) {
        Network n = p.network();
        int spans = n.spans().size();
        int[][] ends = p.ends();
        List<Integer> roots =
                java.util.Arrays.stream(ends).map(e -> e[0]).distinct().sorted().toList();
        boolean bidirected = p.linkModel() == LinkModel.BIDIRECTED;
        for (FailureScenario k : p.states()) {
            MPSolver solver = MPSolver.createSolver("GLOP");
            MPConstraint[][] cap = new MPConstraint[spans][bidirected ? 2 : 1];
            for (int e = 0; e < spans; e++) {
                if (k.down().spanDown(e)) {
                    continue;
                }
                double c = capacity(p, counts, e);
                for (int dir = 0; dir < cap[e].length; dir++) {
                    cap[e][dir] = solver.makeConstraint(-MPSolver.infinity(), c);
                }
            }
            for (int root : roots) {
                MPVariable[][] flow = new MPVariable[spans][2];
                for (int e = 0; e < spans; e++) {
                    if (k.down().spanDown(e)) {
                        continue;
                    }
                    for (int dir = 0; dir < (p.bothWays() ? 2 : 1); dir++) {
                        flow[e][dir] = solver.makeNumVar(0, MPSolver.infinity(), "");
                        cap[e][bidirected ? dir : 0].setCoefficient(flow[e][dir], 1);
                    }
                }
                CapacityPlanner.conservation(solver, n, flow, root, ends, p, 1); // the planner's own rows
            }
            states.add(solver);
            rows.add(cap);
        }
    }

    private void setCapacity(int e, double c) {
        for (MPConstraint[][] cap : rows) {
            if (cap[e][0] != null) {
                for (MPConstraint row : cap[e]) {
                    row.setUb(c);
                }
            }
        }
    }

    /** Whether every state routes everything; the first that does not is tried first next time. */
    private boolean feasible() {
        for (int i = 0; i < states.size(); i++) {
            int k = (critical + i) % states.size();
            if (states.get(k).solve() != MPSolver.ResultStatus.OPTIMAL) {
                critical = k;
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        states.forEach(MPSolver::delete);
    }
}
