package org.wanplan.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wanplan.io.builtin.BuiltinNetworks;
import org.wanplan.model.Demand;
import org.wanplan.model.Fibre;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.Span;
import org.wanplan.model.SpanId;

class FailureSweepTest {
    @Test
    void a_ring_reroutes_the_long_way_and_loses_traffic_at_a_failed_end() throws Exception {
        // A-B-C-D-A, 100 km and 10 Gbps each; one 5 Gbps demand A-B
        Network ring = Network.builder("ring")
                .pop(Pop.of("a", "A", 0, 0))
                .pop(Pop.of("b", "B", 0, 1))
                .pop(Pop.of("c", "C", 1, 1))
                .pop(Pop.of("d", "D", 1, 0))
                .span(Span.of("ab", "a", "b", 100, 10))
                .span(Span.of("bc", "b", "c", 100, 10))
                .span(Span.of("cd", "c", "d", 100, 10))
                .span(Span.of("da", "d", "a", 100, 10))
                .build();
        Router router = Router.of(ring, Metric.KM);
        Placement.Result base = Placement.place(router, List.of(Demand.of("ab", "a", "b", 5)), Optional.empty(), true);
        FailureReport r = FailureSweep.of(router, base, 10)
                .sweep(FailureScenario.singles(ring), k -> {})
                .report();
        FailureReport.ScenarioImpact cutAb = impact(r, "span ab");
        assertThat(cutAb.rerouted()).isEqualTo(1);
        assertThat(cutAb.maxUtilisation()).isEqualTo(0.5); // 5 Gbps on the 10 Gbps spans of the long way
        FailureReport.ScenarioImpact popA = impact(r, "pop a");
        assertThat(popA.lost()).isEqualTo(1);
        assertThat(popA.lostGbps()).isEqualTo(5);
        assertThat(r.scenarios().get(0).lostGbps()).isEqualTo(5); // ranked by traffic lost
        FailureReport.DemandWorst d = r.demands().get(0);
        assertThat(d.worstLatencyMs()).isCloseTo(Fibre.latencyMs(300), within(1e-9));
        assertThat(d.worstScenario()).isEqualTo("span ab");
        assertThat(d.scenariosLost()).isEqualTo(2); // PoP a and PoP b
        FailureReport.SpanWorst bc = r.spans().stream()
                .filter(w -> w.span().value().equals("bc"))
                .findFirst()
                .orElseThrow();
        assertThat(bc.worstUtilisation()).isEqualTo(0.5);
        assertThat(bc.worstScenarios()).containsExactly("span ab");
    }

    @Test
    void protected_demands_switch_to_their_protection_path() throws Exception {
        Network ring = Network.builder("ring")
                .pop(Pop.of("a", "A", 0, 0))
                .pop(Pop.of("b", "B", 0, 1))
                .pop(Pop.of("c", "C", 1, 1))
                .span(Span.of("ab", "a", "b", 100, 10))
                .span(Span.of("bc", "b", "c", 100, 10))
                .span(Span.of("ca", "c", "a", 100, 10))
                .build();
        Router router = Router.of(ring, Metric.KM);
        Placement.Result base =
                Placement.place(router, List.of(Demand.of("ab", "a", "b", 4)), Optional.of(Diversity.NODE), true);
        assertThat(base.loadGbps()).containsExactly(4, 4, 4); // 1+1: both paths carry it
        FailureReport r = FailureSweep.of(router, base, 10)
                .sweep(FailureScenario.singles(ring), k -> {})
                .report();
        FailureReport.ScenarioImpact cut = impact(r, "span ab");
        assertThat(cut.switched()).isEqualTo(1);
        assertThat(cut.rerouted()).isZero();
        assertThat(cut.maxUtilisation()).isEqualTo(0.4);
    }

    /** The incremental sweep agrees with re-placing every demand from scratch in every scenario. */
    @Test
    void the_incremental_sweep_equals_the_naive_one_on_euro350() {
        Network n = withoutTies(BuiltinNetworks.load("euro350").orElseThrow());
        assertSweepIsNaive(n, FailureScenario.singles(n));
    }

