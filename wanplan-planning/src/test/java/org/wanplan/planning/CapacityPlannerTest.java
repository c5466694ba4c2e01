package org.wanplan.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wanplan.model.Demand;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.Span;

/** Small instances whose optimum is worked out by hand in each test. */
class CapacityPlannerTest {
    static Network triangle() throws Exception {
        return Network.builder("triangle")
                .pop(Pop.of("a", "A", 0, 0))
                .pop(Pop.of("b", "B", 0, 1))
                .pop(Pop.of("c", "C", 1, 0))
                .span(Span.of("ab", "a", "b", 100, 0))
                .span(Span.of("bc", "b", "c", 100, 0))
                .span(Span.of("ca", "c", "a", 100, 0))
                .build();
    }

    static List<Link> links(Network n, Module... modules) {
        List<Link> links = new ArrayList<>();
        for (int e = 0; e < n.spans().size(); e++) {
            links.add(new Link(e, 0, 0, 0, List.of(modules)));
        }
        return links;
    }

    private static CapacityPlan solve(PlanningProblem p) {
        CapacityPlan plan = CapacityPlanner.solve(p, Duration.ofSeconds(30));
        assertThat(plan.status()).isEqualTo("OPTIMAL");
        assertThat(FeasibilityCheck.violation(p, plan)).isEmpty();
        return plan;
    }

    @Test
    void without_survivability_one_module_on_the_direct_span_suffices() throws Exception {
        // demand a-b of 1, modules of capacity 1 costing 1: one module on ab (or two via c): 1
        Network n = triangle();
        PlanningProblem p = new PlanningProblem(
                n, links(n, new Module("m", 1, 1)), List.of(Demand.of("d", "a", "b", 1)), Survivability.NONE, 1, 0);
        assertThat(solve(p).objective()).isCloseTo(1, within(1e-6));
    }

    @Test
    void surviving_any_span_cut_needs_a_module_everywhere() throws Exception {
        // cut ab: a-c-b needs 1 on ca and bc; cut ca: ab needs 1. So all three spans: 3
        Network n = triangle();
        PlanningProblem p = new PlanningProblem(
                n, links(n, new Module("m", 1, 1)), List.of(Demand.of("d", "a", "b", 1)), Survivability.SPAN, 1, 0);
        CapacityPlan plan = solve(p);
        assertThat(plan.objective()).isCloseTo(3, within(1e-6));
        assertThat(plan.links()).allMatch(l -> l.capacity() == 1);
    }

    @Test
    void the_cheaper_mix_of_module_types_wins() throws Exception {
        // demand 3 on a-b, no survivability: 10G-like modules (1, cost 1) and 3-packs (3, cost 2.5):
        // one 3-pack (2.5) beats three singles (3) and any route via c (two spans)
        Network n = triangle();
        PlanningProblem p = new PlanningProblem(
                n,
                links(n, new Module("small", 1, 1), new Module("big", 3, 2.5)),
                List.of(Demand.of("d", "a", "b", 3)),
                Survivability.NONE,
                1,
                0);
        CapacityPlan plan = solve(p);
        assertThat(plan.objective()).isCloseTo(2.5, within(1e-6));
        assertThat(plan.links().get(0).added()).containsEntry("big", 1);
    }

    @Test
    void an_explicit_link_takes_one_option_at_most() throws Exception {
        // options: capacity 1 for 2, or 3 for 3; demand 2 on a-b. One "3" on ab costs 3; going via c
        // needs two spans with ≥ 2 each (6), splitting needs ab + both others (2 + 2 + 2): 3 wins
        Network n = triangle();
        List<Link> links = new ArrayList<>();
        for (int e = 0; e < 3; e++) {
            links.add(new Link(e, 0, 0, 0, List.of(new Module("1", 1, 2), new Module("3", 3, 3)), true));
        }
        PlanningProblem p =
                new PlanningProblem(n, links, List.of(Demand.of("d", "a", "b", 2)), Survivability.NONE, 1, 0);
        CapacityPlan plan = solve(p);
        assertThat(plan.objective()).isCloseTo(3, within(1e-6));
        assertThat(plan.links().get(0).added()).isEqualTo(java.util.Map.of("3", 1));
    }

