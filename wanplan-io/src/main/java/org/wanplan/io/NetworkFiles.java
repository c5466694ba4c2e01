package org.wanplan.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wanplan.io.csv.CsvFiles;
import org.wanplan.io.csv.CsvNetworkReader;
import org.wanplan.io.csv.CsvNetworkWriter;
import org.wanplan.io.graphml.GraphmlReader;
import org.wanplan.io.graphml.GraphmlWriter;
import org.wanplan.io.input.ImportOptions;
import org.wanplan.io.input.InputException;
import org.wanplan.io.input.TextInput;
import org.wanplan.io.json.GeoJsonWriter;
import org.wanplan.io.json.JsonNetworkReader;
import org.wanplan.io.json.JsonNetworkWriter;
import org.wanplan.io.sndlib.SndlibNativeReader;
import org.wanplan.io.sndlib.SndlibXmlReader;
import org.wanplan.model.Network;
import org.wanplan.model.sndlib.SndlibNetwork;

/**
 * The one entry point for network files: read any supported format, write by extension.
 *
 * <p>Writes are all-or-nothing: every output file is written to a temporary file beside it and moved
 * into place only when all of them are complete, so a failure leaves no partial output.
 */
public final class NetworkFiles {
    private final ImportOptions options;
    private final java.util.function.Consumer<org.wanplan.io.input.InputProblem> warnings;

    private NetworkFiles(
            ImportOptions options, java.util.function.Consumer<org.wanplan.io.input.InputProblem> warnings) {
        this.options = options;
        this.warnings = warnings;
    }

    public static NetworkFiles with(ImportOptions options) {
        return new NetworkFiles(options, w -> {});
    }

    /** The same, handing what a file lets pass with a warning (a self-loop dropped) to {@code sink}. */
    public NetworkFiles onWarning(java.util.function.Consumer<org.wanplan.io.input.InputProblem> sink) {
        return new NetworkFiles(options, sink);
    }

    /**
     * A NETWORK argument as the command lines take it: the file at that path when one exists (read with
     * these options), else the built-in network of that name.
     *
     * @throws java.nio.file.NoSuchFileException when it is neither, naming the built-in networks
     */
    public Network fileOrBuiltin(String nameOrFile) throws IOException, InputException {
        Path path = Path.of(nameOrFile);
        if (java.nio.file.Files.exists(path)) {
            return read(path);
        }
        java.util.Optional<Network> builtin = org.wanplan.io.builtin.BuiltinNetworks.load(nameOrFile);
        if (builtin.isEmpty()) {
            throw new java.nio.file.NoSuchFileException(
                    nameOrFile,
                    null,
                    "no such file, and not a built-in network ("
                            + org.wanplan.io.builtin.BuiltinNetworks.list().stream()
                                    .map(org.wanplan.io.builtin.BuiltinNetworks.Entry::name)
                                    .collect(java.util.stream.Collectors.joining(", "))
                            + ")");
        }
        return builtin.get();
    }

    public static NetworkFiles withDefaults() {
        return with(ImportOptions.defaults());
    }

    /** Reads the network at {@code path}, recognising its format; see {@link NetworkFormat#detect}. */
    public Network read(Path path) throws IOException, InputException {
        NetworkFormat format = NetworkFormat.detect(requireExists(path))
                .orElseThrow(() -> InputException.of(
                        path.toString(),
                        1,
                        "unknown network format: expected .json, .graphml, .csv (pops.csv + spans.csv), or an"
                                + " SNDlib native (.txt) or XML file"));
        return switch (format) {
            case JSON -> {
                try (Reader in = TextInput.reader(path)) {
                    yield new JsonNetworkReader(options).read(in, path.toString());
                }
            }
            case GRAPHML -> {
                try (InputStream in = TextInput.xml(path)) {
                    GraphmlReader reader = new GraphmlReader(options);
                    Network n = reader.read(in, path.toString(), stem(path));
                    reader.warnings().forEach(warnings);
                    yield n;
                }
            }
            case CSV ->
                new CsvNetworkReader(options)
                        .read(CsvFiles.of(path)
                                .orElseThrow(() -> InputException.of(
                                        path.toString(),
                                        0,
                                        "a CSV network file must be named pops.csv, spans.csv or srlgs.csv"
                                                + " (optionally with a prefix such as euro-pops.csv)")));
            case SNDLIB_NATIVE, SNDLIB_XML -> readSndlib(path).network();
            case GEOJSON -> throw InputException.of(path.toString(), 0, "GeoJSON is written, not read");
        };
    }

