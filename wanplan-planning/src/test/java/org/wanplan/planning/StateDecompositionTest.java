package org.wanplan.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wanplan.model.Demand;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.Span;

/**
 * The decomposition by failure state against the planner's one model (arc flows in every state at once,
 * solved by SCIP to optimality) as the oracle: its bound never exceeds the optimum, its plan is never cheaper
 * than it and always passes the independent check, and where it claims optimality it has the optimum.
 */
class StateDecompositionTest {
    @Test
    void the_triangle_is_planned_as_by_hand() throws Exception {
        // a-b 1.5, modules of 1 at 1, any single cut: every span carries 1.5 in some state, so 2 modules each: 6
        PlanningProblem p = triangleUnderCuts();
        CapacityPlan plan = CapacityPlanner.solveDecomposed(p, Duration.ofSeconds(20));
        assertThat(plan.status()).isEqualTo("OPTIMAL");
        assertThat(plan.objective()).isCloseTo(6, within(1e-6));
        assertThat(plan.bound()).isCloseTo(6, within(1e-6));
        assertThat(FeasibilityCheck.violation(p, plan)).isEmpty();
    }

    @Test
    void routing_every_state_at_least_cost_covers_the_largest_load_on_each_link() throws Exception {
        // triangle, a-b 1.5, modules of 1: at least cost the intact network and the cuts of bc and ca route a-b
        // direct, the cut of ab routes it over c; so 1.5 is the largest load on every link: 2 modules each,
        // from 3 everywhere, and likewise from capacities that fit everything (the first plan's start)
        PlanningProblem p = triangleUnderCuts();
        com.google.ortools.Loader.loadNativeLibraries();
        try (ModuleDescent states = ModuleDescent.open(p, new int[][][] {{{3}}, {{3}}, {{3}}})) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            assertThat(states.tighten(new int[][][] {{{3}}, {{3}}, {{3}}}, deadline))
                    .isDeepEqualTo(new int[][][] {{{2}}, {{2}}, {{2}}});
            assertThat(states.tighten(ModuleDescent.cover(p, new double[] {100, 100, 100}), deadline))
                    .isDeepEqualTo(new int[][][] {{{2}}, {{2}}, {{2}}});
        }
        // a cover mixes sizes: modules of 1 at 1 and 4 at 3; 2.5 takes one large one (3; three small ones cost 3
        // too, and the first mix found of a cost is kept: fewer small ones first), 4.5 one large and one small (4,
        // against five small at 5 or two large at 6), 8.5 two large and one small (7)
        Network n = CapacityPlannerTest.triangle();
        assertThat(ModuleDescent.cover(
                        new PlanningProblem(
                                n,
                                CapacityPlannerTest.links(n, new Module("small", 1, 1), new Module("large", 4, 3)),
                                List.of(Demand.of("d", "a", "b", 1)),
                                Survivability.NONE,
                                1,
                                0),
                        new double[] {2.5, 4.5, 8.5}))
                .isDeepEqualTo(new int[][][] {{{0}, {1}}, {{1}, {1}}, {{1}, {2}}});
    }

    @Test
    void on_seeded_random_rings_with_chords_it_agrees_with_the_one_model_optimum() throws Exception {
        Random random = new Random(20261202);
        int optimal = 0;
        for (int i = 0; i < 12; i++) {
            PlanningProblem p = instance(random, 5 + random.nextInt(3));
            CapacityPlan oracle = CapacityPlanner.solve(p, Duration.ofSeconds(30));
            assertThat(oracle.status()).as("instance %d: the one model", i).isEqualTo("OPTIMAL");
            CapacityPlan plan = CapacityPlanner.solveDecomposed(p, Duration.ofSeconds(4));
            assertThat(plan.hasPlan()).as("instance %d", i).isTrue();
            assertThat(FeasibilityCheck.violation(p, plan)).as("instance %d", i).isEmpty();
            double tolerance = 1e-6 * oracle.objective();
            assertThat(plan.objective())
                    .as("instance %d: plan", i)
                    .isGreaterThanOrEqualTo(oracle.objective() - tolerance);
            assertThat(plan.bound()).as("instance %d: bound", i).isLessThanOrEqualTo(oracle.objective() + tolerance);
            if (plan.status().equals("OPTIMAL")) {
                optimal++;
                assertThat(plan.objective()).as("instance %d", i).isCloseTo(oracle.objective(), within(tolerance));
            }
        }
        // small instances converge: the integer master's solution routes every state within the time
        assertThat(optimal).isGreaterThanOrEqualTo(10);
    }

    @Test
    void with_the_lp_master_cut_short_the_integer_master_beside_the_descent_keeps_bound_and_plan_honest()
            throws Exception {
        // one LP round leaves the LP master unconverged: the integer master over its cuts is solved beside the
        // (priced) descent, its bound taken and its solution made a plan for a second descent. The triangle by
        // hand (6), then the seeded rings against the one model's optimum
        PlanningProblem triangle = triangleUnderCuts();
        StateDecomposition.Result t = StateDecomposition.solve(triangle, System.nanoTime() + 20_000_000_000L, 1);
        assertThat(t.value()).isCloseTo(6, within(1e-6));
        assertThat(t.bound()).isLessThanOrEqualTo(6 + 1e-6);
        Random random = new Random(20261203);
        for (int i = 0; i < 8; i++) {
            PlanningProblem p = instance(random, 5 + random.nextInt(3));
            CapacityPlan oracle = CapacityPlanner.solve(p, Duration.ofSeconds(30));
            assertThat(oracle.status()).as("instance %d: the one model", i).isEqualTo("OPTIMAL");
            long start = System.nanoTime();
            StateDecomposition.Result r = StateDecomposition.solve(p, start + 4_000_000_000L, 1);
            CapacityPlan plan = CapacityPlanner.plan(
                    p, r.optimal() ? "OPTIMAL" : "FEASIBLE", r.value(), r.bound(), r.counts(), start);
            assertThat(FeasibilityCheck.violation(p, plan)).as("instance %d", i).isEmpty();
            double tolerance = 1e-6 * oracle.objective();
            assertThat(r.value()).as("instance %d: plan", i).isGreaterThanOrEqualTo(oracle.objective() - tolerance);
            assertThat(r.bound()).as("instance %d: bound", i).isLessThanOrEqualTo(oracle.objective() + tolerance);
        }
    }

    @Test
    void a_priced_descent_keeps_every_plan_routable() throws Exception {
        // the descent whose states route at least cost (their flows leave links they do not need) skips a state
        // only where its least-cost flows still fit; from 60 on every link (repaired where a state needs more) of
        // 10 seeded rings, every plan it ends at passes the independent check and costs no less than the one
        // model's optimum
        for (int seed = 1; seed <= 10; seed++) {
            Random random = new Random(seed);
            PlanningProblem p = instance(random, 6 + random.nextInt(6));
            CapacityPlan oracle = CapacityPlanner.solve(p, Duration.ofSeconds(30));
            assertThat(oracle.status()).as("seed %d: the one model", seed).isEqualTo("OPTIMAL");
            double[] generous = new double[p.links().size()];
            java.util.Arrays.fill(generous, 60);
            int[][][] counts = ModuleDescent.cover(p, generous);
            try (ModuleDescent d = ModuleDescent.open(p, counts, true)) {
                d.priced().descend(counts, System.nanoTime() + 60_000_000_000L);
            }
            CapacityPlan plan = CapacityPlanner.plan(p, "FEASIBLE", 0, 0, counts, System.nanoTime());
            assertThat(FeasibilityCheck.violation(p, plan)).as("seed %d", seed).isEmpty();
            assertThat(CapacityPlanner.cost(p, counts))
                    .as("seed %d", seed)
                    .isGreaterThanOrEqualTo(oracle.objective() * (1 - 1e-6));
        }
    }

    @Test
    void a_swap_tried_and_undone_leaves_no_flows_that_no_longer_fit() throws Exception {
        // a swap that fails after some states were solved with its link higher must not leave those flows marked
        // as fitting: a later removal would skip those states and keep a plan the independent check refuses. With
        // that rule taken out, the iterated descent from 60 on every link failed the check on 2 of the seeded
        // rings 1..120 (seeds 97 and 118, p3-p4 and p1-p2 down); each ends by its idle kicks in about a second
        for (int seed : new int[] {97, 118}) {
            Random random = new Random(seed);
            PlanningProblem p = instance(random, 6 + random.nextInt(6));
            double[] generous = new double[p.links().size()];
            java.util.Arrays.fill(generous, 60);
            int[][][] counts = ModuleDescent.cover(p, generous);
            try (ModuleDescent d = ModuleDescent.open(p, counts, true)) {
                d.descend(counts, System.nanoTime() + 60_000_000_000L);
            }
            CapacityPlan plan = CapacityPlanner.plan(p, "FEASIBLE", 0, 0, counts, System.nanoTime());
            assertThat(FeasibilityCheck.violation(p, plan)).as("seed %d", seed).isEmpty();
        }
    }

    /** The triangle, a-b 1.5, modules of 1 at 1, surviving any single cut. */
    static PlanningProblem triangleUnderCuts() throws Exception {
        Network n = CapacityPlannerTest.triangle();
        return new PlanningProblem(
                n,
                CapacityPlannerTest.links(n, new Module("m", 1, 1)),
                List.of(Demand.of("d", "a", "b", 1.5)),
                Survivability.SPAN,
                1,
                0);
    }

    /** A ring of {@code pops} PoPs with two chords (so every single cut leaves it connected), random demands. */
    static PlanningProblem instance(Random random, int pops) throws Exception {
        Network.Builder b = Network.builder("ring");
        for (int v = 0; v < pops; v++) {
            b.pop(Pop.of("p" + v, "P" + v, 45 + random.nextDouble(), 5 + random.nextDouble()));
        }
        List<int[]> edges = new ArrayList<>();
        for (int v = 0; v < pops; v++) {
            edges.add(new int[] {v, (v + 1) % pops});
        }
        while (edges.size() < pops + 2) {
            int a = random.nextInt(pops);
            int c = random.nextInt(pops);
            if (a != c && edges.stream().noneMatch(e -> (e[0] == a && e[1] == c) || (e[0] == c && e[1] == a))) {
                edges.add(new int[] {a, c});
            }
        }
        List<Link> links = new ArrayList<>();
        for (int[] e : edges) {
            double km = 50 + random.nextInt(400);
            b.span(Span.of("p" + e[0] + "-p" + e[1], "p" + e[0], "p" + e[1], km, 0));
            links.add(new Link(
                    links.size(), 0, 0, 0, List.of(new Module("10G", 10, km), new Module("40G", 40, 2.5 * km))));
        }
        List<Demand> demands = new ArrayList<>();
        for (int a = 0; a < pops; a++) {
            for (int c = a + 1; c < pops; c++) {
                if (random.nextDouble() < 0.6) {
                    demands.add(Demand.of("d" + a + "-" + c, "p" + a, "p" + c, 1 + random.nextInt(15)));
                }
            }
        }
        return new PlanningProblem(b.build(), links, demands, Survivability.SPAN, 1, 0);
    }
}
