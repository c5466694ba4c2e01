package org.wanplan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wanplan.io.builtin.BuiltinNetworks;
import org.wanplan.io.csv.DemandCsvReader;
import org.wanplan.io.input.InputException;
import org.wanplan.io.input.InputProblem;
import org.wanplan.io.input.TextInput;
import org.wanplan.io.price.PriceBookFile;
import org.wanplan.io.sites.SiteCsvReader;
import org.wanplan.model.Network;
import org.wanplan.model.PriceBook;

/** The external audit's reader findings, each reproduced as it was reported. */
class AuditInputTest {
    @TempDir
    Path dir;

    private static final String SNDLIB = """
            ?SNDlib native format; type: network; version: 1.0
            # network tiny

            NODES (
              A ( 2.35 48.85 )
              B ( 4.83 45.76 )
            )

            LINKS (
              L1 ( A B ) 40.00 0.00 1.00 0.00 ( 40.00 100.00 )
            )

            DEMANDS (
              D1 ( A B ) 1 5.00 UNLIMITED
            )
            """;

    // ---- encodings

    @Test
    void anXmlDeclarationWithAnImpossibleEncodingNameIsAnErrorAtLineOne() throws Exception {
        // found by InputFuzzTest (seed -8452665354616214248): a comma in the name made the JDK throw
        Path f = Files.writeString(
                dir.resolve("n.graphml"),
                "<?xml version=\"1.0\" encoding=\"ISO-88591,5\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"/>\n");
        InputException e = catchThrowableOfType(
                InputException.class, () -> NetworkFiles.withDefaults().read(f));
        assertThat(e).isNotNull();
        assertThat(e.problems())
                .singleElement()
                .hasToString(f + ":1: the XML declaration names an invalid encoding 'ISO-88591,5'");
    }

    @Test
    void invalidUtf8IsReportedWithItsLineColumnAndByteInEveryTextReader() throws Exception {
        byte[] good = "from,to,gbps\nparis,lyon,1\nparis,lille,2\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = insert(good, "from,to,gbps\nparis,lyon,1\npa".length(), new byte[] {(byte) 0xC3, 0x28});
        Path f = Files.write(dir.resolve("tm.csv"), bad);
        InputException e = catchThrowableOfType(InputException.class, () -> TextInput.read(f));
        assertThat(e.problems())
                .singleElement()
                .hasToString(f + ":3: not valid UTF-8 at column 3 (byte 28: 0xC3); save the file as UTF-8");

        for (String name : List.of("n.json", "n.txt", "pops.csv", "n.graphml")) {
            Files.writeString(dir.resolve("spans.csv"), "id,a,b,lengthKm\n"); // beside pops.csv
            String first = name.equals("n.txt") ? "?SNDlib native format; type: network; version: 1.0\n" : "x\n";
            Path g = Files.write(
                    dir.resolve(name),
                    insert((first + "y\n").getBytes(StandardCharsets.UTF_8), first.length(), new byte[] {(byte) 0xFF}));
            InputException ge = catchThrowableOfType(
                    InputException.class, () -> NetworkFiles.withDefaults().read(g));
            assertThat(ge).as(name).isNotNull();
            assertThat(ge.problems().get(0).line()).as(name).isEqualTo(2);
            assertThat(ge.problems().get(0).message())
                    .as(name)
                    .startsWith("not valid UTF-8 at column 1 (byte " + first.length() + ": 0xFF)");
        }
    }

    @Test
    void aByteOrderMarkIsAcceptedAndSndlibFilesWithOneStillRead() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path f = Files.write(dir.resolve("tiny.txt"), concat(bom, SNDLIB.getBytes(StandardCharsets.UTF_8)));
        Network n = NetworkFiles.withDefaults().read(f);
        assertThat(n.pops()).hasSize(2);
        Path csv = Files.write(
                dir.resolve("tm.csv"), concat(bom, "from,to,gbps\nA,B,1\n".getBytes(StandardCharsets.UTF_8)));
        try (Reader in = TextInput.reader(csv)) {
            assertThat(DemandCsvReader.read(in, csv.toString(), n)).hasSize(1);
        }
    }

    @Test
    void idsWithControlOrSeparatorCharactersAreRefusedWithTheirLine() throws Exception {
        for (String bad : List.of("A\u0007x", "A\u2028x", "A\u202Ex")) {
            Path f = dir.resolve("ids.txt");
            Files.writeString(f, SNDLIB.replace("  A ( 2.35", "  " + bad + " ( 2.35"), StandardCharsets.UTF_8);
            List<InputProblem> p = problems(() -> NetworkFiles.withDefaults().read(f));
            assertThat(p).first().satisfies(q -> {
                assertThat(q.line()).isEqualTo(5);
                assertThat(q.message()).startsWith("node id must not contain control, format or separator characters");
                assertThat(q.message()).doesNotContain(bad).contains("\\u");
            });
            Files.writeString(f, SNDLIB.replace("D1 ( A B )", bad + " ( A B )"), StandardCharsets.UTF_8);
            assertThat(problems(() -> NetworkFiles.withDefaults().read(f)))
                    .extracting(InputProblem::line)
                    .contains(14);
        }
        Network sparse = BuiltinNetworks.load("sparse").orElseThrow();
        String from = sparse.pops().get(0).id().value();
        String to = sparse.pops().get(1).id().value();
        String tm = "from,to,gbps,class,id\n" + from + "," + to + ",1,business,d\u00001\n";
        assertThat(problems(() -> DemandCsvReader.read(new StringReader(tm), "tm.csv", sparse)))
                .singleElement()
                .hasToString("tm.csv:2: id must not contain control, format or separator characters, was 'd\\u00001'");
    }