    @Test
    void a_hop_limit_forbids_the_cheap_detour() throws Exception {
        // modules cost 10 on ab, 1 on bc and ca: a-b goes round via c for 2, unless held to one hop (10)
        Network n = triangle();
        List<Link> links = new ArrayList<>(links(n, new Module("m", 1, 1)));
        links.set(0, new Link(0, 0, 0, 0, List.of(new Module("m", 1, 10))));
        List<Demand> ab = List.of(Demand.of("d", "a", "b", 1));
        assertThat(solve(new PlanningProblem(n, links, ab, Survivability.NONE, 1, 0))
                        .objective())
                .isCloseTo(2, within(1e-6));
        PlanningProblem limited = new PlanningProblem(n, links, ab, Survivability.NONE, 1, 0, 0.08, List.of(1));
        assertThat(solve(limited).objective()).isCloseTo(10, within(1e-6));
    }

    @Test
    void pre_installed_capacity_is_used_before_buying() throws Exception {
        // 2 already on ab for a demand of 2: nothing to buy; pre-installed cost 7 is still counted
        Network n = triangle();
        List<Link> links = new ArrayList<>(links(n, new Module("m", 1, 1)));
        links.set(0, new Link(0, 2, 7, 0, List.of(new Module("m", 1, 1))));
        PlanningProblem p =
                new PlanningProblem(n, links, List.of(Demand.of("d", "a", "b", 2)), Survivability.NONE, 1, 0);
        assertThat(solve(p).objective()).isCloseTo(7, within(1e-6));
    }

    @Test
    void growth_buys_the_later_modules_in_the_later_year() throws Exception {
        // demand 1 growing 100 %: year 0 needs 1 module on ab, year 1 needs 2. Deferring the second to
        // year 1 costs 1 + 1/1.08 in present value, less than buying both now (2)
        Network n = triangle();
        PlanningProblem p = new PlanningProblem(
                n,
                links(n, new Module("m", 1, 1)),
                List.of(Demand.of("d", "a", "b", 1)),
                Survivability.NONE,
                2,
                1.0,
                0.08);
        CapacityPlan plan = solve(p);
        assertThat(plan.objective()).isCloseTo(1 + 1 / 1.08, within(1e-6));
        CapacityPlan.LinkPlan ab = plan.links().get(0);
        assertThat(ab.addedByYear().get(0)).containsEntry("m", 1);
        assertThat(ab.addedByYear().get(1)).containsEntry("m", 1);
    }

    @Test
    void the_check_catches_a_plan_that_does_not_carry_the_demands() throws Exception {
        Network n = triangle();
        PlanningProblem p = new PlanningProblem(
                n, links(n, new Module("m", 1, 1)), List.of(Demand.of("d", "a", "b", 1)), Survivability.SPAN, 1, 0);
        // only ab built: fine intact, but cutting ab leaves nothing
        CapacityPlan partial = new CapacityPlan(
                "FEASIBLE",
                1,
                1,
                0,
                0,
                List.of(
                        new CapacityPlan.LinkPlan(
                                n.spans().get(0).id(), java.util.Map.of("m", 1), List.of(java.util.Map.of("m", 1)), 1),
                        new CapacityPlan.LinkPlan(
                                n.spans().get(1).id(), java.util.Map.of(), List.of(java.util.Map.of()), 0),
                        new CapacityPlan.LinkPlan(
                                n.spans().get(2).id(), java.util.Map.of(), List.of(java.util.Map.of()), 0)));
        assertThat(FeasibilityCheck.violation(p, partial)).contains("year 0: the demands do not fit with span ab down");
    }

    @Test
    void the_check_routes_demands_into_one_destination_from_each_of_their_sources() throws Exception {
        // a→b 1 and c→b 1, modules of 1, nothing to survive. By hand: ab 1 + bc 1 carries both; ab 2 alone leaves
        // c cut off; ab 2 + ca 1 carries c's over a; ab 1 + ca 1 + bc 0 does not (a-b carries 2 then)
        Network n = triangle();
        PlanningProblem p = new PlanningProblem(
                n,
                links(n, new Module("m", 1, 1)),
                List.of(Demand.of("ab", "a", "b", 1), Demand.of("cb", "c", "b", 1)),
                Survivability.NONE,
                1,
                0);
        assertThat(FeasibilityCheck.violation(p, modules(n, 1, 1, 0))).isEmpty();
        assertThat(FeasibilityCheck.violation(p, modules(n, 2, 0, 0)))
                .contains("year 0: the demands do not fit the intact network");
        assertThat(FeasibilityCheck.violation(p, modules(n, 2, 0, 1))).isEmpty();
        assertThat(FeasibilityCheck.violation(p, modules(n, 1, 0, 1))).isPresent();
    }