    /** Order 2, the pairs generated lazily: a seeded sample of 400 of them against the same naive re-placement. */
    @Test
    void the_double_failure_sweep_equals_the_naive_one_on_a_sample_of_euro350_pairs() {
        Network n = withoutTies(BuiltinNetworks.load("euro350").orElseThrow());
        List<FailureScenario> pairs = FailureScenario.pairs(
                n,
                java.util.EnumSet.of(FailureScenario.Kind.SPAN, FailureScenario.Kind.POP, FailureScenario.Kind.SRLG));
        List<FailureScenario> sample = FailureScenario.sample(pairs, 400, 15);
        assertThat(sample).hasSize(400);
        assertThat(FailureScenario.sample(pairs, 400, 15))
                .extracting(FailureScenario::name)
                .isEqualTo(sample.stream().map(FailureScenario::name).toList()); // seeded: the same draw
        assertThat(sample)
                .allMatch(sc ->
                        sc.kind() == FailureScenario.Kind.MULTI && sc.name().contains(" + "));
        assertSweepIsNaive(n, sample);
    }

    @Test
    void pairs_leave_out_what_one_element_already_implies() throws Exception {
        // triangle a b c, SRLG g over ab and bc: 3 spans + 3 PoPs + 1 SRLG = 7 singles, 21 pairs. Implied, by
        // hand: each PoP with its two spans (6), g with its two spans (2), PoP b with g (both g's spans end at
        // b) (1): 12 pairs left
        Network tri = Network.builder("tri")
                .srlg(org.wanplan.model.Srlg.of("g", org.wanplan.model.SrlgKind.DUCT, "g"))
                .pop(Pop.of("a", "A", 0, 0))
                .pop(Pop.of("b", "B", 0, 1))
                .pop(Pop.of("c", "C", 1, 0))
                .span(Span.of("ab", "a", "b", 100, 10).withSrlgs(List.of(org.wanplan.model.SrlgId.of("g"))))
                .span(Span.of("bc", "b", "c", 100, 10).withSrlgs(List.of(org.wanplan.model.SrlgId.of("g"))))
                .span(Span.of("ca", "c", "a", 100, 10))
                .build();
        var all = java.util.EnumSet.of(FailureScenario.Kind.SPAN, FailureScenario.Kind.POP, FailureScenario.Kind.SRLG);
        List<String> names = FailureScenario.pairs(tri, all).stream()
                .map(FailureScenario::name)
                .toList();
        assertThat(names)
                .hasSize(12)
                .doesNotContain("span ab + pop a", "span ab + srlg g", "pop b + srlg g")
                .contains("span ab + span bc", "span ca + srlg g", "pop a + pop b", "pop a + srlg g");
        // only spans: the three pairs of spans
        assertThat(FailureScenario.pairs(tri, java.util.EnumSet.of(FailureScenario.Kind.SPAN)))
                .extracting(FailureScenario::name)
                .containsExactly("span ab + span bc", "span ab + span ca", "span bc + span ca");
    }

    private static void assertSweepIsNaive(Network n, List<FailureScenario> scenarios) {
        Router router = Router.of(n, Metric.LATENCY);
        List<Demand> demands = Gravity.fromPopulation(n, 5_000, 600);
        Placement.Result base = Placement.place(router, demands, Optional.empty(), false);
        FailureReport fast = FailureSweep.of(router, base, scenarios.size())
                .sweep(scenarios, k -> {})
                .report();

        Map<String, double[]> naiveLoads = new HashMap<>();
        Map<String, Double> naiveLost = new HashMap<>();
        for (FailureScenario sc : scenarios) {
            double[] load = new double[n.spans().size()];
            double lost = 0;
            Mask mask = sc.down();
            for (Placement.Placed pl : base.placed()) {
                Optional<Path> route =
                        router.shortest(pl.demand().from(), pl.demand().to(), mask);
                if (route.isEmpty()) {
                    lost += pl.demand().gbps();
                    continue;
                }
                // an unaffected demand keeps its path; an affected one takes the shortest surviving path
                Path used = hits(n, pl.working(), sc) ? route.get() : pl.working();
                for (SpanId s : used.spans()) {
                    load[n.indexOf(s)] += pl.demand().gbps();
                }
            }
            naiveLoads.put(sc.name(), load);
            naiveLost.put(sc.name(), lost);
        }
        for (FailureReport.ScenarioImpact i : fast.scenarios()) {
            assertThat(i.lostGbps()).as(i.scenario()).isCloseTo(naiveLost.get(i.scenario()), within(1e-6));
        }
        for (FailureReport.SpanWorst w : fast.spans()) {
            int s = n.indexOf(w.span());
            double worst = base.loadGbps()[s];
            for (FailureScenario sc : scenarios) {
                if (!sc.down().spanDown(s)) {
                    worst = Math.max(worst, naiveLoads.get(sc.name())[s]);
                }
            }
            assertThat(w.worstUtilisation() * w.capacityGbps())
                    .as(w.span().value())
                    .isCloseTo(worst, within(1e-6));
        }
    }

