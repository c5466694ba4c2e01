package org.wanplan.planning.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.WeightedPseudograph;
import org.junit.jupiter.api.Test;
import org.wanplan.io.builtin.BuiltinNetworks;
import org.wanplan.model.Fibre;
import org.wanplan.model.Geodesy;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.Span;
import org.wanplan.planning.augment.NetworkAugment.Kind;
import org.wanplan.planning.augment.NetworkAugment.Options;
import org.wanplan.routing.augment.SpanAugmenter.Budget;

class NetworkAugmentTest {
    @Test
    void stretch_and_latency_figures_equal_an_independent_dijkstra_computation() {
        for (String name : List.of("sparse", "bteurope")) {
            Network n = BuiltinNetworks.load(name).orElseThrow();
            NetworkAugment.Figures f = NetworkAugment.figures(n);
            NetworkAugment.Figures oracle = oracle(n);
            assertThat(f.meanRttMs()).as(name).isCloseTo(oracle.meanRttMs(), within(1e-9));
            assertThat(f.p90Stretch()).as(name).isCloseTo(oracle.p90Stretch(), within(1e-9));
            assertThat(f.popWeightedStretch()).as(name).isCloseTo(oracle.popWeightedStretch(), within(1e-9));
        }
    }

    @Test
    void euro350_with_leased_express_waves_stays_within_budget_and_only_gets_shorter() {
        Network n = BuiltinNetworks.load("euro350").orElseThrow();
        long start = System.nanoTime();
        NetworkAugment.Report r = NetworkAugment.augment(
                n,
                new Options(
                        Kind.WAVELENGTH,
                        100,
                        1500,
                        new Budget(Double.POSITIVE_INFINITY, 5_000, Integer.MAX_VALUE),
                        org.wanplan.model.SpanCatalogue.defaults()));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "augment euro350, 5,000 km of waves: %d candidates, %d spans, %.0f km, %.1f s;"
                        + " mean RTT %.2f → %.2f ms, p90 stretch %.2f → %.2f, weighted stretch %.2f → %.2f%n",
                r.candidates(),
                r.added().size(),
                r.kmAdded(),
                seconds,
                r.before().meanRttMs(),
                r.after().meanRttMs(),
                r.before().p90Stretch(),
                r.after().p90Stretch(),
                r.before().popWeightedStretch(),
                r.after().popWeightedStretch());
        assertThat(r.kmAdded()).isLessThanOrEqualTo(5_000);
        assertThat(r.added()).isNotEmpty();
        assertThat(r.after().meanRttMs()).isLessThan(r.before().meanRttMs());
        assertThat(r.after().popWeightedStretch())
                .isLessThanOrEqualTo(r.before().popWeightedStretch());
        assertThat(r.augmented().spans()).hasSize(n.spans().size() + r.added().size());
        List<Span> added = r.augmented().spans().stream()
                .filter(s -> n.span(s.id()).isEmpty())
                .toList();
        assertThat(added).hasSize(r.added().size()).allMatch(Span::leased);
        // a wave's MRC is its km × the catalogue's rate; the total cost is that over the term
        double mrc = r.added().stream().mapToDouble(NetworkAugment.Added::mrc).sum();
        assertThat(mrc).isCloseTo(r.kmAdded() * 1.25, within(1e-6));
        assertThat(r.cost()).isCloseTo(mrc * 36, within(1e-3));
        // the figures of the augmented network, computed afresh, are the ones reported
        assertThat(NetworkAugment.figures(r.augmented()).meanRttMs())
                .isCloseTo(r.after().meanRttMs(), within(1e-9));
    }

    @Test
    void a_stretch_target_stops_at_the_first_span_that_meets_it() throws Exception {
        Network n = BuiltinNetworks.load("sparse").orElseThrow();
        NetworkAugment.Report r = target(n, Integer.MAX_VALUE, 1.45);
        assertThat(r.targetMet()).contains(true);
        assertThat(r.after().popWeightedStretch()).isLessThanOrEqualTo(1.45);
        assertThat(r.before().popWeightedStretch()).isGreaterThan(1.45); // else the test means nothing
        // without the last span added (the augmented network's last span) the target is not met
        List<Span> spans = r.augmented().spans();
        Network withoutLast = Network.builder(n.name())
                .pops(n.pops())
                .srlgs(n.srlgs())
                .spans(spans.subList(0, spans.size() - 1))
                .build();
        assertThat(spans.get(spans.size() - 1).leased()).isTrue();
        assertThat(NetworkAugment.figures(withoutLast).popWeightedStretch()).isGreaterThan(1.45);
        // a target no candidate set can reach is reported as not met, within the budget
        NetworkAugment.Report impossible = target(n, Integer.MAX_VALUE, 1.0);
        assertThat(impossible.targetMet()).contains(false);
        assertThat(impossible.kmAdded()).isLessThanOrEqualTo(3_000);
    }

    @Test
    void offered_candidates_and_a_traffic_matrix_give_the_optimum_an_independent_enumeration_finds() throws Exception {
        Network n = BuiltinNetworks.load("sparse").orElseThrow();
        List<org.wanplan.model.Demand> demands = List.of(
                demand("d1", "lisbon", "warsaw", 40),
                demand("d2", "paris", "athens", 25),
                demand("d3", "london", "rome", 10),
                demand("d4", "madrid", "stockholm", 5));
        List<NetworkAugment.Offer> offers = List.of(
                offer("lisbon", "paris", java.util.OptionalDouble.empty(), java.util.OptionalDouble.of(900)),
                offer("paris", "berlin", java.util.OptionalDouble.of(1200), java.util.OptionalDouble.of(1100)),
                offer("berlin", "warsaw", java.util.OptionalDouble.empty(), java.util.OptionalDouble.of(500)),
                offer("milan", "athens", java.util.OptionalDouble.of(1900), java.util.OptionalDouble.of(1500)),
                offer("london", "milan", java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty()),
                offer("madrid", "paris", java.util.OptionalDouble.empty(), java.util.OptionalDouble.of(700)));
        double budget = 2_500 * 36; // EUR over the term: monthly costs × 36 months
        NetworkAugment.Report r = NetworkAugment.augment(
                n,
                new Options(
                        Kind.WAVELENGTH,
                        100,
                        1500,
                        new Budget(budget, Double.POSITIVE_INFINITY, Integer.MAX_VALUE),
                        org.wanplan.model.SpanCatalogue.defaults()),
                java.util.Optional.of(demands),
                java.util.Optional.of(offers));
        assertThat(r.candidates()).isEqualTo(6);
        assertThat(r.added()).isNotEmpty();
        assertThat(r.cost()).isLessThanOrEqualTo(budget);
        // independent: every subset within the budget, each network built and measured with JGraphT
        double best = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < 1 << offers.size(); mask++) {
            List<Span> spans = new ArrayList<>(n.spans());
            double cost = 0;
            for (int c = 0; c < offers.size(); c++) {
                if ((mask >> c & 1) == 1) {
                    NetworkAugment.Offer o = offers.get(c);
                    double km = o.lengthKm().isPresent()
                            ? o.lengthKm().getAsDouble()
                            : Math.round(Geodesy.greatCircleKm(
                                                    n.pop(o.a())
                                                            .flatMap(Pop::location)
                                                            .orElseThrow(),
                                                    n.pop(o.b())
                                                            .flatMap(Pop::location)
                                                            .orElseThrow())
                                            * 1.25
                                            * 10)
                                    / 10.0;
                    cost += o.cost().isPresent() ? o.cost().getAsDouble() * 36 : km * 1.25 * 36;
                    spans.add(Span.of("t" + c, o.a().value(), o.b().value(), km, 400));
                }
            }
            if (cost <= budget) {
                best = Math.min(best, demandRtt(withSpans(n, spans), demands));
            }
        }
        assertThat(r.optimumMeanRttMs().getAsDouble()).isCloseTo(best, within(1e-9));
        assertThat(r.before().meanRttMs()).isCloseTo(demandRtt(n, demands), within(1e-9));
        assertThat(r.after().meanRttMs()).isCloseTo(demandRtt(r.augmented(), demands), within(1e-9));
        assertThat(r.gap().getAsDouble()).isGreaterThanOrEqualTo(-1e-12);
        System.out.printf(
                Locale.ROOT,
                "offers on sparse: greedy %.4f ms, optimum %.4f ms, gap %.4f %%%n",
                r.after().meanRttMs(),
                best,
                100 * r.gap().getAsDouble());
        // the weighted stretch stays population-weighted whatever the demand
        assertThat(r.before().popWeightedStretch())
                .isCloseTo(NetworkAugment.figures(n).popWeightedStretch(), within(1e-12));
    }

    private static org.wanplan.model.Demand demand(String id, String a, String b, double gbps) {
        return new org.wanplan.model.Demand(
                id,
                org.wanplan.model.PopId.of(a),
                org.wanplan.model.PopId.of(b),
                gbps,
                org.wanplan.model.ServiceClass.BEST_EFFORT);
    }

    private static NetworkAugment.Offer offer(
            String a, String b, java.util.OptionalDouble km, java.util.OptionalDouble mrc) {
        return new NetworkAugment.Offer(org.wanplan.model.PopId.of(a), org.wanplan.model.PopId.of(b), km, mrc);
    }

    private static Network withSpans(Network n, List<Span> spans) throws Exception {
        return Network.builder(n.name())
                .pops(n.pops())
                .srlgs(n.srlgs())
                .spans(spans)
                .build();
    }

    /** Gbps-weighted mean round trip of the demands, from JGraphT's Dijkstra. */
    private static double demandRtt(Network n, List<org.wanplan.model.Demand> demands) {
        WeightedPseudograph<String, DefaultWeightedEdge> g = new WeightedPseudograph<>(DefaultWeightedEdge.class);
        n.pops().forEach(p -> g.addVertex(p.id().value()));
        for (Span s : n.spans()) {
            g.setEdgeWeight(
                    g.addEdge(s.a().value(), s.b().value()),
                    s.length().orElseThrow().km());
        }
        DijkstraShortestPath<String, DefaultWeightedEdge> dijkstra = new DijkstraShortestPath<>(g);
        double num = 0;
        double den = 0;
        for (org.wanplan.model.Demand d : demands) {
            num += d.gbps() * 2 * dijkstra.getPathWeight(d.from().value(), d.to().value()) * Fibre.LATENCY_MS_PER_KM;
            den += d.gbps();
        }
        return num / den;
    }

    @Test
    void the_largest_metros_are_candidates_beyond_the_band_and_nobody_else_is() {
        Network n = BuiltinNetworks.load("euro350").orElseThrow();
        NetworkAugment.Problem p = NetworkAugment.problem(
                n,
                new Options(
                        Kind.WAVELENGTH,
                        100,
                        800,
                        new Budget(Double.POSITIVE_INFINITY, 1, Integer.MAX_VALUE),
                        org.wanplan.model.SpanCatalogue.defaults()));
        java.util.Set<String> metros = n.pops().stream()
                .sorted(java.util.Comparator.comparingLong(
                        (Pop x) -> -x.population().orElseThrow()))
                .limit(10)
                .map(x -> x.id().value())
                .collect(java.util.stream.Collectors.toSet());
        java.util.Set<String> beyond = new java.util.HashSet<>();
        for (org.wanplan.routing.augment.SpanAugmenter.Candidate c : p.candidates()) {
            double gc = p.gc()[c.a()][c.b()];
            assertThat(gc).isGreaterThanOrEqualTo(100);
            if (gc > 800) {
                String a = n.pops().get(c.a()).id().value();
                String b = n.pops().get(c.b()).id().value();
                assertThat(metros).as(a + "–" + b).contains(a, b);
                beyond.add(a + "-" + b);
            }
        }
        assertThat(beyond).contains("paris-athens", "london-rome");
    }

    @Test
    void the_shipped_networks_meet_the_express_layer_goals_measured_independently() {
        for (String name : List.of("euro350", "sparse")) {
            Network n = BuiltinNetworks.load(name).orElseThrow();
            NetworkAugment.Figures f = oracle(n);
            System.out.printf(
                    Locale.ROOT,
                    "%s: p90 stretch %.3f, weighted stretch %.3f, mean RTT %.2f ms%n",
                    name,
                    f.p90Stretch(),
                    f.popWeightedStretch(),
                    f.meanRttMs());
            assertThat(f.p90Stretch()).as(name).isLessThanOrEqualTo(2.0);
            assertThat(f.popWeightedStretch()).as(name).isLessThanOrEqualTo(1.6);
            assertThat(org.wanplan.model.NetworkFacts.of(n).twoEdgeConnected()).isTrue();
            List<Span> express = n.spans().stream().filter(Span::leased).toList();
            assertThat(express)
                    .as(name)
                    .isNotEmpty()
                    .allMatch(s -> s.id().value().startsWith("x-"));
            // an express span's corridor group holds it and own spans only, and names it
            for (Span x : express) {
                for (org.wanplan.model.SrlgId g : x.srlgs()) {
                    List<Span> members = n.spans().stream()
                            .filter(s -> s.srlgs().contains(g))
                            .toList();
                    assertThat(members).as(g.value()).contains(x).hasSizeGreaterThan(1);
                    assertThat(members.stream().filter(Span::leased))
                            .as(g.value())
                            .containsExactly(x);
                    assertThat(g.value()).endsWith(x.id().value().substring(1));
                }
            }
        }
        // euro350's 10 most populous metros are each on at least 4 spans
        Network euro = BuiltinNetworks.load("euro350").orElseThrow();
        List<Pop> metros = euro.pops().stream()
                .sorted(java.util.Comparator.comparingLong(
                        (Pop p) -> -p.population().orElseThrow()))
                .limit(10)
                .toList();
        for (Pop m : metros) {
            long degree = euro.spans().stream()
                    .filter(s -> s.a().equals(m.id()) || s.b().equals(m.id()))
                    .count();
            assertThat(degree).as(m.name()).isGreaterThanOrEqualTo(4);
        }
    }

    private static NetworkAugment.Report target(Network n, int spans, double weighted) {
        return NetworkAugment.augment(
                n,
                new Options(
                        Kind.WAVELENGTH,
                        100,
                        1500,
                        new Budget(Double.POSITIVE_INFINITY, 3_000, spans),
                        org.wanplan.model.SpanCatalogue.defaults(),
                        java.util.OptionalDouble.empty(),
                        java.util.OptionalDouble.of(weighted)));
    }

    /** The figures from JGraphT's Dijkstra per pair and a sort: no shared code with NetworkAugment. */
    static NetworkAugment.Figures oracle(Network n) {
        WeightedPseudograph<String, DefaultWeightedEdge> g = new WeightedPseudograph<>(DefaultWeightedEdge.class);
        n.pops().forEach(p -> g.addVertex(p.id().value()));
        for (Span s : n.spans()) {
            if (s.length().isPresent()) {
                g.setEdgeWeight(
                        g.addEdge(s.a().value(), s.b().value()),
                        s.length().get().km());
            }
        }
        DijkstraShortestPath<String, DefaultWeightedEdge> dijkstra = new DijkstraShortestPath<>(g);
        List<Pop> pops = n.pops();
        double num = 0;
        double den = 0;
        double sNum = 0;
        double sDen = 0;
        List<Double> stretches = new ArrayList<>();
        for (int i = 0; i < pops.size(); i++) {
            for (int j = i + 1; j < pops.size(); j++) {
                Pop a = pops.get(i);
                Pop b = pops.get(j);
                var path = dijkstra.getPath(a.id().value(), b.id().value());
                if (path == null) {
                    continue;
                }
                double km = path.getWeight();
                double w = (double) a.population().orElse(0) * b.population().orElse(0);
                num += w * 2 * km * Fibre.LATENCY_MS_PER_KM;
                den += w;
                if (a.location().isPresent() && b.location().isPresent()) {
                    double gc = Geodesy.greatCircleKm(
                            a.location().get(), b.location().get());
                    if (gc >= 300) {
                        stretches.add(km / gc);
                        sNum += w * km / gc;
                        sDen += w;
                    }
                }
            }
        }
        stretches.sort(null);
        int rank = (int) Math.ceil(0.9 * stretches.size()); // nearest rank
        return new NetworkAugment.Figures(num / den, stretches.get(rank - 1), sNum / sDen);
    }
}