    /** A plan with {@code count[e]} modules "m" on span e. */
    private static CapacityPlan modules(Network n, int... count) {
        List<CapacityPlan.LinkPlan> links = new ArrayList<>();
        for (int e = 0; e < count.length; e++) {
            java.util.Map<String, Integer> m = count[e] == 0 ? java.util.Map.of() : java.util.Map.of("m", count[e]);
            links.add(new CapacityPlan.LinkPlan(n.spans().get(e).id(), m, List.of(m), count[e]));
        }
        return new CapacityPlan("FEASIBLE", 0, 0, 0, 0, links);
    }

    /**
     * The time limit counts from the caller's start (reading files, building the problem), and the plan says
     * how the time went: building the models and solving them, both inside the total.
     */
    @Test
    void the_plan_reports_its_time_from_the_callers_start_split_into_building_and_solving() throws Exception {
        Network n = triangle();
        PlanningProblem p = new PlanningProblem(
                n, links(n, new Module("m", 10, 1)), List.of(Demand.of("d", "a", "b", 5)), Survivability.SPAN, 1, 0);
        long start = System.nanoTime() - 300_000_000L; // the caller began 0.3 s ago
        CapacityPlan plan = CapacityPlanner.solve(p, java.time.Duration.ofSeconds(30), start);
        assertThat(plan.status()).isEqualTo("OPTIMAL");
        assertThat(plan.seconds()).isGreaterThanOrEqualTo(0.3);
        assertThat(plan.buildSeconds()).isPositive();
        assertThat(plan.solveSeconds()).isPositive();
        assertThat(plan.buildSeconds() + plan.solveSeconds()).isLessThanOrEqualTo(plan.seconds() - 0.3 + 1e-6);

        // a budget the caller has spent already: no MIP is built, the rounded LP plan is the answer, and it passes
        CapacityPlan late =
                CapacityPlanner.solve(p, java.time.Duration.ofMillis(100), System.nanoTime() - 1_000_000_000L);
        assertThat(late.hasPlan()).isTrue();
        assertThat(FeasibilityCheck.violation(p, late)).isEmpty();
        assertThat(late.objective()).isGreaterThanOrEqualTo(plan.objective() - 1e-9);
    }

    // ------------------------------------------------------------------ directed demands, link models

    static Network pair() throws Exception {
        return Network.builder("pair")
                .pop(Pop.of("a", "A", 0, 0))
                .pop(Pop.of("b", "B", 0, 1))
                .span(Span.of("ab", "a", "b", 100, 0))
                .build();
    }

    private static PlanningProblem directed(
            Network n, List<Link> links, List<Demand> demands, Survivability s, LinkModel model) {
        return new PlanningProblem(
                n,
                links,
                demands,
                s,
                1,
                0,
                PlanningProblem.DEFAULT_DISCOUNT_RATE,
                java.util.Collections.nCopies(demands.size(), PlanningProblem.UNLIMITED),
                model,
                true);
    }

    @Test
    void a_bidirected_link_has_its_capacity_in_each_direction() throws Exception {
        // a→b 8 and b→a 8 on modules of 10 costing 1: undirected, both share the link: 16 → 2 modules;
        // bidirected, each direction has the 10 of one module: 1
        Network n = pair();
        List<Demand> both = List.of(Demand.of("ab", "a", "b", 8), Demand.of("ba", "b", "a", 8));
        List<Link> links = links(n, new Module("m", 10, 1));
        assertThat(solve(directed(n, links, both, Survivability.NONE, LinkModel.UNDIRECTED))
                        .objective())
                .isCloseTo(2, within(1e-6));
        CapacityPlan bidirected = solve(directed(n, links, both, Survivability.NONE, LinkModel.BIDIRECTED));
        assertThat(bidirected.objective()).isCloseTo(1, within(1e-6));
        // the independent check holds the planner to the model: one module does not carry 16 undirected
        PlanningProblem undirected = directed(n, links, both, Survivability.NONE, LinkModel.UNDIRECTED);
        assertThat(FeasibilityCheck.violation(undirected, bidirected)).isPresent();
    }

