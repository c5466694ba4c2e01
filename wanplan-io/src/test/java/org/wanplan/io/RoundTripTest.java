package org.wanplan.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.wanplan.io.builtin.BuiltinNetworks;
import org.wanplan.io.input.ImportOptions;
import org.wanplan.io.json.JsonNetworkReader;
import org.wanplan.io.json.JsonNetworkWriter;
import org.wanplan.model.FibreLength;
import org.wanplan.model.GeoPoint;
import org.wanplan.model.LengthSource;
import org.wanplan.model.Network;
import org.wanplan.model.Ownership;
import org.wanplan.model.Pop;
import org.wanplan.model.PopId;
import org.wanplan.model.Span;
import org.wanplan.model.SpanId;
import org.wanplan.model.Srlg;
import org.wanplan.model.SrlgId;
import org.wanplan.model.SrlgKind;

/** Writing and reading back gives the same network; writing it again gives the same bytes. */
class RoundTripTest {
    @TempDir
    Path dir;

    private final NetworkFiles files = NetworkFiles.withDefaults();

    /**
     * A network that uses every field: absent locations and lengths, quotes and commas in names, SRLGs, own
     * fibre, a leased span with its monthly charge and one without.
     */
    static Network awkward() throws Exception {
        return Network.builder("awk, \"ward\" <net>")
                .attribution("test & fixture")
                .srlg(Srlg.of("duct-1", SrlgKind.DUCT, "duct, \"north\""))
                .srlg(Srlg.of("cable-1", SrlgKind.SUBMARINE_CABLE, "cable"))
                .pop(new Pop(
                        PopId.of("par"),
                        "Paris, FR",
                        Optional.of("FR"),
                        Optional.of(new GeoPoint(48.8566, 2.3522)),
                        OptionalLong.of(11_000_000)))
                .pop(new Pop(
                        PopId.of("lon"),
                        "London <GB>",
                        Optional.of("GB"),
                        Optional.of(new GeoPoint(51.5074, -0.1278)),
                        OptionalLong.empty()))
                .pop(new Pop(PopId.of("ext"), "peer & co", Optional.empty(), Optional.empty(), OptionalLong.empty()))
                .span(new Span(
                        SpanId.of("par-lon"),
                        PopId.of("par"),
                        PopId.of("lon"),
                        Optional.of(FibreLength.measured(460.5)),
                        800,
                        List.of(SrlgId.of("cable-1"), SrlgId.of("duct-1")),
                        true))
                .span(new Span(
                        SpanId.of("par-lon-2"),
                        PopId.of("lon"),
                        PopId.of("par"),
                        Optional.of(new FibreLength(430.25, LengthSource.ESTIMATED)),
                        0.5,
                        List.of(),
                        false,
                        Ownership.leased(4250.5)))
                .span(new Span(
                        SpanId.of("par-ext"),
                        PopId.of("par"),
                        PopId.of("ext"),
                        Optional.empty(),
                        10,
                        List.of(SrlgId.of("duct-1")),
                        false,
                        Ownership.leased()))
                .build();
    }

    @Test
    void json_round_trip_preserves_everything_and_bytes() throws Exception {
        Network original = awkward();
        String first = json(original);
        Network back = new JsonNetworkReader(ImportOptions.defaults()).read(new StringReader(first), "mem.json");
        assertSame(original, back);
        assertThat(json(back)).isEqualTo(first);
    }

    @Test
    void geojson_names_each_span_s_ownership() throws Exception {
        StringWriter out = new StringWriter();
        new org.wanplan.io.json.GeoJsonWriter().write(awkward(), out);
        var spans = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.toString())
                .get("features");
        java.util.Map<String, String> seen = new java.util.TreeMap<>();
        for (var f : spans) {
            var p = f.get("properties");
            if (p.has("ownership")) {
                seen.put(
                        p.get("id").asText(),
                        p.get("ownership").asText() + " "
                                + p.path("leaseEurPerMonth").asText("-"));
            }
        }
        assertThat(seen)
                .containsExactly(
                        java.util.Map.entry("par-ext", "leased -"),
                        java.util.Map.entry("par-lon", "own -"),
                        java.util.Map.entry("par-lon-2", "leased 4250.5"));
    }

    @Test
    void graphml_round_trip_preserves_everything_and_bytes() throws Exception {
        roundTripThroughFile(awkward(), dir.resolve("n.graphml"));
    }

    @Test
    void csv_round_trip_preserves_everything_but_the_name() throws Exception {
        Network original = awkward();
        files.write(original, dir.resolve("awk-pops.csv"));
        assertThat(dir.resolve("awk-spans.csv")).exists();
        assertThat(dir.resolve("awk-srlgs.csv")).exists();
        Network back = files.read(dir.resolve("awk-pops.csv"));
        assertThat(back.name()).isEqualTo("awk");
        assertThat(back.pops()).isEqualTo(original.pops());
        assertThat(back.spans()).isEqualTo(original.spans());
        assertThat(back.srlgs()).isEqualTo(original.srlgs());
    }

    @Test
    void the_built_in_networks_round_trip_through_every_writable_format() throws Exception {
        for (String name : List.of("euro350", "sparse", "bteurope")) {
            Network n = BuiltinNetworks.load(name).orElseThrow();
            roundTripThroughFile(n, dir.resolve(name + ".json"));
            roundTripThroughFile(n, dir.resolve(name + ".graphml"));
        }
    }

    @TestFactory
    Stream<DynamicTest> every_zoo_file_round_trips_through_graphml_and_json() {
        Path zoo = SharedData.require("topologyzoo/graphml");
        try (Stream<Path> list = Files.list(zoo)) {
            return list.sorted().toList().stream()
                    .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                        Network n = files.read(p);
                        Path sub = Files.createDirectories(
                                dir.resolve(p.getFileName().toString()));
                        roundTripThroughFile(n, sub.resolve("n.graphml"));
                        roundTripThroughFile(n, sub.resolve("n.json"));
                    }));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void roundTripThroughFile(Network original, Path file) throws Exception {
        files.write(original, file);
        String first = Files.readString(file);
        Network back = files.read(file);
        assertSame(original, back);
        Path again = file.resolveSibling("again-" + file.getFileName());
        files.write(back, again);
        assertThat(Files.readString(again))
                .as("bytes of %s written twice", file.getFileName())
                .isEqualTo(first);
    }

    private static void assertSame(Network expected, Network actual) {
        assertThat(actual.name()).isEqualTo(expected.name());
        assertThat(actual.attribution()).isEqualTo(expected.attribution());
        assertThat(actual.pops()).isEqualTo(expected.pops());
        assertThat(actual.spans()).isEqualTo(expected.spans());
        assertThat(actual.srlgs()).isEqualTo(expected.srlgs());
    }

    private static String json(Network n) throws Exception {
        StringWriter w = new StringWriter();
        new JsonNetworkWriter().write(n, w);
        return w.toString();
    }
}
