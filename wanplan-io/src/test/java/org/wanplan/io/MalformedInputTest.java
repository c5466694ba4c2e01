package org.wanplan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wanplan.io.input.InputException;
import org.wanplan.io.input.InputProblem;

/** Every reader names file, line and rejected value for every problem, all at once. */
class MalformedInputTest {
    @TempDir
    Path dir;

    private final NetworkFiles files = NetworkFiles.withDefaults();

    // ---- wanplan JSON

    @Test
    void json_syntax_error_names_its_line() throws Exception {
        Path f = write("bad.json", """
                {
                  "format": "wanplan-network",
                  "version": 1,
                  "name": "x",
                  "pops": [
                    {"id": "a", "name": "A",}
                  ]
                }
                """);
        assertThat(problems(f)).singleElement().asString().startsWith(f + ":6: malformed JSON:");
    }

    @Test
    void json_reports_every_bad_element_with_its_line() throws Exception {
        Path f = write("bad.json", """
                {
                  "format": "wanplan-network",
                  "version": 1,
                  "name": "x",
                  "pops": [
                    {"id": "a", "name": "A", "lat": 48.0, "lon": 2.0},
                    {"id": "a", "name": "A again", "lat": 95.0, "lon": 2.0},
                    {"id": "b", "name": "B", "colour": "red"}
                  ],
                  "spans": [
                    {"id": "s1", "a": "a", "b": "zz", "lengthKm": 10},
                    {"id": "s2", "a": "a", "b": "b", "lengthKm": -5},
                    {"id": "s3", "a": "a", "b": "b", "lengthKm": "ten"},
                    {"id": "s4", "a": "a", "b": "a", "lengthKm": 3}
                  ]
                }
                """);
        assertThat(problems(f))
                .containsExactly(
                        f + ":7: latitude must be in [-90, 90], was 95.0",
                        f + ":7: duplicate PoP id 'a'",
                        f + ":8: unknown PoP field 'colour'",
                        f + ":11: span s1: unknown endpoint b 'zz'",
                        f + ":12: lengthKm must be a number above 0 and at most 40000, was -5.0",
                        f + ":13: lengthKm must be a number, was \"ten\"",
                        f + ":14: span s4: self-loop at 'a'");
    }

    @Test
    void ownership_problems_name_their_line_in_every_format() throws Exception {
        Path json = write("own.json", """
                {
                  "format": "wanplan-network",
                  "version": 1,
                  "name": "x",
                  "pops": [{"id": "a"}, {"id": "b"}],
                  "spans": [
                    {"id": "s1", "a": "a", "b": "b", "lengthKm": 10, "ownership": "rented"},
                    {"id": "s2", "a": "a", "b": "b", "lengthKm": 10, "leaseEurPerMonth": 900},
                    {"id": "s3", "a": "a", "b": "b", "lengthKm": 10, "ownership": "leased", "leaseEurPerMonth": 1e308},
                    {"id": "s4", "a": "a", "b": "b", "lengthKm": 10, "ownership": "leased", "leaseEurPerMonth": -1},
                    {"id": "s5", "a": "a", "b": "b", "lengthKm": 10, "ownership": 7},
                    {"id": "s6", "a": "a", "b": "b", "lengthKm": 10, "ownership": "leased", "leaseEurPerMonth": 900}
                  ]
                }
                """);
        assertThat(problems(json))
                .containsExactly(
                        json + ":7: ownership must be own or leased, was 'rented'",
                        json + ":8: leaseEurPerMonth is only for leased spans (ownership leased), was 900.0",
                        json + ":9: leaseEurPerMonth must be a number from 0 to 1000000, was 1.0E308",
                        json + ":10: leaseEurPerMonth must be a number from 0 to 1000000, was -1.0",
                        json + ":11: ownership must be own or leased, was 7");
        write("o-pops.csv", "id\na\nb\n");
        Path spans = write("o-spans.csv", """
                id,a,b,lengthKm,ownership,leaseEurPerMonth
                s1,a,b,10,leased,1200
                s2,a,b,10,own,5
                s3,a,b,10,LEASED,
                s4,a,b,10,leased,NaN
                """);
        assertThat(problems(dir.resolve("o-pops.csv")))
                .containsExactly(
                        spans + ":3: leaseEurPerMonth is only for leased spans (ownership leased), was 5.0",
                        spans + ":4: ownership must be own or leased, was 'LEASED'",
                        spans + ":5: leaseEurPerMonth must be a number, was 'NaN'");
        Path graphml = write("own.graphml", """
                <?xml version="1.0" encoding="utf-8"?>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
                  <key attr.name="ownership" attr.type="string" for="edge" id="d0"/>
                  <key attr.name="leaseEurPerMonth" attr.type="double" for="edge" id="d1"/>
                  <graph edgedefault="undirected">
                    <node id="a"/>
                    <node id="b"/>
                    <edge source="a" target="b"><data key="d0">leased</data><data key="d1">300</data></edge>
                    <edge source="a" target="b"><data key="d0">iru</data></edge>
                  </graph>
                </graphml>
                """);
        assertThat(problems(graphml)).containsExactly(graphml + ":9: ownership must be own or leased, was 'iru'");
    }