    @Test
    void a_directed_link_carries_nothing_back() throws Exception {
        Network n = pair();
        List<Link> links = links(n, new Module("m", 10, 1));
        assertThat(solve(directed(
                                n,
                                links,
                                List.of(Demand.of("ab", "a", "b", 8)),
                                Survivability.NONE,
                                LinkModel.DIRECTED))
                        .objective())
                .isCloseTo(1, within(1e-6));
        CapacityPlan back = CapacityPlanner.solve(
                directed(n, links, List.of(Demand.of("ba", "b", "a", 8)), Survivability.NONE, LinkModel.DIRECTED),
                Duration.ofSeconds(30));
        assertThat(back.status()).isEqualTo("INFEASIBLE");
    }

    @Test
    void a_bidirected_link_pays_routing_on_its_larger_direction() throws Exception {
        // SNDlib's rule: routing cost × max(flow a→b, flow b→a). a→b 8, b→a 3, routing cost 1, one module of
        // 10 at 1: 1 + max(8, 3) = 9 (the sum would be 1 + 11 = 12); undirected: 2 modules (11 > 10) + 11 = 13
        Network n = pair();
        List<Demand> demands = List.of(Demand.of("ab", "a", "b", 8), Demand.of("ba", "b", "a", 3));
        List<Link> links = List.of(new Link(0, 0, 0, 1, List.of(new Module("m", 10, 1))));
        assertThat(solve(directed(n, links, demands, Survivability.NONE, LinkModel.BIDIRECTED))
                        .objective())
                .isCloseTo(9, within(1e-6));
        assertThat(solve(directed(n, links, demands, Survivability.NONE, LinkModel.UNDIRECTED))
                        .objective())
                .isCloseTo(13, within(1e-6));
    }

    @Test
    void surviving_cuts_on_bidirected_links_needs_each_direction_rerouted() throws Exception {
        // triangle, a→b 8 and b→a 8, modules of 10 at 1, any single span cut: bidirected, every span carries at
        // most 8 a direction in some state (ab intact; a→c→b and b→c→a when ab is cut): one module each, 3;
        // undirected, 16 on ab, then 16 on ca and bc: two modules each, 6
        Network n = triangle();
        List<Demand> both = List.of(Demand.of("ab", "a", "b", 8), Demand.of("ba", "b", "a", 8));
        List<Link> links = links(n, new Module("m", 10, 1));
        assertThat(solve(directed(n, links, both, Survivability.SPAN, LinkModel.BIDIRECTED))
                        .objective())
                .isCloseTo(3, within(1e-6));
        assertThat(solve(directed(n, links, both, Survivability.SPAN, LinkModel.UNDIRECTED))
                        .objective())
                .isCloseTo(6, within(1e-6));
    }