    /** Reads an SNDlib network file (native or XML) with its demands and module catalogues. */
    public SndlibNetwork readSndlib(Path path) throws IOException, InputException {
        NetworkFormat format = NetworkFormat.detect(requireExists(path)).orElse(NetworkFormat.JSON);
        String name = stem(path);
        if (format == NetworkFormat.SNDLIB_NATIVE) {
            try (Reader in = TextInput.reader(path)) {
                return new SndlibNativeReader(options).read(in, path.toString(), name);
            }
        }
        if (format == NetworkFormat.SNDLIB_XML) {
            try (InputStream in = TextInput.xml(path)) {
                return new SndlibXmlReader(options).read(in, path.toString(), name);
            }
        }
        throw InputException.of(
                path.toString(),
                1,
                "not an SNDlib network file: expected '?SNDlib native format; version: 1.0' on the first line, or"
                        + " an XML <network> document");
    }

    /**
     * Writes {@code network} to {@code path} in the format its extension names; for CSV, {@code path}
     * names one of the side-by-side files (see {@link CsvFiles}).
     *
     * @return the files written
     */
    public List<Path> write(Network network, Path path) throws IOException {
        NetworkFormat format = NetworkFormat.forOutput(path)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown output format for " + path + ": use .json, .geojson, .graphml or .csv"));
        Map<Path, Content> outputs = new LinkedHashMap<>();
        switch (format) {
            case JSON -> outputs.put(path, out -> new JsonNetworkWriter().write(network, out));
            case GEOJSON -> outputs.put(path, out -> new GeoJsonWriter().write(network, out));
            case GRAPHML -> outputs.put(path, out -> new GraphmlWriter().write(network, out));
            case CSV -> {
                CsvFiles files = CsvFiles.of(path)
                        .orElseThrow(() -> new IllegalArgumentException("a CSV network is written as pops.csv +"
                                + " spans.csv (+ srlgs.csv): name the output pops.csv or PREFIX-pops.csv, was "
                                + path));
                CsvNetworkWriter csv = new CsvNetworkWriter();
                outputs.put(files.pops(), out -> csv.writePops(network, out));
                outputs.put(files.spans(), out -> csv.writeSpans(network, out));
                if (!network.srlgs().isEmpty()) {
                    outputs.put(files.srlgs(), out -> csv.writeSrlgs(network, out));
                }
            }
            default -> throw new IllegalArgumentException(format + " cannot be written");
        }
        return writeAll(outputs);
    }

    /** Writes one text file all-or-nothing. */
    public static void writeAtomically(Path path, Content content) throws IOException {
        writeAll(Map.of(path, content));
    }

    /** Something that writes text. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private static List<Path> writeAll(Map<Path, Content> outputs) throws IOException {
        Map<Path, Path> temps = new LinkedHashMap<>();
        try {
            for (Map.Entry<Path, Content> e : outputs.entrySet()) {
                Path target = e.getKey().toAbsolutePath();
                Files.createDirectories(target.getParent());
                Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
                temps.put(e.getKey(), temp);
                readableByAll(temp);
                try (Writer out = new BufferedWriter(
                        new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8))) {
                    e.getValue().writeTo(out);
                }
            }
            for (Map.Entry<Path, Path> e : temps.entrySet()) {
                move(e.getValue(), e.getKey());
            }
            return new ArrayList<>(outputs.keySet());
        } finally {
            for (Path temp : temps.values()) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Temporary files are created owner-only; the finished file gets the usual rw-r--r--. */
    private static void readableByAll(Path temp) throws IOException {
        if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path requireExists(Path path) throws NoSuchFileException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such file or directory");
        }
        return path;
    }

    static String stem(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