    @Test
    void jacksonsOwnLimitsAreReportedWithALine() throws Exception {
        String deep = "{\n\"format\": \"wanplan-network\",\n\"x\": " + "[".repeat(1500) + "]".repeat(1500) + "}";
        Path f = Files.writeString(dir.resolve("deep.json"), deep);
        List<InputProblem> p = problems(() -> NetworkFiles.withDefaults().read(f));
        assertThat(p).singleElement().satisfies(q -> {
            assertThat(q.line()).isEqualTo(3);
            assertThat(q.message()).startsWith("malformed JSON:").contains("nesting depth");
        });
        String longNumber = "{\n\"format\": \"wanplan-network\",\n\"version\": " + "1".repeat(100_000) + "}";
        Path g = Files.writeString(dir.resolve("long.json"), longNumber);
        assertThat(problems(() -> NetworkFiles.withDefaults().read(g)))
                .singleElement()
                .satisfies(q -> assertThat(q.line()).isEqualTo(3));
        String priceBook = "{\n  \"currency\": \"EUR\",\n  \"termMonths\": " + "9".repeat(100_000) + "\n}";
        assertThat(problems(() -> PriceBookFile.read(new StringReader(priceBook), "p.json", false)))
                .singleElement()
                .satisfies(q -> assertThat(q.line()).isEqualTo(3));
    }

    @Test
    void malformedXmlWritesNothingToStderr() throws Exception {
        PrintStream realErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> lines = new ArrayList<>();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            for (String name : List.of("a.graphml", "b.xml")) {
                Path f = Files.write(
                        dir.resolve(name),
                        concat(
                                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml>\n<node id=\""
                                        .getBytes(StandardCharsets.UTF_8),
                                new byte[] {(byte) 0xE9, 'x', '"', '/', '>'}));
                lines.add(problems(() -> NetworkFiles.withDefaults().read(f))
                        .get(0)
                        .toString());
            }
            // a declaration whose "?>" lost its '?' to a flipped byte (the fuzz suite's seed 4545935714206523016):
            // the parser ignores the ISO-8859-1 it names and reads the file as UTF-8, so 0xEE is malformed
            Path flipped = Files.write(
                    dir.resolve("c.xml"),
                    concat(
                            concat(
                                    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"".getBytes(StandardCharsets.US_ASCII),
                                    new byte[] {(byte) 0xEE, '>', '\n'}),
                            "<network xmlns=\"http://sndlib.zib.de/network\"/>\n".getBytes(StandardCharsets.US_ASCII)));
            lines.add(problems(() -> NetworkFiles.withDefaults().read(flipped))
                    .get(0)
                    .toString());
        } finally {
            System.setErr(realErr);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(lines).hasSize(3).allSatisfy(l -> assertThat(l).contains(" not valid UTF-8"));
        assertThat(lines.subList(0, 2)).allSatisfy(l -> assertThat(l).contains(":3: not valid UTF-8"));
        assertThat(lines.get(2)).contains(":1: not valid UTF-8");
    }

    // ---- price books

    @Test
    void priceBookValuesOutOfRangeAreRefusedAtTheirLine() {
        String json = """
                {
                  "currency": [],
                  "termMonths": 1e308,
                  "managementMrc": 1e308,
                  "dualAccessPct": -5,
                  "accessTiers": [
                    {"upToMbps": 100, "accessMrc": 350, "portMrc": 150, "accessNrc": 750},
                    {"upToMbps": 50, "accessMrc": 350, "portMrc": 150}
                  ]
                }
                """;
        assertThat(problems(() -> PriceBookFile.read(new StringReader(json), "p.json", false)))
                .extracting(InputProblem::toString)
                .containsExactly(
                        "p.json:2: currency must be an ISO 4217 code such as EUR, was []",
                        "p.json:3: termMonths must be a whole number of months from 1 to 120, was 1.0E308",
                        "p.json:4: managementMrc must be from 0 to 1000000000, was 1.0E308",
                        "p.json:5: dualAccessPct must be from 0 to 1000, was -5",
                        "p.json:8: accessTiers[1].accessNrc is missing",
                        "p.json:8: accessTiers[1].upToMbps must be above the one before (100.0), was 50.0");
        for (String currency : List.of("{}", "12", "\"\"", "\"euro\"")) {
            assertThat(problems(() ->
                            PriceBookFile.read(new StringReader("{\"currency\": " + currency + "}"), "p.json", false)))
                    .singleElement()
                    .satisfies(q -> assertThat(q.message()).startsWith("currency must be an ISO 4217 code"));
        }
    }

