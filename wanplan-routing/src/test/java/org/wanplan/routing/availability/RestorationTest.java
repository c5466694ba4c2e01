package org.wanplan.routing.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.Pseudograph;
import org.junit.jupiter.api.Test;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.PopId;
import org.wanplan.model.Span;
import org.wanplan.model.SpanId;
import org.wanplan.model.Srlg;
import org.wanplan.model.SrlgId;
import org.wanplan.model.SrlgKind;
import org.wanplan.routing.Metric;
import org.wanplan.routing.Router;

/**
 * Availability with restoration against oracles that share nothing with it: every failure state enumerated,
 * connectivity from JGraphT, probabilities multiplied out.
 */
class RestorationTest {
    /** Failure rates high enough that double and triple failures matter (u ≈ 1–4 % per element). */
    private static final AvailabilityModel HIGH = AvailabilityModel.defaults().with(3.0, 876.6, 0.99);

    @Test
    void a_ring_is_down_only_when_an_end_fails_or_both_sides_are_cut() throws Exception {
        // a–b–c–d–a, 100 km each; the pair a–c has two sides {ab, b, bc} and {cd, d, da}
        Network ring = Network.builder("ring")
                .pop(Pop.of("a", "A", 0, 0))
                .pop(Pop.of("b", "B", 0, 1))
                .pop(Pop.of("c", "C", 1, 1))
                .pop(Pop.of("d", "D", 1, 0))
                .span(Span.of("ab", "a", "b", 100, 100))
                .span(Span.of("bc", "b", "c", 100, 100))
                .span(Span.of("cd", "c", "d", 100, 100))
                .span(Span.of("da", "d", "a", 100, 100))
                .build();
        Restoration.Result r = new Restoration(ring, HIGH).pair(PopId.of("a"), PopId.of("c"));
        // by hand: every element of one side is up with probability q = cable(100)² · pop, so a side is broken
        // with 1 − q; with both end PoPs up the pair is down when both sides are broken
        double cable = HIGH.cable(100);
        double pop = HIGH.popAvailability();
        double side = cable * cable * pop;
        double exact = pop * pop * (1 - (1 - side) * (1 - side));
        assertThat(r.singleCuts()).isEqualTo(2);
        assertThat(r.doubleCuts()).isEqualTo(9);
        assertThat(exact).isBetween(r.lowerBound() - 1e-15, r.availability() + 1e-15);
        // by hand: down when an end PoP is (1 − pop²), else only in states holding one element of each side;
        // of those, the states of exactly two failures: P0 (the six others up) × (2 r_cable + r_pop)²
        double rc = (1 - cable) / cable;
        double rp = (1 - pop) / pop;
        double p0 = Math.pow(cable, 4) * pop * pop;
        assertThat(1 - r.availability())
                .isCloseTo(1 - pop * pop + pop * pop * p0 * (2 * rc + rp) * (2 * rc + rp), within(1e-15));
        // without restoration the working path a–b–c is down whenever one of its elements is
        Availability staticModel = new Availability(ring, HIGH);
        double path = staticModel.path(Router.of(ring, Metric.LATENCY)
                .shortest(PopId.of("a"), PopId.of("c"))
                .orElseThrow());
        assertThat(path).isCloseTo(pop * pop * side, within(1e-15));
        assertThat(r.availability()).isGreaterThan(path);
    }

