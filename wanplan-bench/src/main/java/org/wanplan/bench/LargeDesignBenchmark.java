package org.wanplan.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
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
import org.wanplan.design.Design;
import org.wanplan.design.DesignFigures;
import org.wanplan.design.DesignOptions;
import org.wanplan.design.Designer;
import org.wanplan.design.Homing;
import org.wanplan.design.Quote;
import org.wanplan.design.Topology;
import org.wanplan.io.builtin.BuiltinNetworks;
import org.wanplan.model.Fibre;
import org.wanplan.model.GeoPoint;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.PriceBook;
import org.wanplan.model.Resilience;
import org.wanplan.model.Site;
import org.wanplan.model.SiteRole;
import org.wanplan.routing.Metric;
import org.wanplan.routing.Router;

/**
 * Issue 14's large designs, in a 1 GB heap: 5,000 sites any to any (12.5 million site pairs) and 20,000
 * sites hub and spoke (3 hubs), design and summary figures (mean and worst round trip, availability,
 * quote). Baseline: the round trips of the 1,000-site case by one shortest-path search per site pair (what
 * the designer did before traffic was bundled per PoP pair), beside the designer on the same sites.
 *
 * <pre>
 * java -jar wanplan-bench/target/benchmarks.jar LargeDesignBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx1g"})
public class LargeDesignBenchmark {
    /** sites-topology; "1000-any-per-pair" is the baseline. */
    @Param({"5000-any", "20000-hub", "1000-any", "1000-any-per-pair"})
    public String scenario;

    private Network network;
    private List<Site> sites;
    private Topology topology;

    @Setup(Level.Trial)
    public void setUp() {
        network = BuiltinNetworks.load("euro350").orElseThrow();
        int count = Integer.parseInt(scenario.substring(0, scenario.indexOf('-')));
        topology = scenario.contains("hub") ? Topology.HUB_SPOKE : Topology.ANY_TO_ANY;
        SplittableRandom random = new SplittableRandom(20261202L);
        sites = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Pop near = network.pops().get(random.nextInt(network.pops().size()));
            GeoPoint c = near.location().orElseThrow();
            boolean hub = topology == Topology.HUB_SPOKE && i < 3;
            sites.add(new Site(
                    "s" + i,
                    "site " + i,
                    new GeoPoint(
                            c.latitude() + (random.nextDouble() - 0.5) * 0.6,
                            c.longitude() + (random.nextDouble() - 0.5) * 0.8),
                    Optional.empty(),
                    Optional.empty(),
                    hub ? SiteRole.HUB : SiteRole.SPOKE,
                    hub ? 10_000 : 100,
                    10,
                    50,
                    Resilience.SINGLE));
        }
    }

    @Benchmark
    public double design() {
        if (scenario.endsWith("per-pair")) {
            return perSitePair();
        }
        Design d = Designer.design(network, sites, DesignOptions.defaults(topology));
        DesignFigures.Summary s = DesignFigures.summary(d, Quote.of(d, PriceBook.defaults()));
        return s.meanRttMs() + s.maxRttMs() + s.meanAvailability();
    }

    /** The baseline: every site pair's round trip by its own search between the two PoPs. */
    private double perSitePair() {
        Router router = Router.of(network, Metric.LATENCY);
        Homing homing = Homing.defaults();
        List<Homing.Tail> tails =
                sites.stream().map(s -> homing.tails(network, s).get(0)).toList();
        double sum = 0;
        long pairs = 0;
        for (int i = 0; i < tails.size(); i++) {
            for (int j = i + 1; j < tails.size(); j++) {
                double backbone = tails.get(i).pop().equals(tails.get(j).pop())
                        ? 0.05
                        : router.shortest(tails.get(i).pop(), tails.get(j).pop())
                                .map(p -> p.latencyMs() + p.pops().size() * 0.05)
                                .orElse(0.0);
                sum += 2 * (Fibre.latencyMs(tails.get(i).km() + tails.get(j).km()) + backbone);
                pairs++;
            }
        }
        return sum / pairs;
    }
}
