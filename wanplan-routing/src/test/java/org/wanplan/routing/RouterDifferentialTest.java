package org.wanplan.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.jgrapht.Graph;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.wanplan.io.NetworkFiles;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.PopId;
import org.wanplan.model.Span;

/**
 * Shortest-path, Yen and disjoint-pair weights equal JGraphT's (Dijkstra, YenKShortestPath,
 * BhandariKDisjointShortestPaths) on every Topology Zoo network and on seeded random multigraphs.
 */
class RouterDifferentialTest {
    private static final int PAIRS_PER_NETWORK = 12;

    @TestFactory
    Stream<DynamicTest> every_zoo_network_agrees_with_jgrapht() throws Exception {
        Path dir = TestData.zoo();
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList().stream()
                    .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                        Network n = NetworkFiles.withDefaults().read(f);
                        compare(
                                n,
                                Metric.KM,
                                new Random(f.getFileName().toString().hashCode()),
                                PAIRS_PER_NETWORK);
                    }));
        }
    }

    @Property(tries = 150, seed = "20261129")
    void random_multigraphs_agree_with_jgrapht(
            @ForAll @IntRange(min = 2, max = 25) int pops,
            @ForAll @IntRange(min = 1, max = 70) int spans,
            @ForAll long seed)
            throws Exception {
        Random random = new Random(seed);
        compare(randomNetwork(pops, spans, random), Metric.KM, random, 6);
    }

    static Network randomNetwork(int pops, int spans, Random random) throws Exception {
        Network.Builder b = Network.builder("random");
        for (int i = 0; i < pops; i++) {
            b.pop(Pop.of("p" + i, "P" + i, 40 + random.nextDouble() * 20, random.nextDouble() * 20));
        }
        for (int s = 0; s < spans; s++) {
            int u = random.nextInt(pops);
            int v = (u + 1 + random.nextInt(pops - 1)) % pops;
            // integer lengths make ties (equal-cost paths) common, which is where implementations differ
            b.span(Span.of("s" + s, "p" + u, "p" + v, 1 + random.nextInt(9), 100));
        }
        return b.build();
    }

    private static void compare(Network n, Metric metric, Random random, int pairs) {
        int size = n.pops().size();
        Assumptions.assumeTrue(size >= 2);
        Router router = Router.of(n, metric);
        Graph<Integer, org.jgrapht.graph.DefaultWeightedEdge> undirected = Oracle.undirected(n, metric);
        Graph<Integer, org.jgrapht.graph.DefaultWeightedEdge> bidirected = Oracle.directed(n, metric, false);
        Graph<Integer, org.jgrapht.graph.DefaultWeightedEdge> split = Oracle.directed(n, metric, true);
        for (int k = 0; k < pairs; k++) {
            int s = random.nextInt(size);
            int t = (s + 1 + random.nextInt(size - 1)) % size;
            PopId from = n.pops().get(s).id();
            PopId to = n.pops().get(t).id();
            String what = n.name() + " " + from + "→" + to;

            double expected = Oracle.shortest(undirected, s, t);
            double actual = router.shortest(from, to)
                    .map(org.wanplan.routing.Path::weight)
                    .orElse(Double.POSITIVE_INFINITY);
            assertThat(actual).as("shortest " + what).isCloseTo(expected, within(1e-6 * Math.max(1, expected)));

            List<Double> yen = Oracle.yen(undirected, s, t, 4);
            List<Double> ours = router.kShortest(from, to, 4).stream()
                    .map(org.wanplan.routing.Path::weight)
                    .toList();
            assertThat(ours).as("yen " + what).hasSameSizeAs(yen);
            for (int i = 0; i < yen.size(); i++) {
                assertThat(ours.get(i))
                        .as("yen #%d %s", i, what)
                        .isCloseTo(yen.get(i), within(1e-6 * Math.max(1, yen.get(i))));
            }

            checkPair(
                    router.diverse(from, to, Diversity.SPAN),
                    Oracle.bhandariPair(bidirected, s, t),
                    Diversity.SPAN,
                    what);
            checkPair(
                    router.diverse(from, to, Diversity.NODE),
                    Oracle.bhandariPair(split, 2 * s + 1, 2 * t),
                    Diversity.NODE,
                    what);
        }
    }

    private static void checkPair(DiverseResult result, double expectedTotal, Diversity level, String what) {
        if (Double.isNaN(expectedTotal)) {
            assertThat(result.levelMet().filter(l -> l.compareTo(level) >= 0))
                    .as("no %s pair %s", level, what)
                    .isEmpty();
            return;
        }
        assertThat(result).as("%s pair %s", level, what).isInstanceOf(DiverseResult.Pair.class);
        DiverseResult.Pair pair = (DiverseResult.Pair) result;
        assertThat(pair.met()).isEqualTo(level);
        assertThat(pair.totalWeight())
                .as("%s pair weight %s", level, what)
                .isCloseTo(expectedTotal, within(1e-6 * Math.max(1, expectedTotal)));
    }
}
