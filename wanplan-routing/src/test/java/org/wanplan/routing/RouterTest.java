package org.wanplan.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wanplan.model.Demand;
import org.wanplan.model.Fibre;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.PopId;
import org.wanplan.model.Span;
import org.wanplan.model.SpanId;
import org.wanplan.model.Srlg;
import org.wanplan.model.SrlgId;
import org.wanplan.model.SrlgKind;

/** Hand-built cases with hand-computed answers: ECMP, CSPF, placement, gravity. */
class RouterTest {
    /** An r × c grid of 100 km spans, PoP "r,c". */
    static Network grid(int rows, int cols, double capacity) throws Exception {
        Network.Builder b = Network.builder("grid");
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                b.pop(Pop.of(r + "," + c, r + "," + c, 45 + r * 0.1, c * 0.1));
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (c + 1 < cols) {
                    b.span(Span.of("h" + r + c, r + "," + c, r + "," + (c + 1), 100, capacity));
                }
                if (r + 1 < rows) {
                    b.span(Span.of("v" + r + c, r + "," + c, (r + 1) + "," + c, 100, capacity));
                }
            }
        }
        return b.build();
    }

    @Test
    void equal_cost_paths_across_a_grid_are_the_lattice_paths() throws Exception {
        // corner to corner of a 3 x 3 grid: C(4, 2) = 6 monotone paths, all 400 km
        Router router = Router.of(grid(3, 3, 10), Metric.KM);
        List<Path> paths = router.equalCost(PopId.of("0,0"), PopId.of("2,2"));
        assertThat(paths).hasSize(6).allMatch(p -> p.km() == 400 && p.hops() == 4);
        assertThat(paths.stream().map(Path::spans).distinct()).hasSize(6);
    }

    @Test
    void cspf_avoids_exclusions_and_thin_spans_and_honours_the_latency_bound() throws Exception {
        Network g = grid(2, 3, 10);
        Router router = Router.of(g, Metric.HOPS);
        PopId a = PopId.of("0,0");
        PopId z = PopId.of("0,2");
        // unconstrained: along the top row, 2 hops
        assertThat(((Route.Found) router.constrained(a, z, Constraints.none(), null))
                        .path()
                        .hops())
                .isEqualTo(2);
        // excluding the top middle PoP forces the bottom detour: 4 hops
        Constraints noMiddle =
                new Constraints(0, java.util.OptionalDouble.empty(), Set.of(PopId.of("0,1")), Set.of(), Set.of());
        assertThat(((Route.Found) router.constrained(a, z, noMiddle, null))
                        .path()
                        .hops())
                .isEqualTo(4);
        // 8 Gbps asked, only 5 left on h00: the detour again
        double[] left = new double[g.spans().size()];
        java.util.Arrays.fill(left, 10);
        left[g.indexOf(SpanId.of("h00"))] = 5;
        Route thin = router.constrained(a, z, Constraints.none().withBandwidth(8), left);
        assertThat(((Route.Found) thin).path().spans()).doesNotContain(SpanId.of("h00"));
        // the 4-hop detour is 400 km: a bound below it is refused with the fastest figure
        Route tooTight = router.constrained(a, z, noMiddle.withMaxLatency(Fibre.latencyMs(399)), null);
        assertThat(tooTight).isInstanceOf(Route.NoRoute.class);
        assertThat(((Route.NoRoute) tooTight).reason())
                .contains("within 1.954 ms")
                .contains("takes 1.959 ms");
        // nothing has 20 Gbps
        assertThat(((Route.NoRoute) router.constrained(a, z, Constraints.none().withBandwidth(20), left)).reason())
                .contains("no path with 20.0 Gbps available");
    }

    @Test
    void excluding_an_srlg_excludes_all_its_spans() throws Exception {
        Network n = Network.builder("srlg")
                .pop(Pop.of("a", "A", 0, 0))
                .pop(Pop.of("b", "B", 0, 1))
                .srlg(Srlg.of("g", SrlgKind.DUCT, "duct"))
                .span(Span.of("s1", "a", "b", 100, 10).withSrlgs(List.of(SrlgId.of("g"))))
                .span(Span.of("s2", "a", "b", 120, 10).withSrlgs(List.of(SrlgId.of("g"))))
                .span(Span.of("s3", "a", "b", 300, 10))
                .build();
        Constraints c =
                new Constraints(0, java.util.OptionalDouble.empty(), Set.of(), Set.of(), Set.of(SrlgId.of("g")));
        Route r = Router.of(n, Metric.KM).constrained(PopId.of("a"), PopId.of("b"), c, null);
        assertThat(((Route.Found) r).path().spans()).containsExactly(SpanId.of("s3"));
    }

    @Test
    void placement_takes_the_largest_demand_first_and_explains_the_rest() throws Exception {
        // a 1 x 2 line: one 10 Gbps span; demands of 6 and 7 Gbps cannot both fit
        Network line = grid(1, 2, 10);
        Router router = Router.of(line, Metric.KM);
        Placement.Result r = Placement.place(
                router,
                List.of(Demand.of("small", "0,0", "0,1", 6), Demand.of("big", "0,0", "0,1", 7)),
                Optional.empty(),
                true);
        assertThat(r.placed()).extracting(p -> p.demand().id()).containsExactly("big");
        assertThat(r.unplaced()).singleElement().satisfies(u -> {
            assertThat(u.demand().id()).isEqualTo("small");
            assertThat(u.reason()).isEqualTo("no path with 6.0 Gbps free on every span");
        });
        assertThat(r.utilisation(0)).isEqualTo(0.7);
    }

    @Test
    void gravity_from_access_sends_about_the_access_rate_over_the_ratio() throws Exception {
        Network g = grid(1, 3, 10);
        Map<PopId, Double> access = Map.of(PopId.of("0,0"), 10.0, PopId.of("0,1"), 20.0, PopId.of("0,2"), 30.0);
        List<Demand> demands = Gravity.fromAccess(g, access, 4);
        // T_ij = A_i A_j / sum(A) / 4 with sum(A) = 60
        Map<String, Double> expected =
                Map.of("0,0|0,1", 10 * 20 / 60.0 / 4, "0,0|0,2", 10 * 30 / 60.0 / 4, "0,1|0,2", 20 * 30 / 60.0 / 4);
        assertThat(demands).hasSize(3);
        demands.forEach(d -> assertThat(d.gbps())
                .isCloseTo(expected.get(d.from() + "|" + d.to()), org.assertj.core.api.Assertions.within(1e-12)));
    }

    @Test
    void gravity_from_population_is_proportional_to_the_products() throws Exception {
        Network n = Network.builder("three")
                .pop(Pop.of("a", "A", 0, 0).withPopulation(1_000_000))
                .pop(Pop.of("b", "B", 0, 1).withPopulation(2_000_000))
                .pop(Pop.of("c", "C", 0, 2).withPopulation(3_000_000))
                .build();
        List<Demand> d = Gravity.fromPopulation(n, 110, 10);
        // products 2, 3, 6 (millions²) of 11: 20, 30, 60 Gbps
        assertThat(d)
                .extracting(Demand::gbps)
                .usingComparatorForType(new org.assertj.core.util.DoubleComparator(1e-12), Double.class)
                .containsExactly(20.0, 30.0, 60.0);
        assertThat(Gravity.fromPopulation(n, 110, 1)).singleElement().satisfies(x -> {
            assertThat(x.from().value() + x.to().value()).isEqualTo("bc");
            assertThat(x.gbps()).isEqualTo(110.0);
        });
    }
}
