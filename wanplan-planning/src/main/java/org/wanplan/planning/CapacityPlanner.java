package org.wanplan.planning;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.wanplan.model.Demand;
import org.wanplan.model.Network;
import org.wanplan.routing.FailureScenario;

/**
 * Cheapest modular capacity as a mixed-integer program, solved by SCIP through OR-Tools.
 *
 * <p>Arc-flow formulation with demands aggregated by root PoP (each undirected demand is sent from its
 * lower-indexed end): for every year t, every failure state k (the intact network, and with
 * {@link Survivability#SPAN} each single span down) and every root r, continuous flows on both
 * directions of every surviving span satisfy conservation with the year's demand; on every surviving
 * span the flows of both directions together stay within pre-installed capacity plus the modules
 * added up to year t (integers y[e][m][t]; for explicit links, binaries with at most one chosen).
 * Minimises module cost in present value, pre-installed cost and the routing cost of the intact
 * state's year-0 flows — SNDlib's {@code U-U-M-N-C-A-N-N} and {@code U-U-M-N-C-A-N-U} (and the
 * explicit-capacity {@code U-U-E-…}) when years = 1. With {@link LinkModel#BIDIRECTED} links and
 * directed demands (SNDlib's {@code D-B-…}) each direction has its own capacity row and the routing cost
 * is paid on the larger direction (an auxiliary variable above both); with {@link LinkModel#DIRECTED} links
 * only the first direction exists. Demands with a hop limit are routed over path
 * variables instead, one per admissible path (every simple path within the limit, avoiding the failed
 * span): SNDlib's individual hop limits ({@code U-U-M-N-C-A-Y-…}).
 *
 * <p>So that a time limit always yields a plan, the LP relaxation is solved first (GLOP, at most half
 * the time): its value is a lower bound, and rounding its module counts up (cheapest sufficient option
 * for explicit links) is a feasible plan, since more capacity never breaks a flow. SCIP then starts
 * from that plan as a hint and keeps whichever is cheaper. Where the module descent applies (single-year,
 * modular, no routing costs or hop limits) and without survivability the rounded plan is first taken to a local optimum
 * ({@link ModuleDescent#localSearch}, at most a quarter of the time) and handed to SCIP with its flows, a complete
 * solution SCIP takes as its incumbent (SCIP ignores a hint of the module counts alone: germany50 N, 720,480
 * from SCIP alone after 30 s against 668,250 from the descent in 15 s, which SCIP then improves); SCIP's plan
 * gets the last quarter of the time in the iterated local search ({@link ModuleDescent#descend}). SCIP and
 * GLOP each use one core: on a machine with more, a second iterated local search runs beside SCIP from the plan
 * SCIP was given, on state programs of its own, and the cheaper plan wins (germany50 N on 60 s: 660,100 with it,
 * 667,390 without, 2026-12-02).
 */
public final class CapacityPlanner {
    private CapacityPlanner() {}

    /** The variables of one built model; {@code flows}: the first year's, per state [root][span][direction]. */
    private record Model(MPSolver solver, MPVariable[][][] y, double constant, List<MPVariable[][][]> flows) {}

    /** The cheapest plan within {@code timeLimit} from now. */
    public static CapacityPlan solve(PlanningProblem p, Duration timeLimit) {
        return solve(p, timeLimit, System.nanoTime());
    }

    /**
     * The cheapest plan within {@code timeLimit} from {@code startNanos} ({@link System#nanoTime()} when the
     * caller began: reading the files and building the problem spend the same budget). The LP relaxation gets
     * at most half of what is left; the MIP is built only if time is left after it, and solved in what is left
     * after building — otherwise the rounded LP plan is the answer. A model being built or a solver's last
     * step cannot be interrupted, so a very large model can still run past the limit by its build time.
     */
    public static CapacityPlan solve(PlanningProblem p, Duration timeLimit, long startNanos) {
        Loader.loadNativeLibraries();
        if (p.years() > 1 && p.links().stream().anyMatch(Link::explicit)) {
            throw new IllegalArgumentException("explicit link capacities are planned for one year only");
        }
        long[] spent = new long[2]; // nanoseconds building, solving
        CapacityPlan plan = solve(p, startNanos + Math.max(2_000_000L, timeLimit.toNanos()), spent);
        return plan.timed(seconds(startNanos), spent[0] / 1e9, spent[1] / 1e9);
    }

