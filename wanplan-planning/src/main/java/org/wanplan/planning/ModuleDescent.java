package org.wanplan.planning;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.wanplan.model.Network;
import org.wanplan.routing.FailureScenario;

/**
 * A primal improvement for a plan that carries everything: take modules away one at a time, the dearest
 * first, keeping each removal only if every demand still routes in every failure state; where none is left,
 * swap a module for a cheaper one where the refusing state overflows; at a local optimum, kick the plan and
 * search again ({@link #descend}). Each state is a
 * linear program built once (flows per root, as in the planner, with the capacities as row bounds, and an
 * overflow variable on every capacity row whose sum is minimised: a state routes everything when its overflow
 * is 0); a trial changes one link's bounds and re-solves, starting with the state that refused the last
 * trial, so a refused removal usually costs one solve, and none where a refusal kept from an earlier trial (a
 * metric inequality from that state's duals) already proves it; where a trial needs several states solved, as
 * many are solved at once as there are cores. Single-year, modular (not explicit), without hop
 * limits or routing costs (the plan's value is then its modules'). Each capacity is set a millionth short
 * of the plan's, so that what the descent accepts holds with room for the independent check's own
 * tolerances. The same state programs measure a plan for {@link StateDecomposition}: each state's overflow
 * per link, and the cut its duals give.
 */
final class ModuleDescent implements AutoCloseable {
    /** The largest model kept in memory: flow variables over all states. */
    static final long MAX_VARIABLES = 1_000_000;

    /** States solved at a time: one per core, each its own GLOP. */
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private final PlanningProblem p;
    private final List<MPSolver> states = new ArrayList<>();
    private final List<MPConstraint[][]> rows = new ArrayList<>(); // [state][span][direction row]
    private final List<MPVariable[][]> overflow = new ArrayList<>(); // [state][span][direction]
    private final List<List<MPVariable[][]>> flows = new ArrayList<>(); // [state][root][span][direction]
    private final double tolerance;
    private final double[] price; // per link: its cheapest module's cost per unit of capacity
    private final double[] weight; // per link: what a unit of overflow costs in the objective, at most 1
    private int critical;
    private double[][] loads; // [state][link]: what its last solution, which routed everything, carries; null: stale
    private java.util.function.BooleanSupplier stopped = () -> false;
    private int[][][] optimum; // the last plan a search ended at with nothing left to remove or swap
    private long seed; // of the kicks' random numbers
    private final double[] capacity; // per link: the capacity set
    // metric inequalities from refusals, the most recently useful first: per link a coefficient, then the rhs
    private final java.util.ArrayDeque<double[]> refusals = new java.util.ArrayDeque<>();
    private boolean priced; // the states' flows priced (see #priced), their overflow far above every path
    private long deadline = Long.MAX_VALUE; // of the descent or local search under way ({@link System#nanoTime()})
    private boolean[] unpriced; // per state, when priced: last solved for its least overflow alone

    private ModuleDescent(PlanningProblem p) {
        this.p = p;
        this.capacity = new double[p.links().size()];
        this.seed = p.links().size();
        double total = p.demands().stream().mapToDouble(d -> d.gbps()).sum();
        this.tolerance = 1e-7 * Math.max(1, total);
        // overflow weighted by the link's price per unit of capacity: a plan short of capacity is short where
        // capacity is cheap, so the modules that repair it are the cheap ones
        this.price = prices(p);
        double max = java.util.Arrays.stream(price).max().orElse(0);
        this.weight = new double[price.length];
        for (int e = 0; e < price.length; e++) {
            weight[e] = max > 0 ? Math.max(1e-3, price[e] / max) : 1;
        }
    }

    /** Per link, its cheapest module's cost per unit of capacity. */
    static double[] prices(PlanningProblem p) {
        return p.links().stream()
                .mapToDouble(l -> l.modules().stream()
                        .mapToDouble(m -> m.cost() / m.capacity())
                        .min()
                        .orElse(0))
                .toArray();
    }

    /** Whether the descent applies to {@code p} and its model fits {@link #MAX_VARIABLES}. */
    static boolean applies(PlanningProblem p) {
        return structured(p) && variables(p) <= MAX_VARIABLES;
    }

    /** Single-year, modular, no routing costs, no hop limits: a plan's value is its modules'. */
    static boolean structured(PlanningProblem p) {
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
        return true;
    }

    /** Flow variables of all states together: states × roots × links × 2. */
    static long variables(PlanningProblem p) {
        long roots =
                java.util.Arrays.stream(p.ends()).mapToInt(e -> e[0]).distinct().count();
        return (long) p.states().size() * roots * p.network().spans().size() * 2;
    }

