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
 * for explicit links) is a feasible plan, since more capacity never breaks a flow.
 *
 * <p>Which MIP solver follows was chosen by measurement (PlanningBenchmark, 2 cores, 2026-12-03). Both are
 * backends of OR-Tools' MPSolver. <b>Single-state instances</b> (no survivability) where the module descent applies
 * (single-year, modular, no routing costs or hop limits) go to <b>HiGHS</b> ({@link HighsMip}, in a child JVM), the
 * rest to SCIP. On germany50 N, HiGHS without a starting solution found 638,360 after about 40 s (its sub-MIP
 * heuristic), where SCIP reached 655,670 in 225 s from the descent's plan; 639,070 was the best the old way found in
 * 300 s, and the iterated local search ({@link ModuleDescent#descend}) from HiGHS's plan goes below it within
 * seconds (633,780 on 300 s). france N: HiGHS proves 20,200 optimal in 8 s. While HiGHS runs, the iterated local
 * search runs beside it from the rounded plan on the second core and takes up each plan of HiGHS's that is cheaper
 * than its own best; HiGHS gets three quarters of the time, the iterated local search from its plan the rest.
 *
 * <p>Survivable and explicit-capacity instances stay with SCIP, which starts from the rounded plan as a hint (HiGHS
 * cannot take one through OR-Tools 9.15) and keeps whichever is cheaper; where the descent applies, SCIP's plan gets
 * the last quarter of the time in the iterated local search, and on a machine with more than one core a second
 * iterated local search runs beside SCIP from the plan SCIP was given, on state programs of its own, and the cheaper
 * plan wins.
 */
public final class CapacityPlanner {
    private CapacityPlanner() {}

    /** The module variables of one built model, and the objective's constant. */
    private record Model(MPSolver solver, MPVariable[][][] y, double constant) {}

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

        // a plan the solver leaves short of optimal is improved by moving modules (ModuleDescent): single-state
        // instances go to HiGHS with the descent beside it and after it; the others to SCIP, its plan then to the
        // descent
        boolean descend = rounded != null && ModuleDescent.applies(p);
        t = System.nanoTime();
        ModuleDescent descent = descend ? ModuleDescent.open(p, rounded, true) : null;
        spent[0] += System.nanoTime() - t;
        try {
            if (descent != null && p.survivability() != Survivability.SPAN) {
                return highs(p, descent, rounded, roundedValue, lowerBound, deadline, spent, start);
            }
            // survivable instances go to SCIP from the rounded plan: pdh U on 60 s, 20,683,600 with a local search
            // first against 17,615,348 from SCIP's own plan (the descent from the rounded plan stops at a poorer
            // local optimum, and SCIP does not leave it)
            // SCIP and GLOP each use one core: where there is a second, the iterated local search runs beside SCIP
            // from the plan SCIP was given, on state programs of its own, until the deadline or SCIP's optimum
            java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.CompletableFuture<int[][][]> beside =
                    descent != null && Runtime.getRuntime().availableProcessors() > 1
                            ? beside(p, copy(rounded), deadline, finished, () -> null)
                            : null;
            try {
                t = System.nanoTime();
                Model mip = build(p, MPSolver.createSolver("SCIP"), true);
                CapacityPlan plan;
                try {
                    if (rounded != null) {
                        hint(mip.solver(), mip.y(), rounded);
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
     * Single-state instances: HiGHS on the whole MIP ({@link HighsMip}) until the last quarter, while the iterated
     * local search runs beside it from the rounded plan and takes up each plan of HiGHS's that is cheaper than its
     * own best; then the iterated local search from HiGHS's plan; the cheapest plan wins.
     */
    private static CapacityPlan highs(
            PlanningProblem p,
            ModuleDescent descent,
            int[][][] rounded,
            double roundedValue,
            double lowerBound,
            long deadline,
            long[] spent,
            long start) {
        java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.CompletableFuture<int[][][]> beside = null;
        long t = System.nanoTime();
        MPSolver builder = MPSolver.createSolver("SCIP");
        HighsMip highs = null;
        try {
            Model mip = build(p, builder, true);
            // the variables' indices, kept: the solver that built them is deleted before HiGHS starts
            int[][][] y = perVariable(mip.y(), MPVariable::index);
            int columns = java.util.Arrays.stream(y)
                            .flatMap(java.util.Arrays::stream)
                            .flatMapToInt(java.util.Arrays::stream)
                            .max()
                            .orElse(-1)
                    + 1;
            double constant = mip.constant();
            com.google.ortools.linearsolver.MPModelProto model = builder.exportModelToProto();
            builder.delete();
            builder = null;
            long solverDeadline = deadline - (deadline - System.nanoTime()) / 4;
            double seconds = (solverDeadline - System.nanoTime()) / 1e9;
            // HiGHS's limit counts from its own start, after the child JVM's (about a second): it gets two seconds
            // less, so that it ends by itself and reports its bound before it would be killed
            if (seconds > 3) {
                try {
                    highs = HighsMip.start(model, seconds - 2, columns);
                } catch (java.io.IOException e) {
                    highs = null; // no child JVM to be had here: the iterated local search alone
                }
            }
            spent[0] += System.nanoTime() - t;
            HighsMip offering = highs;
            java.util.function.Supplier<int[][][]> offers =
                    highs == null ? () -> null : () -> countsOf(y, offering.latest());
            if (Runtime.getRuntime().availableProcessors() > 1) {
                beside = beside(p, copy(rounded), deadline, finished, offers);
            }
            t = System.nanoTime();
            int[][][] counts = null;
            boolean optimal = false;
            double bound = lowerBound;
            if (highs != null) {
                highs.await(solverDeadline + 1_000_000_000L);
                HighsMip.Solution found = highs.latest();
                counts = countsOf(y, found);
                optimal = found != null && found.optimal();
                double highsBound = highs.bound() + constant;
                if (Double.isFinite(highsBound)) {
                    bound = Math.max(bound, highsBound);
                }
            }
            if (counts == null || cost(p, counts) > roundedValue + 1e-9) {
                counts = copy(rounded);
                optimal = false;
            }
            if (!optimal) {
                descent.descend(counts, deadline); // may first add a module where HiGHS's flows are tight
            }
            spent[1] += System.nanoTime() - t;
            double value = cost(p, counts);
            finished.set(true);
            CapacityPlan plan = plan(
                    p,
                    optimal ? "OPTIMAL" : "FEASIBLE",
                    value,
                    optimal ? value : Math.min(value, bound),
                    counts,
                    start);
            return beside == null ? plan : cheaper(p, plan, beside.join(), start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while HiGHS ran", e);
        } finally {
            finished.set(true);
            if (builder != null) {
                builder.delete();
            }
            if (highs != null) {
                highs.close();
            }
        }
    }

    /** The module counts of a solution's values (by the variables' indices), or null. */
    private static int[][][] countsOf(int[][][] y, HighsMip.Solution s) {
        if (s == null) {
            return null;
        }
        int[][][] counts = copy(y);
        for (int[][] link : counts) {
            for (int[] module : link) {
                for (int u = 0; u < module.length; u++) {
                    module[u] = (int) Math.round(s.values()[module[u]]);
                }
            }
        }
        return counts;
    }

    /**
     * The iterated local search ({@link ModuleDescent#descend}) from {@code counts} in a thread of its own, on its
     * own state programs, until {@code deadline} or {@code finished}, taking up each plan {@code offers} gives (null:
     * none yet; polled at most every 200 ms) that is cheaper than the search's best: the search starts again from
     * it. Where the search ends by itself it waits for such an offer.
     */
    private static java.util.concurrent.CompletableFuture<int[][][]> beside(
            PlanningProblem p,
            int[][][] counts,
            long deadline,
            java.util.concurrent.atomic.AtomicBoolean finished,
            java.util.function.Supplier<int[][][]> offers) {
        return java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                    try (ModuleDescent d = ModuleDescent.open(p, counts, true)) {
                        // seeded apart from the descent after SCIP, which may start from the same plan
                        d.seed(p.links().size() + 1L);
                        int[][][] best = copy(counts);
                        double[] bestCost = {cost(p, best)};
                        int[][][][] offer = {null};
                        double[] offerCost = {Double.POSITIVE_INFINITY};
                        long[] polled = {System.nanoTime()};
                        java.util.function.BooleanSupplier offered = () -> {
                            if (System.nanoTime() - polled[0] < 200_000_000L) {
                                return false;
                            }
                            polled[0] = System.nanoTime();
                            int[][][] o = offers.get();
                            double c = o == null ? Double.POSITIVE_INFINITY : cost(p, o);
                            if (c < bestCost[0] - 1e-9) {
                                offer[0] = o;
                                offerCost[0] = c;
                                return true;
                            }
                            return false;
                        };
                        int[][][] from = counts;
                        while (true) {
                            offer[0] = null;
                            d.until(() -> finished.get() || offered.getAsBoolean())
                                    .descend(from, deadline);
                            double searched = cost(p, from);
                            if (searched < bestCost[0] - 1e-9) {
                                best = copy(from);
                                bestCost[0] = searched;
                            }
                            while (offer[0] == null
                                    && !finished.get()
                                    && System.nanoTime() < deadline
                                    && !offered.getAsBoolean()) {
                                Thread.sleep(50); // the search ended by itself: wait for an offer
                            }
                            if (offer[0] == null) {
                                return best; // finished, or the deadline
                            }
                            if (offerCost[0] < bestCost[0] - 1e-9) {
                                from = offer[0];
                            } else {
                                // the search had passed the offer by the time it stopped: it goes on from its best
                                from = copy(best);
                                d.atLocalOptimum(from);
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
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
        for (int t = 0; t < years; t++) {
            double scale = p.scale(t);
            for (FailureScenario k : states) {
                boolean intact = k.down().isEmpty();
                // flow[r][e][dir]: dir 0 = endA → endB, 1 = endB → endA
                MPVariable[][][] flow = new MPVariable[roots.size()][spans][2];
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
        return new Model(solver, y, constant);
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
        return perVariable(y, v -> (int) Math.round(v.solutionValue()));
    }

    /** An array shaped like {@code y} ([link][module][year]) holding {@code value} of each variable. */
    private static int[][][] perVariable(MPVariable[][][] y, java.util.function.ToIntFunction<MPVariable> value) {
        int[][][] out = new int[y.length][][];
        for (int e = 0; e < y.length; e++) {
            out[e] = new int[y[e].length][];
            for (int m = 0; m < y[e].length; m++) {
                out[e][m] = new int[y[e][m].length];
                for (int t = 0; t < y[e][m].length; t++) {
                    out[e][m][t] = value.applyAsInt(y[e][m][t]);
                }
            }
        }
        return out;
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
