package org.wanplan.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.MaskSubgraph;
import org.jgrapht.graph.Pseudograph;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.wanplan.io.builtin.BuiltinNetworks;
import org.wanplan.model.Network;
import org.wanplan.model.PopId;
import org.wanplan.model.SrlgId;
import org.wanplan.routing.availability.AvailabilityModel;
import org.wanplan.routing.availability.Restoration;

/**
 * The Monte Carlo availability with restoration of {@code wanplan availability --monte-carlo}: Paris–Lyon on
 * euro350 with the default element model, each draw a state of every span, PoP and SRLG, the pair up when a path is
 * left.
 *
 * <ul>
 *   <li>{@code chunkWanplan}, {@code chunkJgrapht}: one chunk of 65,536 draws on one thread — wanplan's
 *       {@link Restoration#upDraws} beside the baseline, the same draws (the same element probabilities, a {@link SplittableRandom} each) checked by
 *       JGraphT 1.5.3's {@link ConnectivityInspector} on a {@link MaskSubgraph} of the failed state.
 *   <li>{@code run3m}: the command's 3 million draws, chunks on every core ({@link Restoration#monteCarlo}), network
 *       and model loaded once (the command adds the JVM's start and the network's load).
 * </ul>
 *
 * <pre>
 * ./mvnw -q -DskipTests -pl wanplan-bench -am package
 * java -jar wanplan-bench/target/benchmarks.jar MonteCarloBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx1g"})
public class MonteCarloBenchmark {
    static final long SEED = 20261203L;

    private Restoration restoration;
    private PopId paris;
    private PopId lyon;
    private int ia;
    private int ib;
    private double[] u;
    private int spans;
    private int pops;
    /** For each span, the element indices of its SRLGs. */
    private int[][] srlgsOfSpan;

    private Graph<Integer, Integer> graph;

    @Setup(Level.Trial)
    public void setUp() {
        Network n = BuiltinNetworks.load("euro350").orElseThrow();
        restoration = new Restoration(n, AvailabilityModel.defaults());
        paris = pop(n, "Paris");
        lyon = pop(n, "Lyon");
        ia = n.indexOf(paris);
        ib = n.indexOf(lyon);
        u = restoration.unavailability();
        spans = n.spans().size();
        pops = n.pops().size();
        List<SrlgId> srlgs = n.srlgs().stream().map(g -> g.id()).toList();
        srlgsOfSpan = new int[spans][];
        graph = new Pseudograph<>(Integer.class);
        for (int p = 0; p < pops; p++) {
            graph.addVertex(p);
        }
        for (int s = 0; s < spans; s++) {
            srlgsOfSpan[s] = n.spans().get(s).srlgs().stream()
                    .mapToInt(g -> spans + pops + srlgs.indexOf(g))
                    .toArray();
            graph.addEdge(n.endA(s), n.endB(s), s);
        }
        // the two count alike: over the same 65,536 draws, within a few draws of each other
        long ours = restoration.upDraws(paris, lyon, Restoration.CHUNK, SEED, 0);
        long theirs = baseline(Restoration.CHUNK, SEED);
        if (Math.abs(ours - theirs) > 20) {
            throw new IllegalStateException("wanplan counts " + ours + " good draws, the baseline " + theirs);
        }
    }

    private static PopId pop(Network n, String name) {
        return n.pops().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }

    /** The draws of {@code draws} states from {@code seed} that leave Paris and Lyon joined, by JGraphT. */
    long baseline(int draws, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        boolean[] down = new boolean[u.length];
        boolean[] spanDown = new boolean[spans];
        long good = 0;
        for (int d = 0; d < draws; d++) {
            boolean any = false;
            for (int e = 0; e < u.length; e++) {
                down[e] = random.nextDouble() < u[e];
                any |= down[e];
            }
            if (!any) {
                good++;
                continue;
            }
            if (down[spans + ia] || down[spans + ib]) {
                continue;
            }
            for (int s = 0; s < spans; s++) {
                boolean x = down[s];
                for (int g : srlgsOfSpan[s]) {
                    x |= down[g];
                }
                spanDown[s] = x;
            }
            Graph<Integer, Integer> up = new MaskSubgraph<>(graph, v -> down[spans + v], e -> spanDown[e]);
            if (new ConnectivityInspector<>(up).pathExists(ia, ib)) {
                good++;
            }
        }
        return good;
    }

    /** One chunk of draws on one thread, wanplan's search. */
    @Benchmark
    public long chunkWanplan() {
        return restoration.upDraws(paris, lyon, Restoration.CHUNK, SEED, 0);
    }

    /** The same chunk by JGraphT. */
    @Benchmark
    public long chunkJgrapht() {
        return baseline(Restoration.CHUNK, SEED);
    }

    /** The command's 3 million draws on every core. */
    @Benchmark
    public double run3m() {
        return restoration.monteCarlo(paris, lyon, 3_000_000, SEED).mean();
    }
}
