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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.wanplan.design.Design;
import org.wanplan.design.DesignOptions;
import org.wanplan.design.Designer;
import org.wanplan.design.Quote;
import org.wanplan.design.Topology;
import org.wanplan.io.builtin.BuiltinNetworks;
import org.wanplan.model.GeoPoint;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.PriceBook;
import org.wanplan.model.Resilience;
import org.wanplan.model.Site;
import org.wanplan.model.SiteRole;

/**
 * P3: design and quote of a 500-site enterprise on euro350, hub-and-spoke with 5 hubs (seed 20261129:
 * sites scattered within 40 km of random euro350 PoPs, mixed resilience options). Goal: ≤ 300 ms.
 *
 * <pre>
 * ./mvnw -q -DskipTests package
 * java -jar wanplan-bench/target/benchmarks.jar DesignBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DesignBenchmark {
    static final int SITES = 500;

    private Network network;
    private List<Site> sites;

    @Setup(Level.Trial)
    public void setUp() {
        network = BuiltinNetworks.load("euro350").orElseThrow();
        SplittableRandom random = new SplittableRandom(20261129L);
        sites = new ArrayList<>();
        Resilience[] options = Resilience.values();
        for (int i = 0; i < SITES; i++) {
            Pop near = network.pops().get(random.nextInt(network.pops().size()));
            GeoPoint c = near.location().orElseThrow();
            double lat = c.latitude() + (random.nextDouble() - 0.5) * 0.7;
            double lon = c.longitude() + (random.nextDouble() - 0.5) * 1.0;
            boolean hub = i < 5;
            sites.add(new Site(
                    "s" + i,
                    "site " + i,
                    new GeoPoint(lat, lon),
                    Optional.empty(),
                    Optional.empty(),
                    hub ? SiteRole.HUB : SiteRole.SPOKE,
                    hub ? 10_000 : 50 + random.nextInt(950),
                    10,
                    60,
                    hub ? Resilience.SRLG_DIVERSE : options[random.nextInt(3)]));
        }
    }

    @Benchmark
    public Quote designAndQuote() {
        Design d = Designer.design(network, sites, DesignOptions.defaults(Topology.HUB_SPOKE));
        return Quote.of(d, PriceBook.defaults());
    }
}
