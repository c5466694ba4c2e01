package org.wanplan.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jgrapht.Graph;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.WeightedPseudograph;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.wanplan.io.builtin.BuiltinNetworks;
import org.wanplan.model.Network;
import org.wanplan.routing.Mask;
import org.wanplan.routing.Metric;
import org.wanplan.routing.Router;

/**
 * P1: shortest latency paths for 10,000 random PoP pairs on euro350 (seed 20261129), wanplan's
 * {@link Router} beside JGraphT 1.5.3's {@code DijkstraShortestPath} on the same graph and weights.
 * Both answer the path weight for each pair from scratch (no caching between pairs).
 *
 * <pre>
 * ./mvnw -q -DskipTests -pl wanplan-bench -am package
 * java -jar wanplan-bench/target/benchmarks.jar ShortestPathBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ShortestPathBenchmark {
    static final int PAIRS = 10_000;

    @Param({"wanplan", "jgrapht"})
    public String implementation;

    private Router router;
    private Graph<Integer, DefaultWeightedEdge> jgrapht;
    private int[] from;
    private int[] to;

    @Setup(Level.Trial)
    public void setUp() {
        Network n = BuiltinNetworks.load("euro350").orElseThrow();
        router = Router.of(n, Metric.LATENCY);
        jgrapht = new WeightedPseudograph<>(DefaultWeightedEdge.class);
        for (int v = 0; v < n.pops().size(); v++) {
            jgrapht.addVertex(v);
        }
        for (int s = 0; s < n.spans().size(); s++) {
            DefaultWeightedEdge e = jgrapht.addEdge(n.endA(s), n.endB(s));
            jgrapht.setEdgeWeight(e, Metric.LATENCY.weight(n.spans().get(s)));
        }
        SplittableRandom random = new SplittableRandom(20261129L);
        from = new int[PAIRS];
        to = new int[PAIRS];
        for (int i = 0; i < PAIRS; i++) {
            from[i] = random.nextInt(n.pops().size());
            to[i] = (from[i] + 1 + random.nextInt(n.pops().size() - 1))
                    % n.pops().size();
        }
    }

    /** One op = one pair; the score is the mean time per shortest path. */
    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public void tenThousandPairs(Blackhole bh) {
        if (implementation.equals("wanplan")) {
            Mask none = Mask.none();
            for (int i = 0; i < PAIRS; i++) {
                bh.consume(router.distance(from[i], to[i], none));
            }
        } else {
            DijkstraShortestPath<Integer, DefaultWeightedEdge> dijkstra = new DijkstraShortestPath<>(jgrapht);
            for (int i = 0; i < PAIRS; i++) {
                bh.consume(dijkstra.getPathWeight(from[i], to[i]));
            }
        }
    }
}