    /**
     * Survivable instances with more flow variables than this are planned by {@link StateDecomposition}: their
     * LP relaxation alone does not solve within minutes (germany50 with path restoration, 770,000 variables:
     * GLOP had not finished after 139 s), while france and nobel-eu (about 100,000) solve as one model.
     */
    static final long DECOMPOSE_ABOVE = 400_000;

    private static CapacityPlan solve(PlanningProblem p, long deadline, long[] spent) {
        long start = System.nanoTime();
        if (p.survivability() == Survivability.SPAN
                && StateDecomposition.applies(p)
                && ModuleDescent.variables(p) > DECOMPOSE_ABOVE) {
            return decomposed(p, deadline, spent);
        }
        long t = System.nanoTime();
        Model lp = build(p, MPSolver.createSolver("GLOP"), false);
        spent[0] += System.nanoTime() - t;
        lp.solver().setTimeLimit(Math.max(1, (deadline - System.nanoTime()) / 2_000_000));
        t = System.nanoTime();
        MPSolver.ResultStatus lpStatus = lp.solver().solve();
        spent[1] += System.nanoTime() - t;
        if (lpStatus == MPSolver.ResultStatus.INFEASIBLE) {
            lp.solver().delete();
            return new CapacityPlan("INFEASIBLE", Double.NaN, Double.NaN, Double.NaN, seconds(start), List.of());
        }
        boolean relaxed = lpStatus == MPSolver.ResultStatus.OPTIMAL;
        double lowerBound = relaxed ? lp.solver().objective().value() + lp.constant() : Double.NEGATIVE_INFINITY;
        int[][][] rounded = relaxed ? roundUp(p, lp.y()) : null;
        // the rounded plan keeps the LP's flows, so its cost is the LP's with the module part replaced
        double roundedValue = relaxed ? lowerBound - moduleCost(p, lp.y()) + cost(p, rounded, 0) : Double.NaN;
        lp.solver().delete();
        if (!relaxed) {
            // the MIP's root is this LP: a solver that could not solve it in half the time will not solve it,
            // and SCIP does not stop inside its root LP (germany50 U: 139 s on a 13 s limit) — no plan in time
            return new CapacityPlan("NOT_SOLVED", Double.NaN, Double.NaN, Double.NaN, seconds(start), List.of());
        }
        if (rounded != null && System.nanoTime() >= deadline) {
            return plan(p, "FEASIBLE", roundedValue, Math.min(roundedValue, lowerBound), rounded, start);
        }

        // a plan the solver leaves short of optimal is improved by moving modules (ModuleDescent): without
        // survivability, before SCIP, a local search from the rounded plan (at most a quarter of the time) gives
        // SCIP a good first solution with its flows, which SCIP takes as its incumbent (a hint of the module counts
        // alone it ignores); after SCIP, the last quarter goes to the iterated local search from SCIP's plan
        boolean descend = rounded != null && ModuleDescent.applies(p);
        t = System.nanoTime();
        ModuleDescent descent = descend ? ModuleDescent.open(p, rounded, true) : null;
        spent[0] += System.nanoTime() - t;
        try {
            double[][][][] flowHint = null;
            boolean local = false; // whether rounded is a plan the descent's search ends at
            // survivable instances go to SCIP from the rounded plan as before: pdh U on 60 s, 20,683,600 with the
            // local search first against 17,615,348 from SCIP's own plan (the descent from the rounded plan stops
            // at a poorer local optimum, and SCIP does not leave it)
            if (descent != null && p.survivability() != Survivability.SPAN) {
                long searching = System.nanoTime();
                local = descent.localSearch(rounded, searching + (deadline - searching) / 4);
                roundedValue = cost(p, rounded);
                flowHint = descent.solution(rounded);
                spent[1] += System.nanoTime() - searching;
            }
            // SCIP and GLOP each use one core: where there is a second, the iterated local search runs beside SCIP
            // from the plan SCIP was given, on state programs of its own, until the deadline or SCIP's optimum
            java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.CompletableFuture<int[][][]> beside =
                    descent != null && Runtime.getRuntime().availableProcessors() > 1
                            ? besideScip(p, copy(rounded), local, deadline, finished)
                            : null;
            try {
                t = System.nanoTime();
                Model mip = build(p, MPSolver.createSolver("SCIP"), true);
                CapacityPlan plan;
                try {
                    if (rounded != null) {
                        hint(mip, rounded, flowHint);
                    }
                    spent[0] += System.nanoTime() - t;
                    plan = solveMip(p, mip, descent, rounded, roundedValue, lowerBound, deadline, spent, start);
                } finally {
                    mip.solver().delete();
                }
                finished.set(true);
                return beside == null ? plan : cheaper(p, plan, beside.join(), start);
            } finally {
                finished.set(true);
            }
        } finally {
            if (descent != null) {
                descent.close();
            }
        }
    }

