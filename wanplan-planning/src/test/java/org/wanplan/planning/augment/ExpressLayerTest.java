package org.wanplan.planning.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wanplan.model.FibreLength;
import org.wanplan.model.GeoPoint;
import org.wanplan.model.Geodesy;
import org.wanplan.model.LengthSource;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.PopId;
import org.wanplan.model.Span;
import org.wanplan.model.SpanId;

class ExpressLayerTest {
    /** A ring of 12 cities on a circle of about 900 km radius around central Europe: stretch up to π/2. */
    private static final int N = 12;

    @Test
    void metros_get_their_degree_and_the_targets_are_reached_within_the_budget() {
        Ring ring = ring(new Random(7));
        ExpressLayer.Parameters p = new ExpressLayer.Parameters(2.0, 1.66, 1.36, 1, 4, 100, 1500);
        ExpressLayer.Result r = ExpressLayer.choose(ring.gc, ring.population, ring.edges, ring.km, 1.25, p);
        double own = java.util.Arrays.stream(ring.km).sum();
        double added = r.spans().stream().mapToDouble(ExpressLayer.Span::km).sum();
        assertThat(added).isLessThanOrEqualTo(2.0 * own);
        // the most populous city (index 0 by construction) is on 4 spans
        int[] degree = new int[N];
        ring.edges.forEach(e -> {
            degree[e[0]]++;
            degree[e[1]]++;
        });
        r.spans().forEach(s -> {
            degree[s.a()]++;
            degree[s.b()]++;
        });
        for (int m = 0; m < 1; m++) {
            assertThat(degree[m]).as("metro " + m).isGreaterThanOrEqualTo(4);
        }
        assertThat(r.targetMet()).isTrue();
        assertThat(r.after().p90Stretch()).isLessThanOrEqualTo(1.66);
        assertThat(r.after().popWeightedStretch()).isLessThanOrEqualTo(1.36);
        assertThat(r.before().p90Stretch()).isGreaterThan(1.66); // else the targets mean nothing
        // every express span is great circle × 1.25 and the figures are an independent Dijkstra's
        for (ExpressLayer.Span s : r.spans()) {
            assertThat(s.km()).isCloseTo(ring.gc[s.a()][s.b()] * 1.25, within(0.051));
        }
        NetworkAugment.Figures oracle = NetworkAugmentTest.oracle(ring.network(r.spans()));
        assertThat(r.after().p90Stretch()).isCloseTo(oracle.p90Stretch(), within(1e-9));
        assertThat(r.after().popWeightedStretch()).isCloseTo(oracle.popWeightedStretch(), within(1e-9));
        assertThat(r.after().meanRttMs()).isCloseTo(oracle.meanRttMs(), within(1e-9));
        // deterministic
        assertThat(ExpressLayer.choose(ring.gc, ring.population, ring.edges, ring.km, 1.25, p))
                .isEqualTo(r);
    }

    @Test
    void a_budget_too_small_for_the_targets_is_respected_and_reported() {
        Ring ring = ring(new Random(11));
        ExpressLayer.Parameters p = new ExpressLayer.Parameters(0.05, 1.0, 1.0, 0, 0, 100, 1500);
        ExpressLayer.Result r = ExpressLayer.choose(ring.gc, ring.population, ring.edges, ring.km, 1.25, p);
        double own = java.util.Arrays.stream(ring.km).sum();
        assertThat(r.spans().stream().mapToDouble(ExpressLayer.Span::km).sum()).isLessThanOrEqualTo(0.05 * own);
        assertThat(r.targetMet()).isFalse();
        assertThat(r.after().meanRttMs()).isLessThanOrEqualTo(r.before().meanRttMs());
    }

    @Test
    void none_adds_nothing() {
        Ring ring = ring(new Random(3));
        ExpressLayer.Result r = ExpressLayer.choose(
                ring.gc, ring.population, ring.edges, ring.km, 1.25, ExpressLayer.Parameters.none());
        assertThat(r.spans()).isEmpty();
        assertThat(r.after()).isEqualTo(r.before());
    }

    private record Ring(List<GeoPoint> at, long[] population, double[][] gc, List<int[]> edges, double[] km) {
        Network network(List<ExpressLayer.Span> express) {
            List<Pop> pops = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                pops.add(new Pop(
                        PopId.of("c" + i),
                        "C" + i,
                        Optional.empty(),
                        Optional.of(at.get(i)),
                        OptionalLong.of(population[i])));
            }
            Network.Builder b = Network.builder("ring").pops(pops);
            for (int s = 0; s < edges.size(); s++) {
                b.span(span("r" + s, edges.get(s)[0], edges.get(s)[1], km[s]));
            }
            for (ExpressLayer.Span x : express) {
                b.span(span("x" + x.a() + "-" + x.b(), x.a(), x.b(), x.km()));
            }
            try {
                return b.build();
            } catch (org.wanplan.model.InvalidNetworkException e) {
                throw new AssertionError(e);
            }
        }

        private static Span span(String id, int a, int b, double km) {
            return new Span(
                    SpanId.of(id),
                    PopId.of("c" + a),
                    PopId.of("c" + b),
                    Optional.of(new FibreLength(km, LengthSource.ESTIMATED)),
                    100,
                    List.of(),
                    false);
        }
    }

    /** Cities around the ring at slightly random angles; populations fall with the index. */
    private static Ring ring(Random random) {
        List<GeoPoint> at = new ArrayList<>();
        long[] population = new long[N];
        for (int i = 0; i < N; i++) {
            double angle = 2 * Math.PI * (i + 0.3 * random.nextDouble()) / N;
            at.add(new GeoPoint(48 + 8 * Math.sin(angle), 10 + 12 * Math.cos(angle)));
            population[i] = 5_000_000L / (i + 1);
        }
        double[][] gc = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                gc[i][j] = Geodesy.greatCircleKm(at.get(i), at.get(j));
            }
        }
        List<int[]> edges = new ArrayList<>();
        double[] km = new double[N];
        for (int i = 0; i < N; i++) {
            int j = (i + 1) % N;
            edges.add(new int[] {Math.min(i, j), Math.max(i, j)});
            km[i] = Math.round(gc[i][j] * 1.25 * 10) / 10.0;
        }
        return new Ring(at, population, gc, edges, km);
    }
}