    @Test
    void json_missing_ids_and_wrong_format_are_reported() throws Exception {
        Path f = write("bad.json", """
                {
                  "format": "something-else",
                  "version": 2,
                  "name": "x",
                  "pops": [
                    {"name": "nameless"}
                  ]
                }
                """);
        assertThat(problems(f))
                .containsExactly(
                        f + ":2: format must be \"wanplan-network\", was something-else",
                        f + ":3: version must be 1, was 2",
                        f + ":6: PoP id is missing");
    }

    // ---- GraphML

    @Test
    void graphml_syntax_error_names_its_line() throws Exception {
        Path f = write("bad.graphml", """
                <?xml version="1.0" encoding="utf-8"?>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
                  <graph edgedefault="undirected">
                    <node id="a">
                  </graph>
                </graphml>
                """);
        assertThat(problems(f)).singleElement().asString().startsWith(f + ":5: malformed XML:");
    }

    @Test
    void graphml_reports_duplicates_unknown_endpoints_and_bad_numbers() throws Exception {
        Path f = write("bad.graphml", """
                <?xml version="1.0" encoding="utf-8"?>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
                  <key attr.name="Latitude" attr.type="double" for="node" id="d0"/>
                  <key attr.name="Longitude" attr.type="double" for="node" id="d1"/>
                  <key attr.name="lengthKm" attr.type="double" for="edge" id="d2"/>
                  <graph edgedefault="undirected">
                    <node id="a"><data key="d0">48.1</data><data key="d1">2.0</data></node>
                    <node id="b"><data key="d0">north</data><data key="d1">2.0</data></node>
                    <node id="a"/>
                    <edge source="a" target="nowhere"/>
                    <edge source="a" target="b"><data key="d2">-3</data></edge>
                    <edge source="a" target="b"><data key="d9">1</data></edge>
                  </graph>
                </graphml>
                """);
        assertThat(problems(f))
                .containsExactly(
                        f + ":8: Latitude must be a number, was 'north'",
                        f + ":9: duplicate PoP id 'a'",
                        f + ":10: span e0: unknown endpoint b 'nowhere'",
                        f + ":11: lengthKm must be a number above 0 and at most 40000, was -3.0",
                        f + ":12: data refers to undeclared key 'd9'");
    }

    // ---- CSV

    @Test
    void csv_reports_problems_in_both_files() throws Exception {
        write("pops.csv", """
                id,name,country,lat,lon,population
                par,Paris,FR,48.85,2.35,11000000
                lyo,Lyon,France,45.76,4.83,
                par,Paris again,FR,48.85,2.35,
                mrs,Marseille,FR,43.3,five,
                """);
        Path spans = write("spans.csv", """
                id,a,b,lengthKm,lengthSource,capacityGbps,srlgs,submarine
                s1,par,lyo,465,measured,800,,false
                s2,par,nowhere,10,measured,800,,false
                s3,lyo,mrs,-1,measured,800,,false
                s4,lyo,mrs,abc,measured,800,,maybe
                s5,lyo,mrs
                """);
        Path pops = dir.resolve("pops.csv");
        assertThat(problems(pops))
                .containsExactly(
                        pops + ":3: country must be an ISO 3166-1 alpha-2 code such as FR, was 'France'",
                        pops + ":4: duplicate PoP id 'par'",
                        pops + ":5: lon must be a number, was 'five'",
                        spans + ":3: span s2: unknown endpoint b 'nowhere'",
                        spans + ":4: lengthKm must be a number above 0 and at most 40000, was -1.0",
                        spans + ":5: lengthKm must be a number, was 'abc'",
                        spans + ":5: submarine must be true or false, was 'maybe'",
                        spans + ":6: expected 8 cells as in the header, found 3");
    }