    /**
     * {@code counts} with as many modules taken away as the states allow before {@code deadline}
     * ({@link System#nanoTime()}); the same array, changed in place.
     */
    static int[][][] improve(PlanningProblem p, int[][][] counts, long deadline) {
        try (ModuleDescent d = open(p, counts)) {
            return d.descend(counts, deadline);
        }
    }

    /** The state programs of {@code p}, with the capacities of {@code counts}; close it to free them. */
    static ModuleDescent open(PlanningProblem p, int[][][] counts) {
        return open(p, counts, false);
    }

    /**
     * The state programs of {@code p}; {@code incremental}: GLOP without its presolve, so that each solve starts
     * from the last basis — a third of the time when one link changes between solves (germany50 N: 50 ms against
     * 164 ms a solve), but slower when every capacity changes at once (the decomposition's rounds).
     */
    static ModuleDescent open(PlanningProblem p, int[][][] counts, boolean incremental) {
        com.google.ortools.Loader.loadNativeLibraries();
        ModuleDescent d = new ModuleDescent(p);
        try {
            d.build(counts, incremental);
            return d;
        } catch (RuntimeException e) {
            d.close();
            throw e;
        }
    }

    /** This descent, which from now on also ends its searches as soon as {@code stopped} says so. */
    ModuleDescent until(java.util.function.BooleanSupplier stopped) {
        this.stopped = stopped;
        return this;
    }

    /** This descent, its kicks drawn from random numbers seeded by {@code seed} (by default the number of links). */
    ModuleDescent seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** This descent, told that {@code counts} is a plan its search ends at (found by another descent). */
    ModuleDescent atLocalOptimum(int[][][] counts) {
        this.optimum = CapacityPlanner.copy(counts);
        return this;
    }

    /** Whether the search must end: {@code deadline} ({@link System#nanoTime()}) passed, or stopped. */
    private boolean over(long deadline) {
        return System.nanoTime() >= deadline || stopped.getAsBoolean();
    }

    /**
     * The descent over these state programs, from {@code counts} (changed in place), until {@code deadline}: an
     * iterated local search. The local search takes modules away, the dearest first, and where a removal leaves a
     * state short it tries a swap instead: a cheaper module on a link where that state's overflow program put the
     * most overflow. At a local optimum the best plan so far is kicked — made generous around a random PoP (see
     * {@link #kick}) — and searched again, over the kicked links and those sharing a PoP with them (elsewhere the
     * plan is as it was at the local optimum); the cheapest plan found is the answer, once twice as many kicks as
     * there are links in a row found nothing cheaper (Lourenço, Martin, Stützle, "Iterated local search",
     * Handbook of Metaheuristics, 2003). The kicks' random numbers are seeded ({@link #seed}).
     */
    int[][][] descend(int[][][] counts, long deadline) {
        this.deadline = deadline;
        try {
            return descending(counts, deadline);
        } finally {
            this.deadline = Long.MAX_VALUE;
        }
    }

    private int[][][] descending(int[][][] counts, long deadline) {
        if (over(deadline)) {
            return counts; // measuring the plan alone takes a solve per state
        }
        List<int[]> order = start(counts);
        if (order == null) {
            return counts; // not a plan the descent understands: leave it as it is
        }
        java.util.Random random = new java.util.Random(seed);
        int[][][] best = CapacityPlanner.copy(counts);
        double bestCost = CapacityPlanner.cost(p, best);
        int idle = 0; // kicks since the best plan last improved: twice the links in a row end the search
        java.util.BitSet focus = null; // the links whose modules the search tries: all, at first
        // a plan the search already ended at is kicked at once (germany50 N: a search that finds nothing takes
        // 20–30 s, most of it in swaps that fail)
        boolean skip = optimum != null && java.util.Arrays.deepEquals(counts, optimum);
        while (!over(deadline) && idle <= 2 * counts.length) {
            if (!skip) {
                search(counts, order, deadline, focus);
            }
            skip = false;
            double cost = CapacityPlanner.cost(p, counts);
            if (cost < bestCost - 1e-9) {
                best = CapacityPlanner.copy(counts);
                bestCost = cost;
                idle = 0;
            } else {
                idle++;
            }
            java.util.BitSet region = over(deadline) ? null : kick(best, counts, random, deadline);
            if (region == null) {
                break;
            }
            focus = around(region);
        }
        for (int e = 0; e < counts.length; e++) {
            for (int m = 0; m < counts[e].length; m++) {
                counts[e][m][0] = best[e][m][0];
            }
            setCapacity(e, capacity(p, counts, e));
        }
        loads = null;
        return counts;
    }