    /**
     * The iterated local search ({@link ModuleDescent#descend}) from {@code counts} in a thread of its own, on its
     * own state programs, until {@code deadline} or {@code finished}; {@code local}: {@code counts} is a plan the
     * search ends at, kicked at once.
     */
    private static java.util.concurrent.CompletableFuture<int[][][]> besideScip(
            PlanningProblem p,
            int[][][] counts,
            boolean local,
            long deadline,
            java.util.concurrent.atomic.AtomicBoolean finished) {
        return java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                    try (ModuleDescent d = ModuleDescent.open(p, counts, true)) {
                        if (local) {
                            d.atLocalOptimum(counts);
                        }
                        // seeded apart from the descent after SCIP, which may start from the same plan
                        return d.seed(p.links().size() + 1L)
                                .until(finished::get)
                                .descend(counts, deadline);
                    }
                },
                task -> {
                    Thread thread = new Thread(task, "wanplan-planner-search");
                    thread.setDaemon(true);
                    thread.start();
                });
    }

    /** {@code plan}, or {@code counts} as a plan where they cost less (its bound kept). */
    private static CapacityPlan cheaper(PlanningProblem p, CapacityPlan plan, int[][][] counts, long start) {
        double value = cost(p, counts);
        if (plan.hasPlan() && value >= plan.objective() - 1e-9) {
            return plan;
        }
        double bound = Double.isFinite(plan.bound()) ? Math.min(plan.bound(), value) : value;
        return plan(p, "FEASIBLE", value, bound, counts, start);
    }

    /** SCIP on {@code mip} from its hint until the last quarter (with a descent) or {@code deadline}; the plan. */
    private static CapacityPlan solveMip(
            PlanningProblem p,
            Model mip,
            ModuleDescent descent,
            int[][][] rounded,
            double roundedValue,
            double lowerBound,
            long deadline,
            long[] spent,
            long start) {
        long solverDeadline = descent != null ? deadline - (deadline - System.nanoTime()) / 4 : deadline;
        long left = (solverDeadline - System.nanoTime()) / 1_000_000;
        if (rounded != null && left <= 0) {
            return plan(p, "FEASIBLE", roundedValue, Math.min(roundedValue, lowerBound), rounded, start);
        }
        mip.solver().setTimeLimit(Math.max(1, left));
        long t = System.nanoTime();
        // SCIP checks its limit between steps; a watchdog interrupts it at the deadline as well
        java.util.concurrent.ScheduledExecutorService watchdog =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread th = new Thread(r, "wanplan-planner-deadline");
                    th.setDaemon(true);
                    return th;
                });
        watchdog.schedule(
                () -> mip.solver().interruptSolve(),
                Math.max(1, solverDeadline - System.nanoTime()),
                java.util.concurrent.TimeUnit.NANOSECONDS);
        MPSolver.ResultStatus status;
        try {
            status = mip.solver().solve();
        } finally {
            watchdog.shutdownNow();
        }
        spent[1] += System.nanoTime() - t;
        boolean mipPlan = status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE;
        double mipValue = mipPlan ? mip.solver().objective().value() + mip.constant() : Double.POSITIVE_INFINITY;
        double mipBound = mipPlan || status == MPSolver.ResultStatus.NOT_SOLVED
                ? mip.solver().objective().bestBound() + mip.constant()
                : Double.NEGATIVE_INFINITY;
        double bound = Math.max(lowerBound, Double.isFinite(mipBound) ? mipBound : Double.NEGATIVE_INFINITY);
        if (mipPlan && (rounded == null || mipValue <= roundedValue + 1e-9)) {
            int[][][] counts = counts(mip.y());
            String name = status == MPSolver.ResultStatus.OPTIMAL ? "OPTIMAL" : "FEASIBLE";
            if (descent != null && name.equals("FEASIBLE")) {
                int[][][] searched = counts(mip.y());
                descent.descend(searched, deadline); // may first add a module where SCIP's flows are tight
                if (cost(p, searched) < mipValue - 1e-9) {
                    counts = searched;
                    mipValue = cost(p, searched);
                }
            }
            return plan(
                    p, name, mipValue, name.equals("OPTIMAL") ? mipValue : Math.min(mipValue, bound), counts, start);
        } else if (rounded != null) {
            if (descent != null) {
                int[][][] searched = copy(rounded);
                descent.descend(searched, deadline);
                if (cost(p, searched) < roundedValue - 1e-9) {
                    rounded = searched;
                    roundedValue = cost(p, searched);
                }
            }
            return plan(p, "FEASIBLE", roundedValue, Math.min(roundedValue, bound), rounded, start);
        }
        return new CapacityPlan(
                status == MPSolver.ResultStatus.INFEASIBLE ? "INFEASIBLE" : "NOT_SOLVED",
                Double.NaN,
                lowerBound,
                Double.NaN,
                seconds(start),
                List.of());
    }

    /**
     * The plan of {@link StateDecomposition} within {@code timeLimit}, whatever the instance's size (the planner
     * itself decomposes only above {@link #DECOMPOSE_ABOVE}): for tests against the one model.
     */
    static CapacityPlan solveDecomposed(PlanningProblem p, Duration timeLimit) {
        Loader.loadNativeLibraries();
        if (!StateDecomposition.applies(p)) {
            throw new IllegalArgumentException(
                    "the decomposition plans single-year modular instances without" + " routing costs or hop limits");
        }
        long start = System.nanoTime();
        long[] spent = new long[2];
        return decomposed(p, start + timeLimit.toNanos(), spent).timed(seconds(start), spent[0] / 1e9, spent[1] / 1e9);
    }

    private static CapacityPlan decomposed(PlanningProblem p, long deadline, long[] spent) {
        long start = System.nanoTime();
        StateDecomposition.Result r = StateDecomposition.solve(p, deadline);
        spent[1] += System.nanoTime() - start;
        return plan(p, r.optimal() ? "OPTIMAL" : "FEASIBLE", r.value(), r.bound(), r.counts(), start);
    }

    private static Model build(PlanningProblem p, MPSolver solver, boolean integer) {
        if (solver == null) {
            throw new IllegalStateException("this OR-Tools build lacks a solver wanplan needs (SCIP, GLOP)");
        }
        Network n = p.network();
        int spans = n.spans().size();
        int years = p.years();
        int[][] ends = p.ends();
        TreeSet<Integer> rootSet = new TreeSet<>();
        List<int[]>[] paths = hopLimitedPaths(p, ends);
        for (int d = 0; d < ends.length; d++) {
            if (!p.limited(d)) {
                rootSet.add(ends[d][0]);
            }
        }
        List<Integer> roots = new ArrayList<>(rootSet);
        MPObjective objective = solver.objective();
        MPVariable[][][] y = new MPVariable[spans][][];
        double constant = 0;
        for (int e = 0; e < spans; e++) {
            Link link = p.links().get(e);
            constant += link.preInstalledCost();
            y[e] = new MPVariable[link.modules().size()][years];
            MPConstraint atMostOne = link.explicit() ? solver.makeConstraint(0, 1) : null;
            for (int m = 0; m < link.modules().size(); m++) {
                for (int t = 0; t < years; t++) {
                    double upper = link.explicit() ? 1 : MPSolver.infinity();
                    y[e][m][t] = integer ? solver.makeIntVar(0, upper, "") : solver.makeNumVar(0, upper, "");
                    objective.setCoefficient(y[e][m][t], link.modules().get(m).cost() * p.discount(t));
                    if (atMostOne != null) {
                        atMostOne.setCoefficient(y[e][m][t], 1);
                    }
                }
            }
        }
        List<FailureScenario> states = p.states();
        List<MPVariable[][][]> firstYear = new ArrayList<>();
        for (int t = 0; t < years; t++) {
            double scale = p.scale(t);
            for (FailureScenario k : states) {
                boolean intact = k.down().isEmpty();
                // flow[r][e][dir]: dir 0 = endA → endB, 1 = endB → endA
                MPVariable[][][] flow = new MPVariable[roots.size()][spans][2];
                if (t == 0) {
                    firstYear.add(flow);
                }
                for (int ri = 0; ri < roots.size(); ri++) {
                    for (int e = 0; e < spans; e++) {
                        if (k.down().spanDown(e)) {
                            continue;
                        }
                        for (int dir = 0; dir < (p.bothWays() ? 2 : 1); dir++) {
                            flow[ri][e][dir] = solver.makeNumVar(0, MPSolver.infinity(), "");
                            if (intact
                                    && t == 0
                                    && p.links().get(e).routingCost() != 0
                                    && (p.linkModel() != LinkModel.BIDIRECTED || p.routingOnBothDirections())) {
                                objective.setCoefficient(
                                        flow[ri][e][dir], p.links().get(e).routingCost());
                            }
                        }
                    }
                    conservation(solver, n, flow[ri], roots.get(ri), ends, p, scale);
                }
                MPConstraint[] cap = new MPConstraint[spans];
                boolean bidirected = p.linkModel() == LinkModel.BIDIRECTED;
                for (int e = 0; e < spans; e++) {
                    if (k.down().spanDown(e)) {
                        continue;
                    }
                    // Σ flows − Σ_m C_m Σ_{t' ≤ t} y ≤ pre-installed: both directions together on an undirected
                    // link, each direction on its own on a bidirected one, the one direction on a directed one
                    MPVariable routed = bidirected
                                    && !p.routingOnBothDirections()
                                    && intact
                                    && t == 0
                                    && p.links().get(e).routingCost() != 0
                            ? solver.makeNumVar(0, MPSolver.infinity(), "")
                            : null;
                    if (routed != null) { // routing cost on the larger direction: z ≥ each direction's flow
                        objective.setCoefficient(routed, p.links().get(e).routingCost());
                    }
                    for (int dir = 0; dir < (bidirected ? 2 : 1); dir++) {
                        MPConstraint row = solver.makeConstraint(
                                -MPSolver.infinity(), p.links().get(e).preInstalled());
                        MPConstraint larger = routed == null ? null : solver.makeConstraint(0, MPSolver.infinity());
                        if (larger != null) {
                            larger.setCoefficient(routed, 1);
                        }
                        for (int ri = 0; ri < roots.size(); ri++) {
                            for (int d = 0; d < 2; d++) {
                                if (flow[ri][e][d] != null && (!bidirected || d == dir)) {
                                    row.setCoefficient(flow[ri][e][d], 1);
                                    if (larger != null) {
                                        larger.setCoefficient(flow[ri][e][d], -1);
                                    }
                                }
                            }
                        }
                        for (int m = 0; m < y[e].length; m++) {
                            for (int u = 0; u <= t; u++) {
                                row.setCoefficient(
                                        y[e][m][u],
                                        -p.links().get(e).modules().get(m).capacity());
                            }
                        }
                        if (dir == 0) {
                            cap[e] = row; // hop-limited paths load it: undirected links only
                        }
                    }
                }
                pathFlows(solver, objective, p, paths, cap, k, t, scale);
                cutSets(solver, p, y, k, t, scale);
            }
        }
        objective.setMinimization();
        return new Model(solver, y, constant, firstYear);
    }

    /**
     * Rounded cut-set inequalities on every single PoP's cut, valid for integer module counts and so added to
     * the relaxation too: whatever crosses the cut of PoP v in state k — its demands, D — must fit the
     * surviving links' capacity, Σ_e pre_e + Σ_e Σ_m C_m y_em ≥ D; dividing by any module capacity C and rounding
     * up both sides keeps it valid for integers: Σ_e Σ_m ⌈C_m / C⌉ y_em ≥ ⌈(D − Σ_e pre_e) / C⌉. One row per PoP,
     * state, year and module size. On bidirected links each direction has the capacity, so D is the larger of
     * what leaves and what enters v; directed links get none. These rows only cut off fractional module counts,
     * never a plan, and they lift the relaxation's bound in survivable instances, where a cut loses a link.
     */
    static void cutSets(
            MPSolver solver, PlanningProblem p, MPVariable[][][] y, FailureScenario k, int t, double scale) {
        if (p.linkModel() == LinkModel.DIRECTED) {
            return;
        }
        Network n = p.network();
        int pops = n.pops().size();
        double[] out = new double[pops];
        double[] in = new double[pops];
        for (Demand d : p.demands()) {
            int a = n.indexOf(d.from());
            int b = n.indexOf(d.to());
            out[a] += d.gbps() * scale;
            in[b] += d.gbps() * scale;
        }
        java.util.TreeSet<Double> sizes = new java.util.TreeSet<>();
        for (Link link : p.links()) {
            link.modules().forEach(m -> sizes.add(m.capacity()));
        }
        for (int v = 0; v < pops; v++) {
            // bidirected: each direction has the capacity, so the larger of leaving and entering; else both share it
            double demand = p.linkModel() == LinkModel.BIDIRECTED ? Math.max(out[v], in[v]) : out[v] + in[v];
            if (demand <= 0) {
                continue;
            }
            double pre = 0;
            List<Integer> alive = new ArrayList<>();
            for (int e = 0; e < n.spans().size(); e++) {
                if ((n.endA(e) == v || n.endB(e) == v) && !k.down().spanDown(e) && n.endA(e) != n.endB(e)) {
                    alive.add(e);
                    pre += p.links().get(e).preInstalled();
                }
            }
            double need = demand - pre;
            if (need <= 1e-9 || alive.isEmpty()) {
                continue;
            }
            for (double size : sizes) {
                double rhs = Math.ceil(need / size - 1e-9);
                MPConstraint row = solver.makeConstraint(rhs, MPSolver.infinity());
                for (int e : alive) {
                    Link link = p.links().get(e);
                    for (int m = 0; m < link.modules().size(); m++) {
                        double coefficient = Math.ceil(link.modules().get(m).capacity() / size - 1e-9);
                        for (int u = 0; u <= t; u++) {
                            row.setCoefficient(y[e][m][u], coefficient);
                        }
                    }
                }
            }
        }
    }

    /** For each hop-limited demand, its admissible paths (span indices); null for the others. */
    @SuppressWarnings("unchecked")
    private static List<int[]>[] hopLimitedPaths(PlanningProblem p, int[][] ends) {
        List<int[]>[] paths = new List[ends.length];
        for (int d = 0; d < ends.length; d++) {
            if (p.limited(d)) {
                try {
                    paths[d] = HopPaths.between(
                            p.network(), ends[d][0], ends[d][1], p.maxHops().get(d));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "demand " + p.demands().get(d).id() + ": " + e.getMessage(), e);
                }
            }
        }
        return paths;
    }

    /**
     * Path flows of the hop-limited demands in failure state k: each demand splits over its admissible
     * paths that avoid the failed spans, and those paths load the capacity rows.
     */
    private static void pathFlows(
            MPSolver solver,
            MPObjective objective,
            PlanningProblem p,
            List<int[]>[] paths,
            MPConstraint[] cap,
            FailureScenario k,
            int t,
            double scale) {
        for (int d = 0; d < paths.length; d++) {
            if (paths[d] == null) {
                continue;
            }
            double h = p.demands().get(d).gbps() * scale;
            MPConstraint carried = solver.makeConstraint(h, h);
            for (int[] path : paths[d]) {
                if (HopPaths.crosses(path, k.down())) {
                    continue;
                }
                MPVariable x = solver.makeNumVar(0, MPSolver.infinity(), "");
                carried.setCoefficient(x, 1);
                double routing = 0;
                for (int e : path) {
                    cap[e].setCoefficient(x, 1);
                    routing += p.links().get(e).routingCost();
                }
                if (k.down().isEmpty() && t == 0 && routing != 0) {
                    objective.setCoefficient(x, routing);
                }
            }
        }
    }

    /** out − in = supply at every PoP, for the demands rooted at {@code root}, scaled to the year. */
    static void conservation(
            MPSolver solver, Network n, MPVariable[][] flow, int root, int[][] ends, PlanningProblem p, double scale) {
        double[] supply = new double[n.pops().size()];
        for (int d = 0; d < ends.length; d++) {
            if (ends[d][0] == root && !p.limited(d)) {
                double h = p.demands().get(d).gbps() * scale;
                supply[root] += h;
                supply[ends[d][1]] -= h;
            }
        }
        MPConstraint[] rows = new MPConstraint[n.pops().size()];
        for (int v = 0; v < rows.length; v++) {
            rows[v] = solver.makeConstraint(supply[v], supply[v]);
        }
        for (int e = 0; e < flow.length; e++) {
            if (flow[e][0] == null) {
                continue;
            }
            int a = n.endA(e);
            int b = n.endB(e);
            rows[a].setCoefficient(flow[e][0], 1);
            rows[b].setCoefficient(flow[e][0], -1);
            if (flow[e][1] != null) {
                rows[b].setCoefficient(flow[e][1], 1);
                rows[a].setCoefficient(flow[e][1], -1);
            }
        }
    }

    /**
     * Module counts covering the LP's capacity: each count rounded up; for an explicit link the
     * cheapest single option with at least the LP's capacity.
     */
    private static int[][][] roundUp(PlanningProblem p, MPVariable[][][] y) {
        int[][][] counts = new int[y.length][][];
        for (int e = 0; e < y.length; e++) {
            Link link = p.links().get(e);
            counts[e] = new int[y[e].length][p.years()];
            if (link.explicit()) {
                double needed = 0;
                for (int m = 0; m < y[e].length; m++) {
                    needed += y[e][m][0].solutionValue() * link.modules().get(m).capacity();
                }
                int best = -1;
                for (int m = 0; m < y[e].length; m++) {
                    Module mod = link.modules().get(m);
                    if (mod.capacity() >= needed - 1e-9
                            && (best < 0
                                    || mod.cost() < link.modules().get(best).cost())) {
                        best = m;
                    }
                }
                if (needed > 1e-9 && best >= 0) {
                    counts[e][best][0] = 1;
                }
                continue;
            }
            for (int m = 0; m < y[e].length; m++) {
                for (int t = 0; t < p.years(); t++) {
                    counts[e][m][t] = (int) Math.ceil(y[e][m][t].solutionValue() - 1e-9);
                }
            }
        }
        return counts;
    }

    /**
     * {@code counts} as SCIP's starting solution, with {@code flows} ([state][root][span][direction], the first
     * year's) when known: SCIP ignores a partial solution that leaves most variables unknown, so without the flows
     * the hint is only a suggestion its completion heuristic may not take.
     */
    private static void hint(Model mip, int[][][] counts, double[][][][] flows) {
        List<MPVariable> vars = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        addCounts(mip.y(), counts, vars, values);
        if (flows != null && flows.length == mip.flows().size()) {
            for (int k = 0; k < flows.length; k++) {
                MPVariable[][][] flow = mip.flows().get(k);
                for (int r = 0; r < flow.length; r++) {
                    for (int e = 0; e < flow[r].length; e++) {
                        for (int dir = 0; dir < 2; dir++) {
                            if (flow[r][e][dir] != null) {
                                vars.add(flow[r][e][dir]);
                                values.add(flows[k][r][e][dir]);
                            }
                        }
                    }
                }
            }
        }
        setHint(mip.solver(), vars, values);
    }

    /** {@code counts} as the starting solution of {@code solver}'s module variables {@code y}. */
    static void hint(MPSolver solver, MPVariable[][][] y, int[][][] counts) {
        List<MPVariable> vars = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        addCounts(y, counts, vars, values);
        setHint(solver, vars, values);
    }

    private static void addCounts(MPVariable[][][] y, int[][][] counts, List<MPVariable> vars, List<Double> values) {
        for (int e = 0; e < counts.length; e++) {
            for (int m = 0; m < counts[e].length; m++) {
                for (int t = 0; t < counts[e][m].length; t++) {
                    vars.add(y[e][m][t]);
                    values.add((double) counts[e][m][t]);
                }
            }
        }
    }

    private static void setHint(MPSolver solver, List<MPVariable> vars, List<Double> values) {
        solver.setHint(
                vars.toArray(MPVariable[]::new),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static int[][][] copy(int[][][] counts) {
        int[][][] c = new int[counts.length][][];
        for (int e = 0; e < counts.length; e++) {
            c[e] = new int[counts[e].length][];
            for (int m = 0; m < counts[e].length; m++) {
                c[e][m] = counts[e][m].clone();
            }
        }
        return c;
    }

    static int[][][] counts(MPVariable[][][] y) {
        int[][][] counts = new int[y.length][][];
        for (int e = 0; e < y.length; e++) {
            counts[e] = new int[y[e].length][];
            for (int m = 0; m < y[e].length; m++) {
                counts[e][m] = new int[y[e][m].length];
                for (int t = 0; t < y[e][m].length; t++) {
                    counts[e][m][t] = (int) Math.round(y[e][m][t].solutionValue());
                }
            }
        }
        return counts;
    }

    /** Module cost of the LP's (fractional) module counts, in present value. */
    private static double moduleCost(PlanningProblem p, MPVariable[][][] y) {
        double total = 0;
        for (int e = 0; e < y.length; e++) {
            for (int m = 0; m < y[e].length; m++) {
                for (int t = 0; t < y[e][m].length; t++) {
                    total += y[e][m][t].solutionValue()
                            * p.links().get(e).modules().get(m).cost()
                            * p.discount(t);
                }
            }
        }
        return total;
    }

    /** Module cost of a plan in present value plus what is pre-installed. */
    static double cost(PlanningProblem p, int[][][] counts) {
        return cost(
                p,
                counts,
                p.links().stream().mapToDouble(Link::preInstalledCost).sum());
    }

    /** Module cost of a plan in present value plus {@code constant}. */
    private static double cost(PlanningProblem p, int[][][] counts, double constant) {
        double total = constant;
        for (int e = 0; e < counts.length; e++) {
            for (int m = 0; m < counts[e].length; m++) {
                for (int t = 0; t < counts[e][m].length; t++) {
                    total += counts[e][m][t] * p.links().get(e).modules().get(m).cost() * p.discount(t);
                }
            }
        }
        return total;
    }

    static CapacityPlan plan(
            PlanningProblem p, String status, double value, double bound, int[][][] counts, long start) {
        Network n = p.network();
        List<CapacityPlan.LinkPlan> plans = new ArrayList<>();
        for (int e = 0; e < counts.length; e++) {
            Link link = p.links().get(e);
            Map<String, Integer> total = new LinkedHashMap<>();
            List<Map<String, Integer>> perYear = new ArrayList<>();
            double capacity = link.preInstalled();
            for (int t = 0; t < p.years(); t++) {
                Map<String, Integer> added = new LinkedHashMap<>();
                for (int m = 0; m < counts[e].length; m++) {
                    int count = counts[e][m][t];
                    if (count > 0) {
                        added.put(link.modules().get(m).name(), count);
                        total.merge(link.modules().get(m).name(), count, Integer::sum);
                        capacity += count * link.modules().get(m).capacity();
                    }
                }
                perYear.add(added);
            }
            plans.add(new CapacityPlan.LinkPlan(n.spans().get(e).id(), total, perYear, capacity));
        }
        double gap =
                status.equals("OPTIMAL") || Math.abs(value) < 1e-9 ? 0 : Math.max(0, (value - bound) / Math.abs(value));
        return new CapacityPlan(status, value, bound, gap, seconds(start), plans);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