    @Test
    void csv_with_unknown_or_missing_columns_is_rejected() throws Exception {
        Path pops = write("pops.csv", "id,name,altitude\na,A,100\n");
        Path spans = write("spans.csv", "id,a\ns,a\n");
        assertThat(problems(pops))
                .containsExactly(
                        pops + ":1: unknown column 'altitude' (known: [country, id, lat, lon, name, population])",
                        spans + ":1: missing column 'b'");
    }

    // ---- SNDlib native and XML

    @Test
    void sndlib_native_reports_bad_rows_with_their_lines() throws Exception {
        Path f = write("bad.txt", """
                ?SNDlib native format; type: network; version: 1.0
                NODES (
                  A ( 10.0 50.0 )
                  B ( 11.0 north )
                )
                LINKS (
                  L1 ( A B ) 10.0 0.0 0.0 0.0 ( 40.0 1.0 )
                  L2 ( A C ) 10.0 0.0 0.0 0.0 ( 40.0 1.0 )
                  L3 ( A B ) ten 0.0 0.0 0.0 ( )
                )
                DEMANDS (
                  D1 ( A Z ) 1 5.0 UNLIMITED
                )
                """);
        assertThat(problems(f))
                .containsExactly(
                        f + ":4: y must be a number, was 'north'",
                        f + ":8: span L2: unknown endpoint b 'C'",
                        f + ":9: pre-installed capacity must be a number, was 'ten'",
                        f + ":12: demand D1: unknown node 'Z'");
    }

    @Test
    void sndlib_native_unknown_endpoint_and_unclosed_section() throws Exception {
        Path f = write("bad.txt", """
                ?SNDlib native format; type: network; version: 1.0
                NODES (
                  A ( 10.0 50.0 )
                  B ( 11.0 51.0 )
                )
                LINKS (
                  L2 ( A C ) 10.0 0.0 0.0 0.0 ( 40.0 1.0 )
                """);
        assertThat(problems(f))
                .containsExactly(
                        f + ":6: section LINKS is not closed with ')'", f + ":7: span L2: unknown endpoint b 'C'");
        Path g = write("bad2.txt", """
                ?SNDlib native format; type: network; version: 1.0
                NODES (
                  A ( 10.0 50.0 )
                )
                LINKS (
                  L2 ( A C ) 10.0 0.0 0.0 0.0 ( 40.0 1.0 )
                )
                """);
        assertThat(problems(g)).containsExactly(g + ":6: span L2: unknown endpoint b 'C'");
    }

    @Test
    void sndlib_xml_reports_unknown_nodes_and_bad_numbers() throws Exception {
        Path f = write("bad.xml", """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <network xmlns="http://sndlib.zib.de/network" version="1.0">
                 <networkStructure>
                  <nodes coordinatesType="geographical">
                   <node id="A"><coordinates><x>10.0</x><y>50.0</y></coordinates></node>
                   <node id="B"><coordinates><x>11.0</x><y>51.0</y></coordinates></node>
                  </nodes>
                  <links>
                   <link id="L1"><source>A</source><target>Q</target></link>
                   <link id="L2"><source>A</source><target>B</target><preInstalledModule><capacity>x</capacity><cost>0</cost></preInstalledModule></link>
                  </links>
                 </networkStructure>
                </network>
                """);
        assertThat(problems(f))
                .containsExactly(
                        f + ":9: span L1: unknown endpoint b 'Q'",
                        f + ":10: preInstalledModule capacity must be a number, was 'x'");
    }

    // ---- no partial output

    @Test
    void a_failing_write_leaves_no_file_behind() throws Exception {
        Path target = dir.resolve("out.json");
        var thrown = catchThrowableOfType(
                java.io.IOException.class,
                () -> NetworkFiles.writeAtomically(target, out -> {
                    out.write("{ half");
                    throw new java.io.IOException("disk full");
                }));
        assertThat(thrown).hasMessage("disk full");
        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void an_unknown_format_is_named() throws Exception {
        Path f = write("network.bin", "\u0001\u0002 binary");
        assertThat(problems(f)).singleElement().asString().startsWith(f + ":1: unknown network format");
    }

    private List<String> problems(Path f) {
        InputException e = catchThrowableOfType(InputException.class, () -> files.read(f));
        assertThat(e).as("reading %s must fail", f).isNotNull();
        return e.problems().stream().map(InputProblem::toString).toList();
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
