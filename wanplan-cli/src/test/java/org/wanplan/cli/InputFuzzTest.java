package org.wanplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wanplan.io.NetworkFiles;
import org.wanplan.io.builtin.BuiltinNetworks;
import org.wanplan.io.csv.DemandCsvReader;
import org.wanplan.io.input.InputException;
import org.wanplan.io.input.InputProblem;
import org.wanplan.io.input.TextInput;
import org.wanplan.io.sites.SiteCsvReader;
import org.wanplan.io.sndlib.SndlibModelReader;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.Site;
import org.wanplan.model.Span;

/**
 * Seeded mutations of real input files through every reader, the way the command line reads them. A
 * case passes when the file is accepted, or refused with problems that each name the file and a line;
 * it fails on any other exception (what a user would see as a stack trace) or when it takes over ten
 * seconds. The seed is random per run and printed; {@code -Dwanplan.fuzz.seed=S} repeats a run and
 * {@code -Dwanplan.fuzz.cases=N} sets the cases per reader (default 200).
 */
class InputFuzzTest {
    private static final long SEED = Long.getLong("wanplan.fuzz.seed", new Random().nextLong());
    private static final int CASES = Integer.getInteger("wanplan.fuzz.cases", 200);
    private static final long LIMIT_NANOS = 10_000_000_000L;
    private static final Map<String, int[]> FIGURES = new TreeMap<>();

    @TempDir
    static Path dir;

    static Network sparse;

    @BeforeAll
    static void load() {
        sparse = BuiltinNetworks.load("sparse").orElseThrow();
        System.out.println("InputFuzzTest seed " + SEED + " (-Dwanplan.fuzz.seed=" + SEED + " repeats it)");
    }

    @AfterAll
    static void figures() {
        FIGURES.forEach((reader, f) -> System.out.printf(
                Locale.ROOT, "fuzz %-16s %5d cases %5d accepted %5d clean errors%n", reader, f[0], f[1], f[2]));
    }

    /** How one reader reads a file, as the command line does. */
    @FunctionalInterface
    interface Read {
        void read(Path file) throws Exception;
    }

    // ------------------------------------------------------------------------------------------ readers

    @Test
    void networkJson() throws Exception {
        Path seed = dir.resolve("seed-sparse.json");
        NetworkFiles.withDefaults().write(sparse, seed);
        Path zoo = shared("topologyzoo/graphml/Geant2012.graphml");
        List<byte[]> seeds = new ArrayList<>(List.of(Files.readAllBytes(seed)));
        if (zoo != null) {
            Path geant = dir.resolve("seed-geant.json");
            NetworkFiles.withDefaults().write(NetworkFiles.withDefaults().read(zoo), geant);
            seeds.add(Files.readAllBytes(geant));
        }
        fuzz("network.json", seeds, "net.json", f -> NetworkFiles.withDefaults().read(f));
    }

    @Test
    void graphml() throws Exception {
        fuzz(
                "graphml",
                sharedFiles("topologyzoo/graphml", ".graphml", 25),
                "net.graphml",
                f -> NetworkFiles.withDefaults().read(f));
    }

