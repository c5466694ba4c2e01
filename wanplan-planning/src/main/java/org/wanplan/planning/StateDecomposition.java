package org.wanplan.planning;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;

/**
 * Benders decomposition by failure state, for survivable instances too large for one model (germany50 with
 * path restoration: 89 states × 49 roots × 88 links × 2 directions, 770,000 flow variables, whose LP alone
 * does not solve in minutes). The master holds only the module counts: the planner's rounded cut-set
 * inequalities for every state and a feasibility cut for every state a master plan could not route. Each
 * state is a linear program of its own (flows per root, an overflow on every capacity row, see {@link
 * ModuleDescent}); its overflow v as a function of the capacities c is convex, so at the master's capacities
 * c* its duals g give v(c) ≥ v(c*) + g · (c − c*), and a plan routes that state only if v(c) = 0: the cut
 * −g · c(y) ≥ v(c*) − g · c* (a metric inequality) is valid for every plan and cuts the master's off.
 *
 * <p>The time is shared out. A first plan: every state routed at least cost, each link covering the largest
 * load any state puts on it ({@link ModuleDescent#tighten}). Then the LP master (GLOP), cut round after cut
 * round, separated in-out — at a point between its capacities and a core point that routes every state,
 * which converges in far fewer rounds than separating at the master's own point (germany50 U: bound 779,606
 * after 149 s against 671,183 after 120 s) — until it routes every state or 60 % of the time is gone: its
 * value is a lower bound all along, converging to the full model's LP relaxation. Every round's point, with
 * the largest overflow any state left on each link, covered by the cheapest modules, is a plan (each state's
 * flows fit it as they are). Once the LP master routes every state, the integer master (SCIP) takes the same
 * cuts until 75 %: its best bound is a lower bound, its solutions are measured (violated states add cuts)
 * and repaired into plans, and a solution that routes every state as it is ends the search, optimal when the
 * master was solved to optimality. The rest goes to the module descent on the cheapest plan, its states routed
 * at least cost ({@link ModuleDescent#priced}). Where the LP master has not converged by 60 %, the integer master
 * over the cuts so far runs beside the descent on a thread of its own (SCIP uses one core): it is a relaxation,
 * so its best bound is a lower bound however far it got — on germany50 U the integer rounding of the modules
 * lifts it well above the LP's — and once it ends, the descent stops, its solution is measured (cuts) and
 * repaired into a plan, and a second descent starts from that plan until the deadline.
 */
final class StateDecomposition {
    private StateDecomposition() {}

    /** A plan and a lower bound on every plan's cost. */
    record Result(int[][][] counts, double value, double bound, boolean optimal) {}

    /** Whether the decomposition applies: single-year, modular, without routing costs or hop limits. */
    static boolean applies(PlanningProblem p) {
        return ModuleDescent.structured(p);
    }

    /** The plan and bound found before {@code deadline} ({@link System#nanoTime()}). */
    static Result solve(PlanningProblem p, long deadline) {
        return solve(p, deadline, Integer.MAX_VALUE);
    }