    /**
     * One local search ({@link #search}) from {@code counts}, changed in place, until it finds nothing more or
     * {@code deadline}, without the kicks of {@link #descend}; whether it ended at a local optimum.
     */
    boolean localSearch(int[][][] counts, long deadline) {
        if (over(deadline)) {
            return false;
        }
        this.deadline = deadline;
        try {
            return searchedLocally(counts, deadline);
        } finally {
            this.deadline = Long.MAX_VALUE;
        }
    }

    private boolean searchedLocally(int[][][] counts, long deadline) {
        List<int[]> order = start(counts);
        if (order != null) {
            search(counts, order, deadline, null);
        }
        return optimum != null && java.util.Arrays.deepEquals(counts, optimum);
    }

    /**
     * The capacities of {@code counts} set; its modules, the dearest first, or null when it is not a plan. A plan
     * whose flows need its capacities to the last millionth (a solver's plan at a tight cut) is first given
     * modules where the states overflow the capacities a millionth short ({@link #cover}), in place.
     */
    private List<int[]> start(int[][][] counts) {
        for (int e = 0; e < counts.length; e++) {
            setCapacity(e, capacity(p, counts, e));
        }
        loads = null;
        if (!feasible()) {
            if (over(deadline)) {
                return null; // out of time before the plan was measured
            }
            double[] need = new double[counts.length];
            double[] perLink = new double[counts.length];
            double[] slope = new double[counts.length];
            solveStates(0, states.size());
            for (int k = 0; k < states.size(); k++) {
                measured(k, perLink, slope);
                for (int e = 0; e < counts.length; e++) {
                    need[e] = Math.max(need[e], perLink[e]);
                }
            }
            int[][][] repaired = repaired(p, counts, need);
            for (int e = 0; e < counts.length; e++) {
                counts[e] = repaired[e];
                setCapacity(e, capacity(p, counts, e));
            }
            loads = null;
            if (!feasible()) {
                return null;
            }
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
        return order;
    }

    /**
     * Removals on {@code counts} (in place, a plan throughout) until none is left, then swaps, and removals again
     * after every pass that swapped, until {@code deadline}: a swap spends slack that later removals could have
     * used, so it is tried only where no removal is left.
     */
    private void search(int[][][] counts, List<int[]> order, long deadline, java.util.BitSet focus) {
        double[] over = new double[counts.length];
        boolean swapped = true;
        while (swapped && !over(deadline)) {
            while (pass(counts, order, deadline, focus, null)) {
                // removals while they last
            }
            swapped = pass(counts, order, deadline, focus, over);
        }
        if (focus == null && !over(deadline)) {
            optimum = CapacityPlanner.copy(counts);
        }
    }

    /** One pass over {@code order}: each module taken away if the plan allows, else swapped (when {@code over} is given). */
    private boolean pass(int[][][] counts, List<int[]> order, long deadline, java.util.BitSet focus, double[] over) {
        boolean improved = false;
        for (int[] em : order) {
            if (over(deadline)) {
                break;
            }
            int e = em[0];
            int m = em[1];
            if (counts[e][m][0] == 0 || (focus != null && !focus.get(e))) {
                continue;
            }
            counts[e][m][0]--;
            double lower = capacity(p, counts, e);
            setCapacity(e, lower);
            if (over == null
                    ? feasible(e, lower, true)
                    : swap(counts, e, lower, p.links().get(e).modules().get(m).cost(), over)) {
                improved = true;
            } else {
                counts[e][m][0]++;
                setCapacity(e, capacity(p, counts, e));
            }
        }
        return improved;
    }

    /**
     * After link {@code e} came down to {@code lower} and the state {@link #critical} refused it: a module cheaper
     * than {@code saved} added where that state overflowed most (up to three links, largest overflow first),
     * kept if every state then routes everything.
     */
    private boolean swap(int[][][] counts, int e, double lower, double saved, double[] over) {
        if (feasible(e, lower)) {
            return true; // the removal alone fits now
        }
        overflowOf(critical, over);
        List<Integer> links = new ArrayList<>();
        for (int f = 0; f < over.length; f++) {
            if (f != e && over[f] > tolerance) {
                links.add(f);
            }
        }
        links.sort(Comparator.comparingDouble((Integer f) -> -over[f]));
        for (int f : links.subList(0, Math.min(3, links.size()))) {
            List<Module> modules = p.links().get(f).modules();
            for (int m = 0; m < modules.size(); m++) {
                if (modules.get(m).cost() >= saved - 1e-9) {
                    continue;
                }
                counts[f][m][0]++;
                setCapacity(f, capacity(p, counts, f));
                if (feasible(e, lower, true)) {
                    return true;
                }
                counts[f][m][0]--;
                lowered(f, capacity(p, counts, f));
            }
        }
        return false;
    }

    /**
     * Link {@code f} back down to {@code c} without a check: the states whose last flows, found while it was
     * higher, put more than that on it must be solved again (otherwise a later trial could skip them on flows that
     * no longer fit — a plan that fails the independent check).
     */
    private void lowered(int f, double c) {
        setCapacity(f, c);
        if (loads != null) {
            for (int k = 0; k < loads.length; k++) {
                if (loads[k] != null && loads[k][f] > c) {
                    loads[k] = null;
                }
            }
        }
    }

    /**
     * {@code counts} set to {@code best} except around a random PoP: there (a breadth-first ball of links) the
     * capacity is lifted, every state is routed at least cost with each link's price scaled by a random factor
     * between 0.5 and 1.5, and the ball's links get the modules covering the largest load — a plan that is
     * generous where it was changed, from which the search takes modules away again (a descent from a generous
     * plan finds cheaper plans than one from a tight plan: germany50). The ball's links; null when it could not be
     * made.
     */
    private java.util.BitSet kick(int[][][] best, int[][][] counts, java.util.Random random, long deadline) {
        int spans = counts.length;
        java.util.BitSet region = ball(random, Math.max(4, spans / 6));
        double total = p.demands().stream().mapToDouble(d -> d.gbps()).sum();
        double[] price = prices(p);
        for (int e = 0; e < spans; e++) {
            price[e] *= 0.5 + random.nextDouble();
            setCapacity(e, region.get(e) ? total : exactCapacity(p, best, e));
        }
        double[] load = leastCostLoads(price, deadline);
        for (int e = 0; e < spans; e++) {
            counts[e] = region.get(e) && load != null ? cover(p.links().get(e), load[e]) : copy(best[e]);
            setCapacity(e, capacity(p, counts, e));
        }
        loads = null;
        if (load != null && feasible()) {
            return region;
        }
        for (int e = 0; e < spans; e++) { // out of time, or a numerical miss: back to the best plan, and stop
            counts[e] = copy(best[e]);
            setCapacity(e, capacity(p, counts, e));
        }
        loads = null;
        return null;
    }

    /**
     * {@code region} and every link that shares a PoP with it: where a kick changed the plan and where its
     * change can free capacity for a removal; elsewhere the plan is as it was at the best local optimum.
     */
    private java.util.BitSet around(java.util.BitSet region) {
        org.wanplan.model.Network n = p.network();
        java.util.BitSet pops = new java.util.BitSet();
        region.stream().forEach(e -> {
            pops.set(n.endA(e));
            pops.set(n.endB(e));
        });
        java.util.BitSet links = (java.util.BitSet) region.clone();
        for (int e = 0; e < n.spans().size(); e++) {
            if (pops.get(n.endA(e)) || pops.get(n.endB(e))) {
                links.set(e);
            }
        }
        return links;
    }

    /** The links of a breadth-first ball around a random PoP, grown until it holds at least {@code size}. */
    private java.util.BitSet ball(java.util.Random random, int size) {
        org.wanplan.model.Network n = p.network();
        List<List<Integer>> incident = new ArrayList<>();
        for (int v = 0; v < n.pops().size(); v++) {
            incident.add(new ArrayList<>());
        }
        for (int e = 0; e < n.spans().size(); e++) {
            incident.get(n.endA(e)).add(e);
            incident.get(n.endB(e)).add(e);
        }
        java.util.BitSet links = new java.util.BitSet();
        java.util.BitSet seen = new java.util.BitSet();
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        int start = random.nextInt(n.pops().size());
        queue.add(start);
        seen.set(start);
        while (!queue.isEmpty() && links.cardinality() < size) {
            int v = queue.poll();
            List<Integer> around = new ArrayList<>(incident.get(v));
            java.util.Collections.shuffle(around, random);
            for (int e : around) {
                links.set(e);
                int w = n.endA(e) == v ? n.endB(e) : n.endA(e);
                if (!seen.get(w)) {
                    seen.set(w);
                    queue.add(w);
                }
            }
        }
        return links;
    }

    /** One link's module counts, copied. */
    private static int[][] copy(int[][] link) {
        int[][] c = new int[link.length][];
        for (int m = 0; m < link.length; m++) {
            c[m] = link[m].clone();
        }
        return c;
    }

    /** What state {@code k}'s last solution overflows on each link (the larger direction), into {@code over}. */
    private void overflowOf(int k, double[] over) {
        MPVariable[][] o = overflow.get(k);
        for (int e = 0; e < over.length; e++) {
            over[e] = 0;
            for (MPVariable v : o[e]) {
                if (v != null) {
                    over[e] = Math.max(over[e], v.solutionValue());
                }
            }
        }
    }

    /** A link's capacity under {@code counts}, a millionth short (see the class comment). */
    static double capacity(PlanningProblem p, int[][][] counts, int e) {
        return Math.max(0, exactCapacity(p, counts, e) * (1 - 1e-6) - 1e-6); // a link without capacity has none
    }

    /** A link's capacity under {@code counts}: pre-installed plus its modules. */
    static double exactCapacity(PlanningProblem p, int[][][] counts, int e) {
        Link link = p.links().get(e);
        double c = link.preInstalled();
        for (int m = 0; m < counts[e].length; m++) {
            c += counts[e][m][0] * link.modules().get(m).capacity();
        }
        return c;
    }

    private void build(int[][][] counts, boolean incremental) {
        Network n = p.network();
        int spans = n.spans().size();
        int[][] ends = p.ends();
        List<Integer> roots =
                java.util.Arrays.stream(ends).map(e -> e[0]).distinct().sorted().toList();
        boolean bidirected = p.linkModel() == LinkModel.BIDIRECTED;
        for (FailureScenario k : p.states()) {
            MPSolver solver = MPSolver.createSolver("GLOP");
            if (incremental) {
                solver.setSolverSpecificParametersAsString("use_preprocessing: false");
            }
            MPConstraint[][] cap = new MPConstraint[spans][bidirected ? 2 : 1];
            MPVariable[][] over = new MPVariable[spans][bidirected ? 2 : 1];
            MPObjective objective = solver.objective();
            for (int e = 0; e < spans; e++) {
                if (k.down().spanDown(e)) {
                    continue;
                }
                double c = capacity(p, counts, e);
                for (int dir = 0; dir < cap[e].length; dir++) {
                    cap[e][dir] = solver.makeConstraint(-MPSolver.infinity(), c);
                    over[e][dir] = solver.makeNumVar(0, MPSolver.infinity(), "");
                    cap[e][dir].setCoefficient(over[e][dir], -1);
                    objective.setCoefficient(over[e][dir], weight[e]);
                }
            }
            objective.setMinimization();
            List<MPVariable[][]> stateFlows = new ArrayList<>();
            for (int root : roots) {
                MPVariable[][] flow = new MPVariable[spans][2];
                stateFlows.add(flow);
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
            overflow.add(over);
            flows.add(stateFlows);
        }
    }

    /**
     * From now on each state solves without GLOP's presolve, from its last basis (see {@link #open(PlanningProblem,
     * int[][][], boolean)}): for the descent, which changes one link at a time.
     */
    void incremental() {
        for (MPSolver solver : states) {
            solver.setSolverSpecificParametersAsString("use_preprocessing: false");
        }
    }

    /**
     * From now on each state routes at least cost — a unit of flow on a link priced at its cheapest module's cost
     * per unit of capacity, a unit of overflow far above every path — instead of only the least overflow: a
     * state still routes everything exactly when its overflow is 0 (an overflowing unit could take a path
     * instead, for less), but its flows no longer fill every link they may, so that taking a module away needs
     * only the states that really use that link solved again (germany50 U, the first pass from 1,013,910 to
     * 877,560: 3,788 state solves in 141 s by least overflow, where a kept removal needed nearly all 89 states
     * solved again; 1,630 in 72 s at least cost). A refusal is solved once more for its least overflow alone,
     * whose duals give a valid metric inequality ({@link #refused}); the state is priced again before its next
     * solve.
     */
    ModuleDescent priced() {
        return pricing(true);
    }

    /** From now on each state routes with the least overflow alone, as it was built (see {@link #priced}). */
    ModuleDescent unpriced() {
        return pricing(false);
    }

    private ModuleDescent pricing(boolean priced) {
        this.priced = priced;
        if (unpriced == null) {
            unpriced = new boolean[states.size()];
        }
        for (int k = 0; k < states.size(); k++) {
            objective(k, priced, price);
        }
        loads = null; // the flows change: the next solutions start afresh
        return this;
    }

    /** State {@code k}'s objective: least overflow, or ({@code priced}) least cost at {@code price} per unit of flow. */
    private void objective(int k, boolean priced, double[] price) {
        if (unpriced != null) {
            unpriced[k] = false;
        }
        double penalty = priced ? 10 * (1 + java.util.Arrays.stream(price).sum()) : 0;
        MPObjective objective = states.get(k).objective();
        MPVariable[][] over = overflow.get(k);
        for (int e = 0; e < over.length; e++) {
            for (MPVariable v : over[e]) {
                if (v != null) {
                    objective.setCoefficient(v, priced ? penalty * (1 + weight[e]) : weight[e]);
                }
            }
        }
        for (MPVariable[][] flow : flows.get(k)) {
            for (int e = 0; e < flow.length; e++) {
                for (MPVariable v : flow[e]) {
                    if (v != null) {
                        objective.setCoefficient(v, priced ? price[e] : 0);
                    }
                }
            }
        }
    }

    /** State {@code k} priced again if it was last solved for its overflow alone ({@link #remember}). */
    private void repriced(int k) {
        if (priced && unpriced[k]) {
            objective(k, true, price);
        }
    }

    /** Sets link {@code e}'s capacity to {@code c} in every state. */
    void setCapacity(int e, double c) {
        capacity[e] = c;
        for (MPConstraint[][] cap : rows) {
            if (cap[e][0] != null) {
                for (MPConstraint row : cap[e]) {
                    row.setUb(c);
                }
            }
        }
    }

    int states() {
        return states.size();
    }

    /**
     * States {@code from} to {@code to} (exclusive) solved at the capacities set, in parallel on the machine's
     * cores; read each with {@link #measured}.
     */
    void solveStates(int from, int to) {
        for (int k = from; k < to; k++) {
            repriced(k);
        }
        java.util.stream.IntStream.range(from, to).parallel().forEach(k -> {
            if (states.get(k).solve() != MPSolver.ResultStatus.OPTIMAL) {
                throw new IllegalStateException("a state's overflow program did not solve");
            }
        });
    }

    /**
     * State {@code k}'s last solution ({@link #solveStates}): its weighted overflow (0 when it routes everything),
     * with what each link overflows (the larger direction) in {@code perLink} and the overflow's rate of change per
     * unit of each link's capacity (a dual value, at most 0) in {@code slope}.
     */
    double measured(int k, double[] perLink, double[] slope) {
        MPSolver solver = states.get(k);
        MPConstraint[][] cap = rows.get(k);
        MPVariable[][] over = overflow.get(k);
        for (int e = 0; e < cap.length; e++) {
            perLink[e] = 0;
            slope[e] = 0;
            if (cap[e][0] == null) {
                continue;
            }
            for (int dir = 0; dir < cap[e].length; dir++) {
                perLink[e] = Math.max(perLink[e], over[e][dir].solutionValue());
                slope[e] += cap[e][dir].dualValue();
            }
        }
        return solver.objective().value();
    }

    /**
     * {@code counts} made cheaper by routing each state at least cost: every state is solved at the plan's
     * capacities with each unit of flow priced at its link's cheapest module cost per unit of capacity (and
     * any overflow priced far above every path), and each link then gets the cheapest modules covering the
     * largest load any state put on it. Every state's flows fit the new capacities as they are, so the
     * result is a plan whenever {@code counts} is; repeated while it gets cheaper, until {@code deadline}.
     * Returns the (new) counts.
     */
    int[][][] tighten(int[][][] counts, long deadline) {
        return tighten(counts, deadline, Integer.MAX_VALUE);
    }

    /** {@link #tighten(int[][][], long)} for at most {@code rounds} rounds of routing and covering. */
    int[][][] tighten(int[][][] counts, long deadline, int rounds) {
        int spans = rows.isEmpty() ? 0 : rows.get(0).length;
        double[] price = prices(p);
        int[][][] current = counts;
        for (int round = 0; round < rounds && System.nanoTime() < deadline; round++) {
            for (int e = 0; e < spans; e++) {
                setCapacity(e, exactCapacity(p, current, e));
            }
            double[] load = leastCostLoads(price, deadline);
            if (load == null) {
                return current; // out of time, or not a plan: leave it to the caller
            }
            int[][][] next = cover(p, load);
            if (CapacityPlanner.cost(p, next) >= CapacityPlanner.cost(p, current) - 1e-9) {
                return current;
            }
            current = next;
        }
        return current;
    }

    /**
     * Every state solved at the capacities set with each unit of flow on link e priced {@code price[e]} and any
     * overflow priced far above every path; per link the largest load any state put on it, or null when a state
     * could not route everything or {@code deadline} came first. The overflow programs' own objective is restored.
     */
    private double[] leastCostLoads(double[] price, long deadline) {
        int spans = rows.isEmpty() ? 0 : rows.get(0).length;
        for (int k = 0; k < states.size(); k++) {
            objective(k, true, price);
        }
        loads = null; // the flows change: the overflow programs' next solutions start afresh
        try {
            double[] load = new double[spans];
            for (int from = 0; from < states.size(); from += CORES) {
                if (System.nanoTime() >= deadline) {
                    return null;
                }
                int[] batch = java.util.stream.IntStream.range(from, Math.min(states.size(), from + CORES))
                        .toArray();
                boolean[] fits = solve(batch);
                for (int i = 0; i < batch.length; i++) {
                    if (!fits[i]) {
                        return null;
                    }
                    double[] routedLoads = loads(batch[i]);
                    for (int e = 0; e < spans; e++) {
                        load[e] = Math.max(load[e], routedLoads[e]);
                    }
                }
            }
            return load;
        } finally {
            for (int k = 0; k < states.size(); k++) {
                objective(k, priced, this.price);
            }
        }
    }

    /**
     * {@code counts} with the cheapest modules covering its capacity plus {@code overflow} on every link that
     * overflowed; the other links keep their modules (a cover's own margin could add one).
     */
    static int[][][] repaired(PlanningProblem p, int[][][] counts, double[] overflow) {
        int[][][] repaired = new int[counts.length][][];
        for (int e = 0; e < counts.length; e++) {
            repaired[e] =
                    overflow[e] > 0 ? cover(p.links().get(e), exactCapacity(p, counts, e) + overflow[e]) : counts[e];
        }
        return repaired;
    }

    /**
     * Per link, the cheapest modules whose capacity with the pre-installed covers {@code load}: every mix of
     * sizes is tried (a small knapsack cover; links offer one to a few sizes).
     */
    static int[][][] cover(PlanningProblem p, double[] load) {
        int[][][] counts = new int[load.length][][];
        for (int e = 0; e < load.length; e++) {
            counts[e] = cover(p.links().get(e), load[e]);
        }
        return counts;
    }

    /** One link's cheapest modules covering {@code load} with its pre-installed capacity: counts[module][0]. */
    static int[][] cover(Link link, double load) {
        List<Module> modules = link.modules();
        int[][] counts = new int[modules.size()][1];
        double need = load * (1 + 1e-6) + 1e-6 - link.preInstalled();
        if (need <= 0 || modules.isEmpty()) {
            return counts;
        }
        int[] mix = new int[modules.size()];
        int[] bestMix = new int[modules.size()];
        double[] bestCost = {Double.POSITIVE_INFINITY};
        mix(modules, 0, need, 0, mix, bestMix, bestCost);
        for (int m = 0; m < modules.size(); m++) {
            counts[m][0] = bestMix[m];
        }
        return counts;
    }

    /** The cheapest mix of {@code modules} from index {@code m} on covering {@code need}, into {@code best}. */
    private static void mix(
            List<Module> modules, int m, double need, double cost, int[] mix, int[] best, double[] bestCost) {
        if (cost >= bestCost[0]) {
            return;
        }
        if (need <= 0) {
            bestCost[0] = cost;
            System.arraycopy(mix, 0, best, 0, mix.length);
            return;
        }
        if (m == modules.size()) {
            return;
        }
        Module module = modules.get(m);
        int most = (int) Math.ceil(need / module.capacity());
        for (int n = m == modules.size() - 1 ? most : 0; n <= most; n++) {
            mix[m] = n;
            mix(modules, m + 1, need - n * module.capacity(), cost + n * module.cost(), mix, best, bestCost);
        }
        mix[m] = 0;
    }

    /** Whether state {@code k}, as last solved, routes everything: its overflow, unweighted, counts as none. */
    boolean routed(int k) {
        double sum = 0;
        for (MPVariable[] over : overflow.get(k)) {
            for (MPVariable v : over) {
                sum += v == null ? 0 : v.solutionValue();
            }
        }
        return sum <= tolerance;
    }

    /** Whether every state routes everything; the first that does not is tried first next time. */
    private boolean feasible() {
        return feasible(-1, 0);
    }

    /**
     * Whether every state routes everything after link {@code lowered}'s capacity came down to {@code capacity}
     * (-1: after any change): a state whose last solution routed everything and put no more than that on the
     * link still does, with the same flows, and is not solved again; the others are, the one that refused last
     * first.
     */
    private boolean feasible(int lowered, double capacity) {
        return feasible(lowered, capacity, false);
    }

    /**
     * {@link #feasible(int, double)}; {@code screen}: a refusal kept may answer no without a solve, which leaves
     * the states' last solutions as they were (so the caller must not read the refusing state's overflow).
     */
    private boolean feasible(int lowered, double capacity, boolean screen) {
        if (loads == null) {
            loads = new double[states.size()][];
        }
        if (screen && refused()) {
            return false;
        }
        int[] pending = java.util.stream.IntStream.range(0, states.size())
                .map(i -> (critical + i) % states.size())
                .filter(k -> lowered < 0 || loads[k] == null || loads[k][lowered] > capacity)
                .toArray();
        // as many states at a time as there are cores, the one that refused last among the first; past the
        // deadline of the search under way the answer is no, which keeps the plan as it was (a check of every state
        // takes seconds on germany50 U, where a descent ran 5.7 s past a 60 s limit)
        for (int from = 0; from < pending.length; from += CORES) {
            if (from > 0 && over(deadline)) {
                return false;
            }
            int[] batch = java.util.Arrays.copyOfRange(pending, from, Math.min(pending.length, from + CORES));
            boolean[] fits = solve(batch);
            int refused = -1;
            for (int i = 0; i < batch.length; i++) {
                loads[batch[i]] = fits[i] ? loads(batch[i]) : null; // overflowing: solved again at the next trial
                if (!fits[i] && refused < 0) {
                    refused = batch[i];
                }
            }
            if (refused >= 0) {
                critical = refused;
                remember(refused);
                return false;
            }
        }
        return true;
    }

    /** Refusals kept: enough for the plans around a local optimum, few enough to check in microseconds. */
    private static final int REFUSALS = 500;

    /**
     * Whether a refusal already proves that some state cannot route everything at the capacities set, without
     * solving it. A state's weighted overflow v is convex in the capacities, so its solution at capacities c*
     * (overflow v*, dual slopes g ≤ 0) gives v(c) ≥ v* + g·(c − c*) for every c: where that is above the
     * tolerance (with a margin for the duals' accuracy), the state overflows. Around a local optimum the same
     * removals and swaps come back after every kick; this answers most of them at the cost of a dot product.
     */
    private boolean refused() {
        for (java.util.Iterator<double[]> it = refusals.iterator(); it.hasNext(); ) {
            double[] cut = it.next();
            double lhs = 0;
            for (int e = 0; e < capacity.length; e++) {
                lhs += cut[e] * capacity[e];
            }
            double rhs = cut[capacity.length];
            if (rhs - lhs > 2 * tolerance + 1e-6 * Math.abs(rhs)) {
                it.remove();
                refusals.addFirst(cut);
                return true;
            }
        }
        return false;
    }

    /** State {@code k}'s refusal of the capacities set (its last solution), kept as a metric inequality. */
    private void remember(int k) {
        double[] perLink = new double[capacity.length];
        double[] slope = new double[capacity.length];
        if (priced) { // the duals of a priced solution mix in the flows' prices: solve for the overflow alone
            objective(k, false, null);
            boolean solved = states.get(k).solve() == MPSolver.ResultStatus.OPTIMAL;
            double v = measured(k, perLink, slope);
            unpriced[k] = true; // priced again before its next solve: its solution is read until then (swap)
            if (solved && v > tolerance) {
                remember(v, perLink, slope);
            }
            return;
        }
        remember(measured(k, perLink, slope), perLink, slope);
    }

    /** A refusal whose overflow is {@code v} and whose slopes are {@code slope}, kept as a metric inequality. */
    private void remember(double v, double[] perLink, double[] slope) {
        double[] cut = new double[capacity.length + 1];
        double rhs = v;
        for (int e = 0; e < capacity.length; e++) {
            cut[e] = Math.max(0, -slope[e]);
            rhs += cut[e] * capacity[e];
        }
        cut[capacity.length] = rhs;
        refusals.addFirst(cut);
        if (refusals.size() > REFUSALS) {
            refusals.removeLast();
        }
    }

    /** States {@code batch} solved, in parallel where there are several; whether each routes everything. */
    private boolean[] solve(int[] batch) {
        boolean[] fits = new boolean[batch.length];
        for (int k : batch) {
            repriced(k);
        }
        java.util.stream.IntStream indices = java.util.stream.IntStream.range(0, batch.length);
        (batch.length > 1 ? indices.parallel() : indices)
                .forEach(i ->
                        fits[i] = states.get(batch[i]).solve() == MPSolver.ResultStatus.OPTIMAL && routed(batch[i]));
        return fits;
    }

    /** What state {@code k}'s last solution puts on each link (the larger direction on a bidirected one). */
    private double[] loads(int k) {
        int spans = rows.get(k).length;
        double[][] perDirection = new double[spans][2];
        for (MPVariable[][] flow : flows.get(k)) {
            for (int e = 0; e < spans; e++) {
                for (int dir = 0; dir < 2; dir++) {
                    if (flow[e][dir] != null) {
                        perDirection[e][dir] += flow[e][dir].solutionValue();
                    }
                }
            }
        }
        double[] load = new double[spans];
        for (int e = 0; e < spans; e++) {
            load[e] = p.linkModel() == LinkModel.BIDIRECTED
                    ? Math.max(perDirection[e][0], perDirection[e][1])
                    : perDirection[e][0] + perDirection[e][1];
        }
        return load;
    }

    @Override
    public void close() {
        states.forEach(MPSolver::delete);
    }
}