    @Test
    void undirected_demands_are_refused_on_bidirected_links() throws Exception {
        Network n = pair();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PlanningProblem(
                        n,
                        links(n, new Module("m", 10, 1)),
                        List.of(Demand.of("ab", "a", "b", 8)),
                        Survivability.NONE,
                        1,
                        0,
                        PlanningProblem.DEFAULT_DISCOUNT_RATE,
                        List.of(PlanningProblem.UNLIMITED),
                        LinkModel.BIDIRECTED,
                        false))
                .hasMessageContaining("undirected demands need undirected links");
    }

    // ------------------------------------------------------------------ the module descent

    @Test
    void the_descent_takes_away_every_module_the_failure_states_do_not_need() throws Exception {
        // triangle, a-b 1.5, modules of 1 at 1, any single cut: every span must carry 1.5 in some state (ab
        // intact; ca and bc when ab is cut), so 2 modules each, 6 in all. From 3 everywhere the descent comes
        // down to exactly that, and no further
        Network n = triangle();
        PlanningProblem p = new PlanningProblem(
                n, links(n, new Module("m", 1, 1)), List.of(Demand.of("d", "a", "b", 1.5)), Survivability.SPAN, 1, 0);
        assertThat(ModuleDescent.applies(p)).isTrue();
        int[][][] counts = {{{3}}, {{3}}, {{3}}};
        ModuleDescent.improve(p, counts, System.nanoTime() + 30_000_000_000L);
        assertThat(counts).isDeepEqualTo(new int[][][] {{{2}}, {{2}}, {{2}}});
        CapacityPlan plan = solve(p);
        assertThat(plan.objective()).isCloseTo(6, within(1e-6));
    }

    /** The triangle's links with modules of 10: on ab at 100, on bc and ca at 30. */
    private static List<Link> dearAb() {
        return List.of(
                new Link(0, 0, 0, 0, List.of(new Module("m", 10, 100))),
                new Link(1, 0, 0, 0, List.of(new Module("m", 10, 30))),
                new Link(2, 0, 0, 0, List.of(new Module("m", 10, 30))));
    }

    @Test
    void a_removal_that_leaves_a_demand_short_becomes_a_swap_to_a_cheaper_link() throws Exception {
        // triangle, modules of 10: on ab at 100, on bc and ca at 30; a-b 4 and c-b 5. From ab 1 + bc 1 (130) no
        // module can go: without ab, a-b has no room on ca; without bc, c-b none on ca. Taking ab's module away
        // and putting one on ca instead routes a-b over a-c-b (bc carries 4 + 5 = 9 of its 10): 60, the optimum
        Network n = triangle();
        List<Link> links = dearAb();
        PlanningProblem p = new PlanningProblem(
                n,
                links,
                List.of(Demand.of("ab", "a", "b", 4), Demand.of("cb", "c", "b", 5)),
                Survivability.NONE,
                1,
                0);
        int[][][] counts = {{{1}}, {{1}}, {{0}}};
        try (ModuleDescent d = ModuleDescent.open(p, counts)) {
            d.localSearch(counts, System.nanoTime() + 30_000_000_000L);
        }
        assertThat(counts).isDeepEqualTo(new int[][][] {{{0}}, {{1}}, {{1}}});
        assertThat(solve(p).objective()).isCloseTo(60, within(1e-6));
    }

    @Test
    void the_kicks_find_what_one_local_search_cannot() throws Exception {
        // the same triangle with a-b 4 alone: from ab 1 (100) neither a removal nor a single swap helps (a-c-b
        // needs a module on both bc and ca), so the local search stays at 100; a kick re-routes around a PoP at
        // perturbed prices, and a-c-b covered is 60, the optimum (ab alone is 100, every other plan dearer)
        Network n = triangle();
        List<Link> links = dearAb();
        PlanningProblem p =
                new PlanningProblem(n, links, List.of(Demand.of("ab", "a", "b", 4)), Survivability.NONE, 1, 0);
        int[][][] local = {{{1}}, {{0}}, {{0}}};
        int[][][] kicked = {{{1}}, {{0}}, {{0}}};
        try (ModuleDescent d = ModuleDescent.open(p, local)) {
            d.localSearch(local, System.nanoTime() + 30_000_000_000L);
            d.descend(kicked, System.nanoTime() + 30_000_000_000L);
        }
        assertThat(local).isDeepEqualTo(new int[][][] {{{1}}, {{0}}, {{0}}});
        assertThat(kicked).isDeepEqualTo(new int[][][] {{{0}}, {{1}}, {{1}}});
        assertThat(solve(p).objective()).isCloseTo(60, within(1e-6));
    }

    @Test
    void the_descent_leaves_a_plan_alone_when_it_cannot_price_the_change() throws Exception {
        // routing costs would change with the capacities, hop limits need paths, explicit links one option
        Network n = triangle();
        List<Link> routed = new ArrayList<>();
        for (int e = 0; e < 3; e++) {
            routed.add(new Link(e, 0, 0, 1, List.of(new Module("m", 1, 1))));
        }
        assertThat(ModuleDescent.applies(
                        new PlanningProblem(n, routed, List.of(Demand.of("d", "a", "b", 1)), Survivability.SPAN, 1, 0)))
                .isFalse();
        assertThat(ModuleDescent.applies(new PlanningProblem(
                        n,
                        links(n, new Module("m", 1, 1)),
                        List.of(Demand.of("d", "a", "b", 1)),
                        Survivability.SPAN,
                        2,
                        0.1)))
                .isFalse();
    }
}
