package org.wanplan.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.wanplan.model.Network;
import org.wanplan.planning.augment.NetworkAugment;
import org.wanplan.routing.augment.SpanAugmenter;
import org.wanplan.routing.augment.SpanAugmenter.Budget;
import org.wanplan.routing.augment.SpanAugmenter.Candidate;

/**
 * Issue 13's performance figure: {@code augment} on euro350 with a 5,000 km budget of leased waves, over
 * every candidate 100–800 km apart that beats today's path, and the pairs of the 10 largest metros farther apart (16,989), population gravity.
 * {@code wanplan} is the lazy greedy with swaps ({@link SpanAugmenter#greedy}); {@code eager} is the
 * textbook greedy that recomputes every remaining candidate's gain each round, on the same matrices and
 * the same O(n²) gain — the baseline. Both objectives are printed so the ratio is between like results.
 *
 * <pre>
 * java -jar wanplan-bench/target/benchmarks.jar AugmentBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class AugmentBenchmark {
    @Param({"wanplan", "eager"})
    public String method;

    private NetworkAugment.Problem problem;
    private final Budget budget = new Budget(Double.POSITIVE_INFINITY, 5_000, Integer.MAX_VALUE);

    @Setup(Level.Trial)
    public void setUp() {
        Network n = BuiltinNetworks.load("euro350").orElseThrow();
        problem = NetworkAugment.problem(
                n,
                new NetworkAugment.Options(
                        NetworkAugment.Kind.WAVELENGTH, 100, 800, budget, org.wanplan.model.SpanCatalogue.defaults()));
        System.out.printf(
                Locale.ROOT, "%n  candidates %d%n", problem.candidates().size());
    }

    @Benchmark
    public double augment() {
        double after;
        if (method.equals("wanplan")) {
            after = SpanAugmenter.greedy(problem.distance(), problem.weight(), problem.candidates(), budget)
                    .after();
        } else {
            after = eager(problem.distance(), problem.weight(), problem.candidates(), budget);
        }
        System.out.printf(
                Locale.ROOT,
                "%n  %s: objective %.6e → %.6e%n",
                method,
                SpanAugmenter.objective(problem.distance(), problem.weight()),
                after);
        return after;
    }

    /** Every round: the gain of every remaining candidate that fits, the best gain per km taken. */
    static double eager(double[][] distance, double[][] weight, List<Candidate> candidates, Budget budget) {
        double[][] d = new double[distance.length][];
        for (int i = 0; i < d.length; i++) {
            d[i] = distance[i].clone();
        }
        List<Candidate> left = new ArrayList<>(candidates);
        double km = 0;
        while (true) {
            Candidate best = null;
            double bestRatio = 0;
            for (Candidate c : left) {
                if (km + c.km() > budget.km()) {
                    continue;
                }
                double ratio = SpanAugmenter.gain(d, weight, c) / c.km();
                if (ratio > bestRatio) {
                    bestRatio = ratio;
                    best = c;
                }
            }
            if (best == null) {
                return SpanAugmenter.objective(d, weight);
            }
            SpanAugmenter.add(d, best.a(), best.b(), best.km());
            km += best.km();
            left.remove(best);
        }
    }
}
