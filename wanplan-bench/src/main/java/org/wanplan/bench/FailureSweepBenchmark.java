package org.wanplan.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.wanplan.io.builtin.BuiltinNetworks;
import org.wanplan.model.Demand;
import org.wanplan.model.Network;
import org.wanplan.model.SpanId;
import org.wanplan.routing.FailureReport;
import org.wanplan.routing.FailureScenario;
import org.wanplan.routing.FailureSweep;
import org.wanplan.routing.Gravity;
import org.wanplan.routing.Mask;
import org.wanplan.routing.Metric;
import org.wanplan.routing.Path;
import org.wanplan.routing.Placement;
import org.wanplan.routing.Router;

/**
 * P2: the full single-failure sweep on euro350 (every span, PoP and SRLG: 792 scenarios) with
 * 20,000 gravity demands and restoration.
 *
 * <ul>
 *   <li>{@code incremental}: {@link FailureSweep} on all 792 scenarios — the time to beat is 1 s.
 *   <li>{@code naive}: what a straightforward tool does, re-placing every demand on the shortest
 *       surviving path in every scenario; it is run on every {@value #NAIVE_STRIDE}th scenario only
 *       (40 of them), since the full naive sweep takes minutes. Compare per scenario: naive score ÷ 40
 *       against incremental score ÷ 792.
 * </ul>
 *
 * <pre>
 * ./mvnw -q -DskipTests -pl wanplan-bench -am package
 * java -jar wanplan-bench/target/benchmarks.jar FailureSweepBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class FailureSweepBenchmark {
    static final int DEMANDS = 20_000;
    static final int NAIVE_STRIDE = 20;

    @Param({"incremental", "naive"})
    public String implementation;

    private Network network;
    private Router router;
    private Placement.Result baseline;
    private FailureSweep sweep;
    private List<FailureScenario> all;
    private List<FailureScenario> sample;

    @Setup(Level.Trial)
    public void setUp() {
        network = BuiltinNetworks.load("euro350").orElseThrow();
        router = Router.of(network, Metric.LATENCY);
        List<Demand> demands = Gravity.fromPopulation(network, 20_000, DEMANDS);
        baseline = Placement.place(router, demands, Optional.empty(), false);
        sweep = FailureSweep.of(router, baseline, 10);
        all = FailureScenario.singles(network);
        sample = new ArrayList<>();
        for (int k = 0; k < all.size(); k += NAIVE_STRIDE) {
            sample.add(all.get(k));
        }
    }

    @Benchmark
    public Object sweep() {
        if (implementation.equals("incremental")) {
            FailureReport r = sweep.sweep(all, k -> {}).report();
            return r.scenarios().get(0);
        }
        return naive(sample);
    }

    /** Re-places every demand in every scenario and returns the worst span load seen. */
    private double naive(List<FailureScenario> scenarios) {
        double worst = 0;
        for (FailureScenario sc : scenarios) {
            Mask mask = sc.down();
            double[] load = new double[network.spans().size()];
            for (Placement.Placed placed : baseline.placed()) {
                Optional<Path> route =
                        router.shortest(placed.demand().from(), placed.demand().to(), mask);
                if (route.isPresent()) {
                    for (SpanId s : route.get().spans()) {
                        load[network.indexOf(s)] += placed.demand().gbps();
                    }
                }
            }
            for (double l : load) {
                worst = Math.max(worst, l);
            }
        }
        return worst;
    }
}
