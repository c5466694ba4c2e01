package org.wanplan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.wanplan.model.Network;
import org.wanplan.model.NetworkFacts;

/**
 * Every Topology Zoo file imports, and its counts match {@code topologyzoo/INDEX.csv}, which was
 * computed independently of this code (a Python script over the same files).
 */
class TopologyZooImportTest {
    private final NetworkFiles files = NetworkFiles.withDefaults();

    @TestFactory
    Stream<DynamicTest> every_zoo_file_imports_with_the_indexed_counts() {
        Path dir = SharedData.require("topologyzoo");
        return SharedData.index(dir.resolve("INDEX.csv")).stream()
                .map(row -> DynamicTest.dynamicTest(row.get("file"), () -> check(dir, row)));
    }

    private void check(Path dir, Map<String, String> row) throws Exception {
        Network n = files.read(dir.resolve("graphml").resolve(row.get("file")));
        NetworkFacts facts = NetworkFacts.of(n);
        int nodes = Integer.parseInt(row.get("nodes"));
        int edges = Integer.parseInt(row.get("edges"));
        assertThat(facts.pops()).as("nodes").isEqualTo(nodes);
        assertThat(facts.spans()).as("edges").isEqualTo(edges);
        assertThat(facts.popsWithoutLocation())
                .as("nodes without coordinates")
                .isEqualTo(nodes - Integer.parseInt(row.get("nodes_with_coords")));
        assertThat(facts.spans() - facts.spansWithoutLength())
                .as("edges with a length")
                .isEqualTo(Integer.parseInt(row.get("edges_with_coords")));
        double greatCircle = n.spans().stream()
                .flatMap(s -> n.greatCircleKm(s).stream())
                .mapToDouble(Double::doubleValue)
                .sum();
        assertThat(greatCircle)
                .as("summed great-circle km")
                .isCloseTo(Double.parseDouble(row.get("edges_great_circle_km")), within(0.051 + 1e-9 * greatCircle));
        long inFrance = n.pops().stream()
                .filter(p -> p.countryCode().filter("FR"::equals).isPresent())
                .count();
        assertThat(inFrance).as("nodes in France").isEqualTo(Long.parseLong(row.get("nodes_in_france")));
    }

    @Test
    void bt_europe_keeps_graphml_ids_and_labels() throws Exception {
        Network bt = files.read(SharedData.require("topologyzoo/graphml/BtEurope.graphml"));
        assertThat(bt.name()).isEqualTo("BT Europe");
        assertThat(bt.pop(org.wanplan.model.PopId.of("0")).orElseThrow().name()).isEqualTo("Budapest");
        assertThat(bt.popsMatching("Budapest")).hasSize(1);
    }
}