    @Test
    void accumulators_merge_in_any_order_to_the_one_sweep_and_keep_only_the_top_k() {
        Network n = BuiltinNetworks.load("euro350").orElseThrow();
        List<FailureScenario> scenarios = FailureScenario.singles(n);
        FailureSweep sweep = FailureSweep.prepare(
                n,
                Gravity.fromPopulation(n, 5_000, 400),
                new FailureSweep.Options(Metric.LATENCY, Optional.empty(), 5));
        FailureReport whole = sweep.sweep(scenarios, k -> {}).report();

        // three shards, each folded sequentially, merged in two different orders
        FailureAccumulator[] shards = {sweep.accumulator(), sweep.accumulator(), sweep.accumulator()};
        for (int k = scenarios.size() - 1; k >= 0; k--) {
            shards[k % 3].add(k, scenarios.get(k), sweep.evaluate(scenarios.get(k)));
        }
        FailureReport forward = sweep.accumulator()
                .merge(shards[0])
                .merge(shards[1])
                .merge(shards[2])
                .report();
        FailureAccumulator[] again = {sweep.accumulator(), sweep.accumulator(), sweep.accumulator()};
        for (int k = 0; k < scenarios.size(); k++) {
            again[k % 3].add(k, scenarios.get(k), sweep.evaluate(scenarios.get(k)));
        }
        FailureReport backward = again[2].merge(again[1]).merge(again[0]).report();
        assertThat(forward).isEqualTo(whole);
        assertThat(backward).isEqualTo(whole);

        assertThat(whole.scenarioCount()).isEqualTo(scenarios.size());
        assertThat(whole.scenarios()).hasSize(5);
        assertThat(whole.spans()).allSatisfy(w -> assertThat(w.worstScenarios()).hasSizeLessThanOrEqualTo(5));
        // the top 5 are the first 5 of the ranking kept whole
        FailureReport all = FailureSweep.of(sweep.router(), sweep.baseline(), scenarios.size())
                .sweep(scenarios, k -> {})
                .report();
        assertThat(whole.scenarios()).isEqualTo(all.scenarios().subList(0, 5));
        assertThat(whole.demands()).isEqualTo(all.demands());
    }