    @Test
    void csvNetwork() throws Exception {
        Path pops = dir.resolve("csv-seed/pops.csv");
        NetworkFiles.withDefaults().write(sparse, pops);
        for (String part : List.of("pops.csv", "spans.csv", "srlgs.csv")) {
            Path target = dir.resolve("csv-" + part);
            Files.createDirectories(target);
            for (String other : List.of("pops.csv", "spans.csv", "srlgs.csv")) {
                Files.copy(
                        dir.resolve("csv-seed").resolve(other),
                        target.resolve(other),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            fuzz(
                    "csv " + part,
                    List.of(Files.readAllBytes(pops.resolveSibling(part))),
                    "csv-" + part + "/" + part,
                    f -> NetworkFiles.withDefaults().read(f.resolveSibling("pops.csv")));
        }
    }

    @Test
    void sndlibNative() throws Exception {
        fuzz(
                "sndlib native",
                sharedFiles("sndlib/native", ".txt", 12, p -> !p.toString().contains("models")),
                "net.txt",
                f -> NetworkFiles.withDefaults().readSndlib(f));
    }

    @Test
    void sndlibXml() throws Exception {
        fuzz(
                "sndlib xml",
                sharedFiles("sndlib/xml", ".xml", 12, p -> !p.toString().contains("models")),
                "net.xml",
                f -> NetworkFiles.withDefaults().readSndlib(f));
    }

    @Test
    void sndlibModel() throws Exception {
        fuzz(
                "sndlib model",
                sharedFiles("sndlib/native", ".txt", 12, p -> p.toString().contains("models")),
                "model.txt",
                f -> {
                    try (Reader in = TextInput.reader(f)) {
                        SndlibModelReader.read(in, f.toString(), "model");
                    }
                });
    }

    @Test
    void siteCsv() throws Exception {
        fuzz("sites.csv", sampleSites(), "sites.csv", f -> Designs.sites(f, java.util.Optional.empty()));
    }

    /**
     * Workbooks made from the samples, mutated inside the archive (the sheet's XML or its shared strings, by
     * the same text mutations) or as bytes: accepted, or every problem located at a cell ({@code Sites!H7}) or,
     * for a workbook that does not open at all, said of the whole file.
     */
    @Test
    void siteWorkbook() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        for (byte[] csv : sampleSites()) {
            seeds.add(org.wanplan.io.sites.Workbooks.fromCsv("Sites", new String(csv, StandardCharsets.UTF_8)));
        }
        fuzz(
                "sites.xlsx",
                seeds,
                "sites.xlsx",
                f -> Designs.sites(f, java.util.Optional.empty()),
                InputFuzzTest::mutateWorkbook,
                p -> p.line() >= 1
                        ? !p.cell().isEmpty()
                        : p.cell().isEmpty() || !p.cell().contains("!"));
    }

    /** One entry of the workbook (a sheet or the shared strings) mutated as text, or the archive's bytes. */
    static byte[] mutateWorkbook(byte[] in, int kind, Random r) {
        if (r.nextInt(6) == 0) {
            return mutate(in, kind, r);
        }
        String target = r.nextBoolean() ? "xl/worksheets/sheet1.xml" : "xl/sharedStrings.xml";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (var zin = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(in));
                var zout = new java.util.zip.ZipOutputStream(out)) {
            for (var e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
                byte[] data = zin.readAllBytes();
                if (e.getName().equals(target)) {
                    // the XML as lines, one element a line, so that line mutations cut elements
                    String xml = new String(data, StandardCharsets.UTF_8).replace("><", ">\n<");
                    data = mutate(xml.getBytes(StandardCharsets.UTF_8), kind, r);
                }
                zout.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                zout.write(data);
                zout.closeEntry();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Test
    void siteJson() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        for (byte[] csv : sampleSites()) {
            List<Site> sites =
                    SiteCsvReader.read(new java.io.StringReader(new String(csv, StandardCharsets.UTF_8)), "sample.csv");
            ArrayNode array = new ObjectMapper().createArrayNode();
            for (Site s : sites.subList(0, Math.min(40, sites.size()))) {
                ObjectNode o = array.addObject();
                o.put("id", s.id());
                o.put("name", s.name());
                o.put("lat", s.location().latitude());
                o.put("lon", s.location().longitude());
                o.put("role", s.role().name().toLowerCase(Locale.ROOT));
                o.put("bandwidthMbps", s.bandwidthMbps());
                o.put("realtimePct", s.realtimePct());
                o.put("businessPct", s.businessPct());
                o.put("resilience", s.resilience().label());
            }
            seeds.add(new ObjectMapper()
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(array)
                    .getBytes(StandardCharsets.UTF_8));
        }
        fuzz("sites.json", seeds, "sites.json", f -> Designs.sites(f, java.util.Optional.empty()));
    }

    @Test
    void demandCsv() throws Exception {
        StringBuilder csv = new StringBuilder("from,to,gbps,class,id\n");
        List<Pop> pops = sparse.pops();
        String[] classes = {"realtime", "business", "best-effort"};
        for (int i = 0; i < 60; i++) {
            Pop a = pops.get(i % pops.size());
            Pop b = pops.get((i * 7 + 3) % pops.size());
            if (!a.equals(b)) {
                csv.append(String.format(
                        Locale.ROOT,
                        "%s,%s,%.2f,%s,d%d%n",
                        a.id().value(),
                        b.id().value(),
                        0.5 + i,
                        classes[i % 3],
                        i));
            }
        }
        fuzz("demands.csv", List.of(csv.toString().getBytes(StandardCharsets.UTF_8)), "demands.csv", f -> {
            try (Reader in = TextInput.reader(f)) {
                DemandCsvReader.read(in, f.toString(), sparse);
            }
        });
    }

    @Test
    void priceBook() throws Exception {
        String json = """
                {
                  "currency": "EUR",
                  "termMonths": 36,
                  "accessTiers": [
                    {"upToMbps": 100, "accessMrc": 350, "portMrc": 150, "accessNrc": 750},
                    {"upToMbps": 1000, "accessMrc": 700, "portMrc": 300, "accessNrc": 1500}
                  ],
                  "offNetBands": [{"upToKm": 10, "mrc": 100, "nrc": 500}, {"upToKm": 100, "mrc": 300, "nrc": 900}],
                  "realtimeUpliftPct": 25,
                  "businessUpliftPct": 10,
                  "dualAccessPct": 60,
                  "popDiversePct": 90,
                  "srlgDiversePct": 120,
                  "managementMrc": 45,
                  "installNrc": 1500
                }
                """;
        String yaml = """
                currency: EUR
                termMonths: 36
                accessTiers:
                  - {upToMbps: 100, accessMrc: 350, portMrc: 150, accessNrc: 750}
                  - upToMbps: 1000
                    accessMrc: 700
                    portMrc: 300
                    accessNrc: 1500
                offNetBands: [{upToKm: 10, mrc: 100, nrc: 500}]
                realtimeUpliftPct: 25
                managementMrc: 45
                installNrc: 1500
                """;
        fuzz("pricebook.json", List.of(json.getBytes(StandardCharsets.UTF_8)), "prices.json", Designs::priceBook);
        fuzz("pricebook.yaml", List.of(yaml.getBytes(StandardCharsets.UTF_8)), "prices.yaml", Designs::priceBook);
    }

    @Test
    void partnerBook() throws Exception {
        String json = """
                {
                  "default": {"name": "local partner", "mttrHours": 15},
                  "countries": {
                    "GB": {"name": "Openreach", "mttrHours": 15},
                    "DE": {"name": "Deutsche Telekom", "availabilityPct": 99.9}
                  }
                }
                """;
        String yaml = """
                default: {name: local partner, mttrHours: 15}
                countries:
                  GB: {name: Openreach, mttrHours: 15}
                  DE:
                    name: Deutsche Telekom
                    availabilityPct: 99.9
                """;
        fuzz("partnerbook.json", List.of(json.getBytes(StandardCharsets.UTF_8)), "partners.json", Designs::partnerBook);
        fuzz("partnerbook.yaml", List.of(yaml.getBytes(StandardCharsets.UTF_8)), "partners.yaml", Designs::partnerBook);
    }

    @Test
    void costBook() throws Exception {
        String json = """
                {
                  "currency": "EUR",
                  "ownTiers": [
                    {"upToMbps": 100, "accessMrc": 100, "accessNrc": 400, "portMrc": 30},
                    {"upToMbps": 1000, "accessMrc": 200, "accessNrc": 600, "portMrc": 60}
                  ],
                  "managementMrc": 20,
                  "installNrc": 500,
                  "backboneMrcPerGbpsKm": 0.0125,
                  "partners": {
                    "default": [{"upToMbps": 1000, "mrc": 300, "nrc": 1000, "mrcPerKm": 2}],
                    "GB": [{"upToMbps": 100, "mrc": 150, "nrc": 800}]
                  }
                }
                """;
        String yaml = """
                currency: EUR
                ownTiers:
                  - {upToMbps: 100, accessMrc: 100, accessNrc: 400, portMrc: 30}
                  - upToMbps: 1000
                    accessMrc: 200
                    accessNrc: 600
                    portMrc: 60
                managementMrc: 20
                installNrc: 500
                nearNetBuildPerKm: 30000
                partners:
                  default: [{upToMbps: 1000, mrc: 300, nrc: 1000, mrcPerKm: 2}]
                  GB:
                    - {upToMbps: 100, mrc: 150, nrc: 800}
                """;
        fuzz("costbook.json", List.of(json.getBytes(StandardCharsets.UTF_8)), "costs.json", Designs::costBook);
        fuzz("costbook.yaml", List.of(yaml.getBytes(StandardCharsets.UTF_8)), "costs.yaml", Designs::costBook);
    }

    @Test
    void rttTargets() throws Exception {
        String json = """
                {"bands": [
                  {"upToKm": 1000, "realtimeMs": 30, "businessMs": 50, "bestEffortMs": 2000},
                  {"upToKm": 4000, "realtimeMs": 45, "businessMs": 70, "bestEffortMs": 2000},
                  {"realtimeMs": 90, "businessMs": 110, "bestEffortMs": 2000}
                ]}
                """;
        String yaml = """
                bands:
                  - {upToKm: 1000, realtimeMs: 30, businessMs: 50, bestEffortMs: 2000}
                  - upToKm: 4000
                    realtimeMs: 45
                    businessMs: 70
                    bestEffortMs: 2000
                  - {realtimeMs: 90, businessMs: 110, bestEffortMs: 2000}
                """;
        fuzz("rtt.json", List.of(json.getBytes(StandardCharsets.UTF_8)), "rtt.json", Designs::rttTargets);
        fuzz("rtt.yaml", List.of(yaml.getBytes(StandardCharsets.UTF_8)), "rtt.yaml", Designs::rttTargets);
    }

    @Test
    void scenarioFile() throws Exception {
        StringBuilder s = new StringBuilder("# scenarios on sparse\n\n");
        List<Span> spans = sparse.spans();
        for (int i = 0; i + 1 < spans.size() && i < 40; i++) {
            s.append("two cuts ")
                    .append(i)
                    .append(": span:")
                    .append(spans.get(i).id().value())
                    .append(", span:")
                    .append(spans.get(i + 1).id().value())
                    .append(i % 5 == 0 ? ", pop:" + sparse.pops().get(i).id().value() : "")
                    .append('\n');
        }
        fuzz(
                "scenarios.txt",
                List.of(s.toString().getBytes(StandardCharsets.UTF_8)),
                "scenarios.txt",
                f -> ScenarioFile.read(f, sparse));
    }

    // ------------------------------------------------------------------------------------------ the engine

    private static final String[] NUMBERS = {
        "NaN",
        "-1",
        "1e308",
        "",
        "-0",
        "1e-300",
        "Infinity",
        "99999999999999999999999",
        "0x10",
        "1,5",
        "-1e308",
        "0",
        "1" + "0".repeat(400)
    };
    private static final String[] UNICODE = {"\u2028", "\u0000", "\uFEFF", "é", "😀", "\u0007", "\u0301", "\u202E", "\t"
    };
    private static final byte[][] INVALID_UTF8 = {
        {(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF0, (byte) 0x9F}
    };
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    /** How a seed is mutated: the {@code kind}-th of the mutations, drawn with {@code r}. */
    @FunctionalInterface
    interface Mutation {
        byte[] apply(byte[] in, int kind, Random r);
    }

    private void fuzz(String reader, List<byte[]> seeds, String name, Read read) throws IOException {
        fuzz(reader, seeds, name, read, InputFuzzTest::mutate, p -> p.line() >= 1);
    }

    private void fuzz(
            String reader,
            List<byte[]> seeds,
            String name,
            Read read,
            Mutation mutation,
            java.util.function.Predicate<InputProblem> located)
            throws IOException {
        assumeTrue(!seeds.isEmpty(), "no seed files for " + reader);
        Random random = new Random(SEED ^ reader.hashCode());
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] original = seeds.get(random.nextInt(seeds.size()));
            int kind = random.nextInt(12);
            byte[] mutated = mutation.apply(original, kind, random);
            Files.write(file, mutated);
            String label = reader + " case " + i + " (mutation " + kind + ")";
            long start = System.nanoTime();
            java.io.ByteArrayOutputStream stderr = new java.io.ByteArrayOutputStream();
            java.io.PrintStream realErr = System.err;
            System.setErr(new java.io.PrintStream(stderr, true, StandardCharsets.UTF_8));
            try {
                read.read(file);
                accepted++;
            } catch (InputException e) {
                refused++;
                for (InputProblem p : e.problems()) {
                    if (!p.file().equals(file.toString())
                            && !p.file().startsWith(file.getParent().toString())) {
                        failures.add(label + ": problem names another file: " + p);
                    } else if (!located.test(p)) {
                        failures.add(label + ": problem without a line or cell: " + p);
                    }
                }
            } catch (CliFailure e) {
                refused++;
                List<String> lines = e.lines();
                for (String line : lines.subList(0, Math.max(0, lines.size() - 1))) {
                    if (!line.matches(Pattern.quote(file.toString()) + ":\\d+: .*")) {
                        failures.add(label + ": not file:line: " + line);
                    }
                }
            } catch (Throwable t) {
                StringWriter trace = new StringWriter();
                t.printStackTrace(new PrintWriter(trace));
                failures.add(label + ": "
                        + trace.toString()
                                .lines()
                                .limit(8)
                                .reduce((a, b) -> a + "\n  " + b)
                                .orElse(""));
            } finally {
                System.setErr(realErr);
            }
            if (stderr.size() > 0) {
                failures.add(label + ": wrote to stderr: "
                        + stderr.toString(StandardCharsets.UTF_8).strip());
            }
            long took = System.nanoTime() - start;
            if (took > LIMIT_NANOS) {
                failures.add(label + ": took " + took / 1_000_000 + " ms");
            }
        }
        FIGURES.put(reader, new int[] {CASES, accepted, refused});
        assertThat(failures)
                .as(
                        "%s: %d of %d cases failed; seed %d (-Dwanplan.fuzz.seed=%d)",
                        reader, failures.size(), CASES, SEED, SEED)
                .isEmpty();
    }

    static byte[] mutate(byte[] in, int kind, Random r) {
        List<String> lines =
                new ArrayList<>(new String(in, StandardCharsets.UTF_8).lines().toList());
        switch (kind) {
            case 0: // truncate
                return java.util.Arrays.copyOf(in, r.nextInt(in.length + 1));
            case 1: // delete a line
                if (!lines.isEmpty()) {
                    lines.remove(r.nextInt(lines.size()));
                }
                return join(lines);
            case 2: // duplicate a line
                if (!lines.isEmpty()) {
                    int i = r.nextInt(lines.size());
                    lines.add(i, lines.get(i));
                }
                return join(lines);
            case 3: { // flip bytes
                byte[] out = in.clone();
                for (int n = 1 + r.nextInt(8); n > 0 && out.length > 0; n--) {
                    out[r.nextInt(out.length)] ^= (byte) (1 + r.nextInt(255));
                }
                return out;
            }
            case 4: { // a number becomes something else
                String text = new String(in, StandardCharsets.UTF_8);
                Matcher m = NUMBER.matcher(text);
                List<int[]> spans = new ArrayList<>();
                while (m.find()) {
                    spans.add(new int[] {m.start(), m.end()});
                }
                StringBuilder b = new StringBuilder(text);
                for (int n = 1 + r.nextInt(3); n > 0 && !spans.isEmpty(); n--) {
                    int[] s = spans.remove(r.nextInt(spans.size()));
                    if (s[1] <= b.length()) {
                        b.replace(s[0], s[1], NUMBERS[r.nextInt(NUMBERS.length)]);
                    }
                }
                return b.toString().getBytes(StandardCharsets.UTF_8);
            }
            case 5: { // unicode or NUL somewhere
                String text = new String(in, StandardCharsets.UTF_8);
                int at = r.nextInt(text.length() + 1);
                while (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))) {
                    at--;
                }
                return (text.substring(0, at) + UNICODE[r.nextInt(UNICODE.length)] + text.substring(at))
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 6: // a byte-order mark
                return concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, in);
            case 7: { // binary
                byte[] out = new byte[r.nextInt(4096)];
                r.nextBytes(out);
                return out;
            }
            case 8: // swap two lines
                if (lines.size() > 1) {
                    java.util.Collections.swap(lines, r.nextInt(lines.size()), r.nextInt(lines.size()));
                }
                return join(lines);
            case 9: { // an invalid UTF-8 sequence
                int at = r.nextInt(in.length + 1);
                byte[] bad = INVALID_UTF8[r.nextInt(INVALID_UTF8.length)];
                return concat(
                        concat(java.util.Arrays.copyOf(in, at), bad), java.util.Arrays.copyOfRange(in, at, in.length));
            }
            case 10: // empty
                return new byte[0];
            default: { // delete a range
                if (in.length == 0) {
                    return in;
                }
                int at = r.nextInt(in.length);
                int end = Math.min(in.length, at + 1 + r.nextInt(200));
                return concat(java.util.Arrays.copyOf(in, at), java.util.Arrays.copyOfRange(in, end, in.length));
            }
        }
    }

    private static byte[] join(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    // ------------------------------------------------------------------------------------------ seeds

    private static Path sharedRoot() {
        String configured = System.getProperty("wanplan.shared.data", System.getenv("WANPLAN_SHARED_DATA"));
        return (configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data")).toAbsolutePath();
    }

    private static Path shared(String relative) {
        Path p = sharedRoot().resolve(relative);
        return Files.exists(p) ? p : null;
    }

    private static List<byte[]> sharedFiles(String folder, String ext, int max) throws IOException {
        return sharedFiles(folder, ext, max, p -> true);
    }

    /** Up to {@code max} files of {@code folder} ending in {@code ext}, spread evenly over their sorted list. */
    private static List<byte[]> sharedFiles(String folder, String ext, int max, java.util.function.Predicate<Path> keep)
            throws IOException {
        Path root = shared(folder);
        if (root == null) {
            return List.of();
        }
        List<Path> all;
        try (Stream<Path> s = Files.walk(root)) {
            all = s.filter(p -> p.toString().endsWith(ext) && keep.test(p) && sizeBelow(p, 600_000))
                    .sorted()
                    .toList();
        }
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < Math.min(max, all.size()); i++) {
            out.add(Files.readAllBytes(all.get(i * all.size() / Math.min(max, all.size()))));
        }
        return out;
    }

    private static boolean sizeBelow(Path p, long bytes) {
        try {
            return Files.size(p) < bytes;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<byte[]> sampleSites() throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (String name : List.of("french-retailer", "euro-manufacturer")) {
            try (InputStream in = InputFuzzTest.class.getResourceAsStream(DemoCommand.SAMPLES + name + ".csv")) {
                out.add(in.readAllBytes());
            }
        }
        return out;
    }
}
