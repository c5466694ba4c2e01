package org.wanplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wanplan.io.NetworkFiles;
import org.wanplan.io.builtin.BuiltinNetworks;
import org.wanplan.model.Network;
import org.wanplan.planning.augment.NetworkAugment;

/**
 * The README's stretch table is computed here: every row must be what {@link NetworkAugment#figures}
 * gives for that network today (Zoo spans are great circle × 1.25, as imported).
 */
class StretchTableTest {
    @Test
    void the_readme_stretch_table_is_what_the_networks_measure() throws Exception {
        String configured = System.getProperty("wanplan.shared.data", System.getenv("WANPLAN_SHARED_DATA"));
        Path zoo = (configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data"))
                .toAbsolutePath()
                .resolve("topologyzoo/graphml/Geant2012.graphml");
        assumeTrue(Files.exists(zoo), "SKIPPED: reference data not found at " + zoo);
        Map<String, Network> networks = new LinkedHashMap<>();
        networks.put("euro350", BuiltinNetworks.load("euro350").orElseThrow());
        networks.put("sparse", BuiltinNetworks.load("sparse").orElseThrow());
        networks.put("bteurope (Zoo BtEurope)", BuiltinNetworks.load("bteurope").orElseThrow());
        // the pan-European networks of the Zoo (geo extent "Continent", Europe) with at least 15 located PoPs
        for (String name : List.of("Bics", "Claranet", "Eunetworks", "Geant2012", "Oteglobe", "VtlWavenet2008")) {
            networks.put("Zoo " + name, NetworkFiles.withDefaults().read(zoo.resolveSibling(name + ".graphml")));
        }
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        StringBuilder rows = new StringBuilder();
        for (Map.Entry<String, Network> e : networks.entrySet()) {
            NetworkAugment.Figures f = NetworkAugment.figures(e.getValue());
            rows.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %s | %s | %s |%n",
                    e.getKey(),
                    e.getValue().pops().size(),
                    figure(f.p90Stretch()),
                    figure(f.popWeightedStretch()),
                    figure(f.meanRttMs())));
        }
        System.out.print(rows);
        assertThat(readme).contains(rows.toString());
    }

    /** Two decimals, or a dash where the network cannot give it (Zoo PoPs carry no population). */
    private static String figure(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.2f", v);
    }
}