    @Test
    void two_spans_in_one_srlg_are_a_single_cut_together() throws Exception {
        Network twin = Network.builder("twin")
                .srlg(Srlg.of("duct", SrlgKind.DUCT, "one duct"))
                .pop(Pop.of("a", "A", 0, 0))
                .pop(Pop.of("b", "B", 0, 1))
                .span(new Span(
                        SpanId.of("s1"),
                        PopId.of("a"),
                        PopId.of("b"),
                        java.util.Optional.of(
                                new org.wanplan.model.FibreLength(100, org.wanplan.model.LengthSource.MEASURED)),
                        100,
                        List.of(SrlgId.of("duct")),
                        false))
                .span(new Span(
                        SpanId.of("s2"),
                        PopId.of("a"),
                        PopId.of("b"),
                        java.util.Optional.of(
                                new org.wanplan.model.FibreLength(100, org.wanplan.model.LengthSource.MEASURED)),
                        100,
                        List.of(SrlgId.of("duct")),
                        false))
                .build();
        Restoration.Result r = new Restoration(twin, HIGH).pair(PopId.of("a"), PopId.of("b"));
        assertThat(r.singleCuts()).isEqualTo(3); // a, b and the duct
        assertThat(r.doubleCuts()).isEqualTo(1); // s1 + s2
        assertThat(r.worstCuts()).contains("srlg:duct", "span:s1 + span:s2");
        // by hand: up when both PoPs and the duct are up and not both spans are cut
        double pop = HIGH.popAvailability();
        double duct = HIGH.cable(HIGH.sharedKm().get(SrlgKind.DUCT));
        double cable = HIGH.cable(100);
        double exact = pop * pop * duct * (1 - (1 - cable) * (1 - cable));
        // a, b and the duct are single cuts; given they are up only s1 and s2 are left: nothing is bounded
        assertThat(r.availability()).isCloseTo(exact, within(1e-15));
        assertThat(r.lowerBound()).isCloseTo(exact, within(1e-15));
    }