    /** {@link #solve(PlanningProblem, long)} with at most {@code lpRounds} rounds of the LP master (for tests). */
    static Result solve(PlanningProblem p, long deadline, int lpRounds) {
        int spans = p.links().size();
        int[][][] zero = new int[spans][][];
        for (int e = 0; e < spans; e++) {
            zero[e] = new int[p.links().get(e).modules().size()][1];
        }
        List<double[]> cuts = new ArrayList<>(); // per cut: coefficient per (link, module) flattened, then rhs last
        double bound = Double.NEGATIVE_INFINITY;
        int[][][] best;
        double bestValue = Double.POSITIVE_INFINITY;
        boolean optimal = false;
        long start = System.nanoTime();
        try (ModuleDescent states = ModuleDescent.open(p, zero)) {
            double[] perLink = new double[spans];
            double[] slope = new double[spans];
            double[] maxOverflow = new double[spans];

            // a first plan: every state routed at least cost on links of unbounded capacity, each link covering
            // the largest load; then again within those capacities while it gets cheaper
            double[] unbounded = new double[spans];
            java.util.Arrays.fill(
                    unbounded, p.demands().stream().mapToDouble(d -> d.gbps()).sum());
            // the first routing may take up to a quarter of the time (without it the plan is every link carrying
            // all the traffic: germany50 U on 60 s had 2,982,980 where a routed first plan gave 1,238,960), the
            // repeats while cheaper stop at a tenth
            best = states.tighten(ModuleDescent.cover(p, unbounded), start + (deadline - start) / 4, 1);
            best = states.tighten(best, start + (deadline - start) / 10);
            bestValue = CapacityPlanner.cost(p, best);
            double[] core = new double[spans];
            for (int e = 0; e < spans; e++) {
                core[e] = ModuleDescent.exactCapacity(p, best, e);
            }

            // phase 1: the LP master, separated in-out (at a point between its capacities and a core point that
            // routes every state, which converges in fewer rounds than separating at the master's own point);
            // a separation point that routes every state becomes the core; every point, with the largest overflow
            // any state left on each link, covered by whole modules is a plan. Until the master routes every
            // state, or 60 % of the time
            long lpEnd = start + (deadline - start) * 3 / 5;
            boolean converged = false;
            double lambda = 0.5;
            for (int round = 0; round < lpRounds && System.nanoTime() < lpEnd; round++) {
                Master lp = Master.build(p, cuts, false);
                try {
                    if (lp.solve(lpEnd) != MPSolver.ResultStatus.OPTIMAL) {
                        break;
                    }
                    bound = Math.max(bound, lp.value());
                    double[] master = lp.capacities(p);
                    double[] point = new double[spans];
                    for (int e = 0; e < spans; e++) {
                        point[e] = lambda * master[e] + (1 - lambda) * core[e];
                    }
                    int added = separate(p, states, point, cuts, perLink, slope, maxOverflow, lpEnd);
                    if (System.nanoTime() < lpEnd) {
                        // every state measured: each routes within the point plus its overflow, so covering the
                        // point plus the largest overflow on every link is a plan
                        double[] need = new double[spans];
                        for (int e = 0; e < spans; e++) {
                            need[e] = point[e] + maxOverflow[e];
                        }
                        int[][][] covered = ModuleDescent.cover(p, need);
                        double value = CapacityPlanner.cost(p, covered);
                        if (value < bestValue) {
                            best = covered;
                            bestValue = value;
                        }
                    }
                    if (added == 0 && System.nanoTime() < lpEnd) {
                        core = point;
                        if (lambda >= 1) {
                            converged = true; // the LP master routes every state: the LP relaxation's bound
                            break;
                        }
                        lambda = Math.min(1, lambda + 0.25);
                    }
                } finally {
                    lp.delete();
                }
            }

            // phase 2, once the LP master has converged: the integer master, its solutions made plans, until 75 %
            long mipEnd = start + (deadline - start) * 3 / 4;
            while (converged && System.nanoTime() < mipEnd) {
                Master mip = Master.build(p, cuts, true);
                try {
                    mip.hint(best);
                    MPSolver.ResultStatus status = mip.solve(mipEnd);
                    if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
                        break;
                    }
                    bound = Math.max(bound, mip.bestBound());
                    Candidate c = candidate(p, states, mip.counts(), cuts, perLink, slope, mipEnd, deadline);
                    if (c == null) {
                        break; // the deadline came before every state was measured
                    }
                    double value = CapacityPlanner.cost(p, c.plan());
                    if (value < bestValue) {
                        best = c.plan();
                        bestValue = value;
                    }
                    if (c.routedAsIs()) {
                        optimal = status == MPSolver.ResultStatus.OPTIMAL;
                        break; // the master's own solution is a plan: no cut to add, nothing left to learn
                    }
                } finally {
                    mip.delete();
                }
            }
            // where the LP master has not converged, the integer master over the cuts so far is solved beside the
            // descent, on a thread of its own: its bound, and its solution made a plan from which a second descent
            // starts (germany50 U on 300 s: bound 812,470 where the LP master had 785,339; the master's plan
            // repaired 873,840 and the descent from it 844,940, where the LP master's best covered plan was 972,280)
            BoundBeside beside = !converged && !optimal && !cuts.isEmpty()
                    ? BoundBeside.start(p, List.copyOf(cuts), best, deadline)
                    : null;
            try {
                if (!optimal) {
                    states.incremental(); // the descent changes one link at a time
                    states.priced();
                    int[][][] searched = CapacityPlanner.copy(best);
                    if (beside != null) { // the first descent keeps at least half of what is left
                        long half = System.nanoTime() + (deadline - System.nanoTime()) / 2;
                        states.until(() -> beside.done() && System.nanoTime() >= half);
                    }
                    states.descend(searched, deadline);
                    states.until(() -> false);
                    if (beside != null) {
                        beside.await(deadline); // a descent that ended early waits for the master, to the deadline
                    }
                    if (CapacityPlanner.cost(p, searched) < bestValue - 1e-9) {
                        best = searched;
                        bestValue = CapacityPlanner.cost(p, searched);
                    }
                }
                if (beside != null && beside.done() && beside.counts() != null && System.nanoTime() < deadline) {
                    bound = Math.max(bound, beside.bound());
                    states.unpriced(); // the cuts need each state's least overflow alone
                    long now = System.nanoTime();
                    Candidate c = candidate(
                            p, states, beside.counts(), cuts, perLink, slope, now + (deadline - now) / 4, deadline);
                    states.priced();
                    // null: the deadline came before every state was measured, and the plan so far stands
                    double value = c == null ? Double.POSITIVE_INFINITY : CapacityPlanner.cost(p, c.plan());
                    if (c != null && c.routedAsIs() && beside.optimal() && value <= bestValue + 1e-9) {
                        best = c.plan();
                        bestValue = value;
                        optimal = true;
                    } else if (c != null && deadline - System.nanoTime() > 3 * c.sweepNanos()) {
                        // the descent's start measures the plan in every state up to three times (measure, repair,
                        // measure), each a sweep it cannot interrupt: started with less time left, it overran a 60 s
                        // limit by 11–14 s on germany50 U
                        int[][][] searched = CapacityPlanner.copy(c.plan());
                        states.descend(searched, deadline);
                        if (CapacityPlanner.cost(p, searched) < bestValue - 1e-9) {
                            best = searched;
                            bestValue = CapacityPlanner.cost(p, searched);
                        }
                    }
                }
            } finally {
                if (beside != null) {
                    double b = beside.stop(deadline);
                    bound = Math.max(bound, b);
                }
            }
        }
        if (optimal) {
            bound = bestValue;
        }
        if (!Double.isFinite(bound)) { // no master solved in time: what is pre-installed is paid by every plan
            bound = p.links().stream().mapToDouble(Link::preInstalledCost).sum();
        }
        return new Result(best, bestValue, Math.min(bound, bestValue), optimal);
    }

    /**
     * Measures capacities {@code c} in every state; adds a cut for each state that overflows and returns how
     * many; {@code maxOverflow} keeps, per link, the largest overflow of any state.
     */
    private static int separate(
            PlanningProblem p,
            ModuleDescent states,
            double[] c,
            List<double[]> cuts,
            double[] perLink,
            double[] slope,
            double[] maxOverflow,
            long until) {
        int spans = c.length;
        for (int e = 0; e < spans; e++) {
            states.setCapacity(e, c[e]);
        }
        java.util.Arrays.fill(maxOverflow, 0);
        int added = 0;
        int batch = 16; // states solved in parallel between looks at the clock
        for (int k = 0; k < states.states() && System.nanoTime() < until; k++) {
            if (k % batch == 0) {
                states.solveStates(k, Math.min(states.states(), k + batch));
            }
            double v = states.measured(k, perLink, slope);
            if (states.routed(k)) {
                continue;
            }
            for (int e = 0; e < spans; e++) {
                maxOverflow[e] = Math.max(maxOverflow[e], perLink[e]);
            }
            // with a = −g ≥ 0: a · (pre + Σ_m C_m y_m) ≥ v + a · c*  ⇔  Σ_e Σ_m a_e C_em y_em ≥ v + a · (c* − pre)
            List<Double> row = new ArrayList<>();
            double rhs = v;
            for (int e = 0; e < spans; e++) {
                Link link = p.links().get(e);
                double a = Math.max(0, -slope[e]);
                rhs += a * (c[e] - link.preInstalled());
                for (Module m : link.modules()) {
                    row.add(a * m.capacity());
                }
            }
            double[] cut = new double[row.size() + 1];
            for (int i = 0; i < row.size(); i++) {
                cut[i] = row.get(i);
            }
            cut[row.size()] = rhs;
            cuts.add(cut);
            added++;
        }
        return added;
    }

    /**
     * A plan made from a master's module counts, whether those routed every state as they were, and how long
     * measuring them in every state took.
     */
    private record Candidate(int[][][] plan, boolean routedAsIs, long sweepNanos) {}

    /**
     * {@code counts} measured in every state (the states it does not route add cuts), repaired with modules for
     * the largest overflow on each link, then routed at least cost ({@link ModuleDescent#tighten}) until
     * {@code until}; null when {@code deadline} comes before every state is measured (on germany50 U a sweep over
     * the 89 states takes seconds: started just before the deadline, it ran 13 s past a 60 s limit).
     */
    private static Candidate candidate(
            PlanningProblem p,
            ModuleDescent states,
            int[][][] counts,
            List<double[]> cuts,
            double[] perLink,
            double[] slope,
            long until,
            long deadline) {
        int spans = counts.length;
        double[] c = new double[spans];
        for (int e = 0; e < spans; e++) {
            c[e] = ModuleDescent.exactCapacity(p, counts, e);
        }
        double[] maxOverflow = new double[spans];
        long sweep = System.nanoTime();
        int added = separate(p, states, c, cuts, perLink, slope, maxOverflow, deadline);
        if (System.nanoTime() >= deadline) {
            return null;
        }
        sweep = System.nanoTime() - sweep;
        int[][][] plan = added == 0 ? counts : ModuleDescent.repaired(p, counts, maxOverflow);
        return new Candidate(states.tighten(plan, until), added == 0, sweep);
    }

    /**
     * The integer master over fixed cuts, solved on a thread of its own until a deadline or {@link #stop}: its best
     * bound is a lower bound on every plan (the master is a relaxation), however far the solve got.
     */
    private static final class BoundBeside {
        private final Master mip;
        private final Thread thread;
        private volatile double bound = Double.NEGATIVE_INFINITY;
        private volatile int[][][] counts;
        private volatile boolean optimal;

        private final Object lock = new Object();
        private boolean solved; // under lock: the solve returned and its results are read
        private boolean abandoned; // under lock: the planner went on without the solve, which deletes its master

        private BoundBeside(Master mip, long deadline) {
            this.mip = mip;
            this.thread = new Thread(
                    () -> {
                        MPSolver.ResultStatus status = mip.solve(deadline);
                        synchronized (lock) {
                            if (abandoned) {
                                mip.delete();
                                return;
                            }
                            if (status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE) {
                                bound = mip.bestBound();
                                counts = mip.counts();
                                optimal = status == MPSolver.ResultStatus.OPTIMAL;
                            }
                            solved = true;
                        }
                    },
                    "wanplan-master-bound");
            thread.setDaemon(true);
        }

        static BoundBeside start(PlanningProblem p, List<double[]> cuts, int[][][] hint, long deadline) {
            Master mip = Master.build(p, cuts, true);
            mip.hint(hint);
            BoundBeside b = new BoundBeside(mip, deadline);
            b.thread.start();
            return b;
        }

        /** Whether the solve has ended (its results visible: a thread's end happens before it is seen to end). */
        boolean done() {
            return !thread.isAlive();
        }

        /** The master's best bound once {@link #done}; negative infinity when it has none. */
        double bound() {
            return bound;
        }

        /** The master's solution once {@link #done}, or null. */
        int[][][] counts() {
            return counts;
        }

        /** Whether the master was solved to optimality. */
        boolean optimal() {
            return optimal;
        }

        /**
         * Waits for the solve to end, at most until {@code deadline} ({@link System#nanoTime()}): SCIP checks its
         * time limit between steps and can run past it (germany50 U on 60 s: 76.6 s once, 60.8–61.6 s other runs);
         * whether it ended.
         */
        boolean await(long deadline) {
            try {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    thread.join(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return !thread.isAlive();
        }

        /**
         * The solve interrupted if it is still running, waited for until {@code deadline} and a little after; its
         * bound (negative infinity when it has none). A solve that runs on is left to end by itself in its thread,
         * which then deletes its master.
         */
        double stop(long deadline) {
            mip.solver().interruptSolve();
            await(Math.max(deadline, System.nanoTime() + 200_000_000L));
            synchronized (lock) {
                if (!solved) {
                    abandoned = true;
                    return Double.NEGATIVE_INFINITY;
                }
            }
            mip.delete();
            return bound;
        }
    }

    /** The master over module counts: cut-set rows of every state and the feasibility cuts so far. */
    private record Master(MPSolver solver, MPVariable[][][] y, double constant) {
        static Master build(PlanningProblem p, List<double[]> cuts, boolean integer) {
            MPSolver solver = MPSolver.createSolver(integer ? "SCIP" : "GLOP");
            int spans = p.links().size();
            MPVariable[][][] y = new MPVariable[spans][][];
            double constant = 0;
            List<MPVariable> flat = new ArrayList<>();
            for (int e = 0; e < spans; e++) {
                Link link = p.links().get(e);
                constant += link.preInstalledCost();
                y[e] = new MPVariable[link.modules().size()][1];
                for (int m = 0; m < link.modules().size(); m++) {
                    y[e][m][0] = integer
                            ? solver.makeIntVar(0, MPSolver.infinity(), "")
                            : solver.makeNumVar(0, MPSolver.infinity(), "");
                    solver.objective()
                            .setCoefficient(y[e][m][0], link.modules().get(m).cost());
                    flat.add(y[e][m][0]);
                }
            }
            solver.objective().setMinimization();
            for (var k : p.states()) {
                CapacityPlanner.cutSets(solver, p, y, k, 0, 1);
            }
            for (double[] cut : cuts) {
                MPConstraint row = solver.makeConstraint(cut[cut.length - 1], MPSolver.infinity());
                for (int i = 0; i < flat.size(); i++) {
                    if (cut[i] > 1e-12) {
                        row.setCoefficient(flat.get(i), cut[i]);
                    }
                }
            }
            return new Master(solver, y, constant);
        }

        MPSolver.ResultStatus solve(long until) {
            solver.setTimeLimit(Math.max(1, (until - System.nanoTime()) / 1_000_000));
            return solver.solve();
        }

        double value() {
            return solver.objective().value() + constant;
        }

        double bestBound() {
            return solver.objective().bestBound() + constant;
        }

        double[] capacities(PlanningProblem p) {
            double[] c = new double[y.length];
            for (int e = 0; e < y.length; e++) {
                Link link = p.links().get(e);
                c[e] = link.preInstalled();
                for (int m = 0; m < y[e].length; m++) {
                    c[e] += y[e][m][0].solutionValue() * link.modules().get(m).capacity();
                }
            }
            return c;
        }

        int[][][] counts() {
            return CapacityPlanner.counts(y);
        }

        void hint(int[][][] counts) {
            CapacityPlanner.hint(solver, y, counts);
        }

        void delete() {
            solver.delete();
        }
    }
}
