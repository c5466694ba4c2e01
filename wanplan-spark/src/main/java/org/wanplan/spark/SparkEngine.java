package org.wanplan.spark;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.wanplan.io.json.JsonNetworkWriter;
import org.wanplan.model.Network;
import org.wanplan.model.PopId;
import org.wanplan.routing.FailureAccumulator;
import org.wanplan.routing.FailureReport;
import org.wanplan.routing.FailureScenario;
import org.wanplan.routing.FailureSweep;
import org.wanplan.routing.Placement;
import org.wanplan.routing.availability.Availability;
import org.wanplan.routing.availability.AvailabilityModel;
import org.wanplan.routing.availability.Restoration;

/**
 * The failure sweep and the availability simulation on Spark, on the same seam as the local engine: the
 * spec is broadcast; each executor prepares the sweep once (per broadcast, per JVM) and evaluates ranges of
 * scenario numbers, a partition per range; partial {@link FailureAccumulator}s are combined with
 * {@code treeAggregate}. Accumulators merge in any order to the same result (ties go to the lower scenario
 * number), so the report is the local engine's, byte for byte, whatever the partitioning or the cluster.
 */
public final class SparkEngine {
    /** What each JVM prepared, by broadcast id: one preparation per executor, shared by its tasks. */
    private static final ConcurrentHashMap<Long, Object> PREPARED = new ConcurrentHashMap<>();

    private SparkEngine() {}

    /** A sweep prepared from a spec: the network read back, the traffic placed, the scenario list. */
    record Prepared(Network network, FailureSweep sweep, List<FailureScenario> scenarios) {
        static Prepared of(SweepSpec spec) {
            Network n = spec.network();
            return new Prepared(n, FailureSweep.prepare(n, spec.demands(), spec.options()), spec.scenarios(n));
        }
    }

    /**
     * A sweep's outcome.
     *
     * @param network the network as every machine read it
     * @param baseline the traffic as placed on the intact network
     * @param scenarioCount scenarios swept
     * @param partitions how many ranges they were split into
     */
    public record Result(
            Network network, Placement.Result baseline, int scenarioCount, int partitions, FailureReport report) {}

    /**
     * Sweeps every scenario of {@code spec} on {@code sc}'s cluster, in {@code partitions} ranges (0: four per
     * core of the cluster's default parallelism, at most one per scenario).
     */
    public static Result sweep(JavaSparkContext sc, SweepSpec spec, int partitions) {
        Broadcast<SweepSpec> bc = sc.broadcast(spec);
        try {
            Prepared driver = prepared(bc.id(), spec);
            int total = driver.scenarios().size();
            int parts = partitions > 0 ? partitions : Math.max(1, Math.min(total, 4 * sc.defaultParallelism()));
            JavaRDD<Integer> ranges =
                    sc.parallelize(IntStream.range(0, parts).boxed().toList(), parts);
            FailureAccumulator all = ranges.treeAggregate(
                    driver.sweep().accumulator(),
                    (acc, range) -> sweepRange(bc, acc, range, parts),
                    FailureAccumulator::merge,
                    2);
            FailureReport report = all.attach(driver.sweep()).report();
            return new Result(driver.network(), driver.sweep().baseline(), total, parts, report);
        } finally {
            PREPARED.remove(bc.id());
            bc.destroy();
        }
    }

    /** Evaluates range {@code range} of {@code parts} of the scenario numbers into {@code acc}. */
    private static FailureAccumulator sweepRange(
            Broadcast<SweepSpec> bc, FailureAccumulator acc, int range, int parts) {
        Prepared p = prepared(bc.id(), bc.value());
        acc.attach(p.sweep());
        List<FailureScenario> scenarios = p.scenarios();
        int total = scenarios.size();
        int from = (int) ((long) range * total / parts);
        int to = (int) ((long) (range + 1) * total / parts);
        for (int k = from; k < to; k++) {
            FailureScenario sc = scenarios.get(k);
            acc.add(k, sc, p.sweep().evaluate(sc));
        }
        return acc;
    }

    private static Prepared prepared(long id, SweepSpec spec) {
        return (Prepared) PREPARED.computeIfAbsent(id, k -> Prepared.of(spec));
    }

    /**
     * The seeded Monte Carlo of {@link Restoration#monteCarlo} with its chunks spread over {@code sc}'s
     * cluster: the same network, ends, sample count and seed give the same estimate as the local engine.
     */
    public static Availability.Estimate monteCarlo(
            JavaSparkContext sc, Network network, PopId a, PopId b, int samples, long seed) throws IOException {
        StringWriter json = new StringWriter();
        new JsonNetworkWriter().write(network, json);
        SweepNetwork shared = new SweepNetwork(json.toString());
        Broadcast<SweepNetwork> bc = sc.broadcast(shared);
        try {
            int chunks = Restoration.chunks(samples);
            int parts = Math.max(1, Math.min(chunks, 4 * sc.defaultParallelism()));
            String from = a.value();
            String to = b.value();
            long good = sc.parallelize(IntStream.range(0, chunks).boxed().toList(), parts)
                    .map(k -> restoration(bc).upDraws(PopId.of(from), PopId.of(to), samples, seed, k))
                    .reduce(Long::sum);
            return Restoration.estimate(good, samples);
        } finally {
            PREPARED.remove(bc.id());
            bc.destroy();
        }
    }

    /** A network that travels, for the simulation. */
    record SweepNetwork(String json) implements java.io.Serializable {}

    private static Restoration restoration(Broadcast<SweepNetwork> bc) {
        return (Restoration) PREPARED.computeIfAbsent(
                bc.id(), k -> new Restoration(SweepSpec.read(bc.value().json()), AvailabilityModel.defaults()));
    }
}