    @Test
    void yamlPriceBooksWithADuplicateKeyOrASecondDocumentAreRefused() throws Exception {
        String duplicate = "currency: EUR\ntermMonths: 36\ncurrency: USD\n";
        assertThat(problems(() -> PriceBookFile.read(new StringReader(duplicate), "p.yaml", true)))
                .singleElement()
                .satisfies(q -> {
                    assertThat(q.line()).isEqualTo(3);
                    assertThat(q.message()).contains("Duplicate field 'currency'");
                });
        String twoDocuments = "currency: EUR\n---\ncurrency: USD\n";
        assertThat(problems(() -> PriceBookFile.read(new StringReader(twoDocuments), "p.yaml", true)))
                .singleElement()
                .satisfies(q -> assertThat(q.line()).isBetween(2, 3));
        PriceBook ok = PriceBookFile.read(new StringReader("currency: USD\ntermMonths: 24\n"), "p.yaml", true);
        assertThat(ok.currency()).isEqualTo("USD");
        assertThat(ok.termMonths()).isEqualTo(24);
    }

    // ---- numbers

    @Test
    void hugeCapacitiesLengthsSpeedsAndDemandsAreRefused() throws Exception {
        Path graphml = Files.writeString(dir.resolve("big.graphml"), """
                <?xml version="1.0" encoding="utf-8"?>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
                  <key attr.name="LinkSpeedRaw" attr.type="double" for="edge" id="d1" />
                  <graph edgedefault="undirected">
                    <node id="0" />
                    <node id="1" />
                    <edge source="0" target="1"><data key="d1">1e308</data></edge>
                  </graph>
                </graphml>
                """);
        assertThat(problems(() -> NetworkFiles.withDefaults().read(graphml)))
                .singleElement()
                .satisfies(q -> {
                    assertThat(q.line()).isEqualTo(7);
                    assertThat(q.message()).startsWith("capacityGbps must be a number from 0 to 1000000");
                });
        Path txt = Files.writeString(
                dir.resolve("big.txt"),
                SNDLIB.replace("D1 ( A B ) 1 5.00", "D1 ( A B ) 1 1e308")
                        .replace("( 40.00 100.00 )", "( 1e308 100.00 )"));
        assertThat(problems(() -> NetworkFiles.withDefaults().read(txt)))
                .extracting(InputProblem::toString)
                .containsExactly(
                        txt + ":10: module must be from 0 to 1000000000000, was '1e308'",
                        txt + ":14: demand value must be from 0 to 1000000000000, was '1e308'");
        Network sparse = BuiltinNetworks.load("sparse").orElseThrow();
        String from = sparse.pops().get(0).id().value();
        String to = sparse.pops().get(1).id().value();
        assertThat(problems(() -> DemandCsvReader.read(
                        new StringReader("from,to,gbps\n" + from + "," + to + ",1e308\n"), "tm.csv", sparse)))
                .singleElement()
                .satisfies(q -> assertThat(q.message()).startsWith("gbps must be above 0 and at most 1000000"));
    }

    @Test
    void siteBandwidthsOutsideTheAccessRangeAreRefusedAndTinyOnesToo() {
        String header = "id,name,city,country,lat,lon,role,bandwidthMbps,realtimePct,businessPct,resilience\n";
        for (String mbps : List.of("1e308", "1e-300", "900000")) {
            assertThat(problems(() -> SiteCsvReader.read(
                            new StringReader(header + "a,A,,,48.85,2.35,hub," + mbps + ",,,\n"), "s.csv")))
                    .singleElement()
                    .hasToString("s.csv:2: bandwidthMbps must be from 0.064 (64 kbit/s) to 800000 (800 Gbit/s), was "
                            + Double.parseDouble(mbps));
        }
    }

    // ---- Topology Zoo

    @Test
    void zooSelfLoopsAreDroppedWithAWarningAndParallelEdgesKept() throws Exception {
        Path f = Files.writeString(dir.resolve("loops.graphml"), """
                <?xml version="1.0" encoding="utf-8"?>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
                  <graph edgedefault="undirected">
                    <node id="0" />
                    <node id="1" />
                    <edge source="0" target="1" />
                    <edge source="1" target="1" />
                    <edge source="0" target="1" />
                  </graph>
                </graphml>
                """);
        List<InputProblem> warnings = new ArrayList<>();
        Network n = NetworkFiles.withDefaults().onWarning(warnings::add).read(f);
        assertThat(n.spans()).hasSize(2);
        assertThat(warnings).singleElement().hasToString(f + ":7: warning: self-loop at node '1' dropped");
    }

    // ---- helpers

    @FunctionalInterface
    interface Read {
        Object read() throws Exception;
    }

    private static List<InputProblem> problems(Read read) {
        InputException e = catchThrowableOfType(InputException.class, read::read);
        assertThat(e).as("must be refused").isNotNull();
        return e.problems();
    }

    private static byte[] insert(byte[] in, int at, byte[] what) {
        return concat(concat(java.util.Arrays.copyOf(in, at), what), java.util.Arrays.copyOfRange(in, at, in.length));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
