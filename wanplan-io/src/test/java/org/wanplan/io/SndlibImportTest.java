package org.wanplan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.wanplan.model.sndlib.SndlibNetwork;

/**
 * Every SNDlib network, native and XML, imports with the node, link and demand counts and the total
 * demand of {@code sndlib/INDEX.csv} (which match SNDlib's published statistics).
 */
class SndlibImportTest {
    private final NetworkFiles files = NetworkFiles.withDefaults();

    @TestFactory
    Stream<DynamicTest> every_sndlib_network_imports_with_published_counts() {
        Path dir = SharedData.require("sndlib");
        return SharedData.index(dir.resolve("INDEX.csv")).stream().flatMap(row -> {
            String net = row.get("network");
            Path nativeFile = dir.resolve("native").resolve(net).resolve(net + ".txt");
            Path xmlFile = dir.resolve("xml").resolve(net).resolve(net + ".xml");
            Stream<DynamicTest> xml = Files.exists(xmlFile)
                    ? Stream.of(DynamicTest.dynamicTest(net + " (xml)", () -> check(xmlFile, row)))
                    : Stream.empty();
            return Stream.concat(
                    Stream.of(DynamicTest.dynamicTest(net + " (native)", () -> check(nativeFile, row))), xml);
        });
    }

    private void check(Path file, Map<String, String> row) throws Exception {
        SndlibNetwork s = files.readSndlib(file);
        assertThat(s.network().pops()).as("nodes").hasSize(Integer.parseInt(row.get("nodes")));
        assertThat(s.network().spans()).as("links").hasSize(Integer.parseInt(row.get("links")));
        assertThat(s.demands()).as("demands").hasSize(Integer.parseInt(row.get("demands")));
        double total = Double.parseDouble(row.get("total_demand_value"));
        assertThat(s.totalDemand()).as("total demand").isCloseTo(total, within(total * 1e-5));
        assertThat(s.geographical())
                .as("geographical coordinates")
                .isEqualTo(row.get("coordinates_type").startsWith("geographical"));
    }

    @Test
    void germany50_has_the_published_50_nodes_88_links_662_demands() throws Exception {
        SndlibNetwork g = files.readSndlib(SharedData.require("sndlib/native/germany50/germany50.txt"));
        assertThat(g.network().pops()).hasSize(50);
        assertThat(g.network().spans()).hasSize(88);
        assertThat(g.demands()).hasSize(662);
    }

    @Test
    void native_and_xml_agree_on_links_and_modules() throws Exception {
        SndlibNetwork n = files.readSndlib(SharedData.require("sndlib/native/abilene/abilene.txt"));
        SndlibNetwork x = files.readSndlib(SharedData.require("sndlib/xml/abilene/abilene.xml"));
        assertThat(x.links()).isEqualTo(n.links());
        assertThat(x.demands()).isEqualTo(n.demands());
        // abilene: ATLAM5_ATLAng ( ATLAng ATLAM5 ) 9920.00 0.00 0.00 0.00 ( 40000.00 133.00 ), MBITPERSEC
        assertThat(n.links().get(0).modules()).containsExactly(new SndlibNetwork.Module(40000, 133));
        assertThat(n.network().spans().get(0).capacityGbps()).isEqualTo(9.92);
    }
}