    @Test
    void exact_states_bound_and_monte_carlo_agree_with_full_enumeration_on_120_random_networks() throws Exception {
        int inside = 0;
        double worstBoundShare = 0;
        for (int seed = 1; seed <= 120; seed++) {
            Random random = new Random(seed);
            Network n = random(random);
            Restoration restoration = new Restoration(n, HIGH);
            double[] u = restoration.unavailability();
            PopId a = n.pops().get(0).id();
            PopId b = n.pops().get(n.pops().size() - 1).id();
            if (!connectedInJgrapht(n, new BitSet(), a, b)) {
                continue;
            }
            Restoration.Result r = restoration.pair(a, b);
            // oracle: every state of the elements, JGraphT connectivity; the single cuts found the same way
            int m = u.length;
            BitSet singles = new BitSet(m);
            for (int e = 0; e < m; e++) {
                BitSet one = new BitSet(m);
                one.set(e);
                if (!connectedInJgrapht(n, one, a, b)) {
                    singles.set(e);
                }
            }
            double downAll = 0;
            double downCounted = 0; // a single cut down, or at most two failures and down
            for (int mask = 0; mask < 1 << m; mask++) {
                BitSet failed = BitSet.valueOf(new long[] {mask});
                double p = 1;
                for (int e = 0; e < m; e++) {
                    p *= failed.get(e) ? u[e] : 1 - u[e];
                }
                if (!connectedInJgrapht(n, failed, a, b)) {
                    downAll += p;
                    if (failed.intersects(singles) || failed.cardinality() <= 2) {
                        downCounted += p;
                    }
                }
            }
            assertThat(r.singleCuts()).isEqualTo(singles.cardinality());
            assertThat(1 - r.availability())
                    .as("seed %d: single cuts and states of ≤ 2 failures", seed)
                    .isCloseTo(downCounted, within(1e-12));
            assertThat(1 - downAll)
                    .as("seed %d: the truth lies in [lowerBound, availability]", seed)
                    .isBetween(r.lowerBound() - 1e-12, r.availability() + 1e-12);
            worstBoundShare =
                    Math.max(worstBoundShare, (r.availability() - r.lowerBound()) / Math.max(1e-300, downAll));
            Availability.Estimate mc = restoration.monteCarlo(a, b, 20_000, seed);
            if (mc.contains(1 - downAll)) {
                inside++;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "restoration: Monte Carlo's 99.9 %% interval held the truth on %d of 120 networks; widest bound"
                        + " %.2f × the unavailability%n",
                inside,
                worstBoundShare);
        assertThat(inside).isGreaterThanOrEqualTo(118); // 99.9 % intervals: a miss or two in 120 is chance
    }

    @Test
    void the_monte_carlo_gives_the_same_answer_on_one_core_or_many() throws Exception {
        Network n = random(new Random(42));
        Restoration r = new Restoration(n, HIGH);
        PopId a = n.pops().get(0).id();
        PopId b = n.pops().get(n.pops().size() - 1).id();
        int samples = 3 * Restoration.CHUNK + 1234; // four chunks, the last one short
        Availability.Estimate many = r.monteCarlo(a, b, samples, 99);
        java.util.concurrent.ForkJoinPool one = new java.util.concurrent.ForkJoinPool(1);
        try {
            Availability.Estimate single =
                    one.submit(() -> r.monteCarlo(a, b, samples, 99)).get();
            assertThat(single).isEqualTo(many);
        } finally {
            one.shutdown();
        }
        assertThat(many.samples()).isEqualTo(samples);
        assertThat(r.monteCarlo(a, b, samples, 100)).isNotEqualTo(many); // another seed, other draws
    }

    /** 5–6 PoPs, a ring plus 1–4 chords, one SRLG over two spans; at most 15 elements for full enumeration. */
    private static Network random(Random random) throws Exception {
        int pops = 5 + random.nextInt(2);
        Network.Builder b = Network.builder("r");
        for (int i = 0; i < pops; i++) {
            b.pop(Pop.of("p" + i, "P" + i, random.nextDouble() * 5, random.nextDouble() * 5));
        }
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < pops; i++) {
            edges.add(new int[] {i, (i + 1) % pops});
        }
        int chords = 1 + random.nextInt(Math.min(4, 15 - pops - 1 - pops));
        for (int c = 0; c < chords; c++) {
            int x = random.nextInt(pops);
            int y = random.nextInt(pops);
            if (x != y) {
                edges.add(new int[] {x, y});
            }
        }
        b.srlg(Srlg.of("g", SrlgKind.CORRIDOR, "shared"));
        int g1 = random.nextInt(edges.size());
        int g2 = random.nextInt(edges.size());
        for (int s = 0; s < edges.size(); s++) {
            b.span(new Span(
                    SpanId.of("s" + s),
                    PopId.of("p" + edges.get(s)[0]),
                    PopId.of("p" + edges.get(s)[1]),
                    java.util.Optional.of(new org.wanplan.model.FibreLength(
                            50 + random.nextInt(150), org.wanplan.model.LengthSource.MEASURED)),
                    100,
                    s == g1 || s == g2 ? List.of(SrlgId.of("g")) : List.of(),
                    false));
        }
        return b.build();
    }

    /** Whether a and b are joined with the failed elements (spans, then PoPs, then SRLGs) removed. */
    private static boolean connectedInJgrapht(Network n, BitSet failed, PopId a, PopId b) {
        int spans = n.spans().size();
        int pops = n.pops().size();
        Pseudograph<String, DefaultEdge> g = new Pseudograph<>(DefaultEdge.class);
        for (int p = 0; p < pops; p++) {
            if (!failed.get(spans + p)) {
                g.addVertex(n.pops().get(p).id().value());
            }
        }
        for (int s = 0; s < spans; s++) {
            Span span = n.spans().get(s);
            boolean srlgDown = false;
            for (SrlgId id : span.srlgs()) {
                int gi = n.srlgs().indexOf(n.srlg(id).orElseThrow());
                srlgDown |= failed.get(spans + pops + gi);
            }
            if (!failed.get(s)
                    && !srlgDown
                    && g.containsVertex(span.a().value())
                    && g.containsVertex(span.b().value())) {
                g.addEdge(span.a().value(), span.b().value());
            }
        }
        return g.containsVertex(a.value())
                && g.containsVertex(b.value())
                && new ConnectivityInspector<>(g).pathExists(a.value(), b.value());
    }
}