    /**
     * Partial accumulators travel (the Spark engine serializes them between machines): shards serialized,
     * read back, attached to a sweep prepared again from the same inputs and merged give the one report.
     */
    @Test
    void accumulators_serialize_and_merge_on_a_sweep_prepared_again() throws Exception {
        Network n = BuiltinNetworks.load("bteurope").orElseThrow();
        List<org.wanplan.model.Demand> demands = new java.util.ArrayList<>();
        for (int i = 0; i < n.pops().size(); i++) {
            for (int j = i + 1; j < n.pops().size(); j++) {
                demands.add(new org.wanplan.model.Demand(
                        "d" + i + "-" + j,
                        n.pops().get(i).id(),
                        n.pops().get(j).id(),
                        1 + (i * 7 + j) % 5,
                        org.wanplan.model.ServiceClass.BEST_EFFORT));
            }
        }
        FailureSweep.Options options = new FailureSweep.Options(Metric.LATENCY, Optional.empty(), 4);
        FailureSweep here = FailureSweep.prepare(n, demands, options);
        List<FailureScenario> scenarios = FailureScenario.pairs(n, java.util.EnumSet.allOf(FailureScenario.Kind.class));
        FailureReport whole = here.sweep(scenarios, k -> {}).report();

        FailureSweep there = FailureSweep.prepare(n, demands, options);
        FailureAccumulator merged = null;
        for (int shard = 0; shard < 3; shard++) {
            FailureAccumulator acc = there.accumulator();
            for (int k = shard; k < scenarios.size(); k += 3) {
                acc.add(k, scenarios.get(k), there.evaluate(scenarios.get(k)));
            }
            FailureAccumulator copy = roundTrip(acc);
            assertThatThrownBy(copy::report).isInstanceOf(IllegalStateException.class);
            merged = merged == null ? copy : copy.merge(merged);
        }
        assertThat(merged.attach(here).report()).isEqualTo(whole);
        assertThat(whole.scenarioCount()).isEqualTo(scenarios.size());

        FailureSweep otherShape =
                FailureSweep.prepare(n, demands, new FailureSweep.Options(Metric.LATENCY, Optional.empty(), 5));
        assertThatThrownBy(() -> roundTrip(here.accumulator()).attach(otherShape))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> here.accumulator().merge(otherShape.accumulator()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Restoring from the intact network's trees (networks up to 2,000 PoPs) and with a fresh search per root
     * (larger ones) give the same outcome scenario by scenario: the same demands lost, rerouted and switched,
     * and the same latencies and loads up to rounding (loads are summed in another order).
     */
    @Test
    void restoring_from_the_trees_is_the_full_search_on_a_sample_of_euro350_pairs() {
        Network n = BuiltinNetworks.load("euro350").orElseThrow();
        Router router = Router.of(n, Metric.LATENCY);
        Placement.Result base =
                Placement.place(router, Gravity.fromPopulation(n, 20_000, 3_000), Optional.of(Diversity.SPAN), false);
        FailureSweep trees = FailureSweep.of(router, base, 5, true);
        FailureSweep full = FailureSweep.of(router, base, 5, false);
        List<FailureScenario> sample = FailureScenario.sample(
                FailureScenario.pairs(
                        n,
                        java.util.EnumSet.of(
                                FailureScenario.Kind.SPAN, FailureScenario.Kind.POP, FailureScenario.Kind.SRLG)),
                1_500,
                11);
        for (FailureScenario sc : sample) {
            FailureSweep.Outcome a = trees.evaluate(sc);
            FailureSweep.Outcome b = full.evaluate(sc);
            assertThat(new int[] {a.affected(), a.switched(), a.rerouted(), a.lost()})
                    .as(sc.name())
                    .containsExactly(b.affected(), b.switched(), b.rerouted(), b.lost());
            assertThat(a.touched()).as(sc.name()).containsExactly(b.touched());
            assertThat(a.lostGbps()).as(sc.name()).isCloseTo(b.lostGbps(), within(1e-9));
            for (int j = 0; j < a.latency().length; j++) {
                if (Double.isNaN(b.latency()[j])) {
                    assertThat(a.latency()[j]).as(sc.name()).isNaN();
                } else {
                    assertThat(a.latency()[j]).as(sc.name()).isCloseTo(b.latency()[j], within(1e-9));
                }
            }
            for (int s = 0; s < a.load().length; s++) {
                if (Double.isNaN(b.load()[s])) {
                    assertThat(a.load()[s]).as(sc.name()).isNaN();
                } else {
                    assertThat(a.load()[s]).as(sc.name() + " span " + s).isCloseTo(b.load()[s], within(1e-6));
                }
            }
        }
    }

    private static FailureAccumulator roundTrip(FailureAccumulator acc) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(acc);
        }
        try (java.io.ObjectInputStream in =
                new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            return (FailureAccumulator) in.readObject();
        }
    }

    /**
     * euro350 with every span a distinct few metres longer. Lengths are 0.1 km multiples, so two routes
     * can have exactly the same length (London–Bucharest has two after some cuts); the sweep's shortest-path
     * trees and the per-demand search below then may each pick a different one, both right. Jitter makes
     * the shortest path unique, so loads can be compared exactly.
     */
    static Network withoutTies(Network n) {
        java.util.Random random = new java.util.Random(350);
        List<Span> spans = new ArrayList<>();
        for (Span s : n.spans()) {
            org.wanplan.model.FibreLength f = s.length().orElseThrow();
            spans.add(s.withLength(
                    new org.wanplan.model.FibreLength(f.km() + 0.001 + 0.01 * random.nextDouble(), f.source())));
        }
        try {
            return Network.builder(n.name())
                    .pops(n.pops())
                    .srlgs(n.srlgs())
                    .spans(spans)
                    .build();
        } catch (org.wanplan.model.InvalidNetworkException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean hits(Network n, Path p, FailureScenario sc) {
        return p.spans().stream().anyMatch(s -> sc.down().spanDown(n.indexOf(s)))
                || p.pops().stream().anyMatch(x -> sc.down().popDown(n.indexOf(x)));
    }

    private static FailureReport.ScenarioImpact impact(FailureReport r, String name) {
        return r.scenarios().stream()
                .filter(i -> i.scenario().equals(name))
                .findFirst()
                .orElseThrow();
    }

    static List<String> names(List<FailureScenario> s) {
        List<String> out = new ArrayList<>();
        s.forEach(x -> out.add(x.name()));
        return out;
    }
}
