package org.wanplan.server;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.wanplan.io.NetworkFiles;
import org.wanplan.io.builtin.BuiltinNetworks;
import org.wanplan.io.input.ImportOptions;
import org.wanplan.io.input.InputException;
import org.wanplan.io.input.InputProblem;
import org.wanplan.io.json.JsonNetworkReader;
import org.wanplan.io.json.JsonNetworkWriter;
import org.wanplan.model.Network;
import org.wanplan.store.Database;

/**
 * The networks the server knows: the built-in ones and those imported by upload (kept in the database
 * as wanplan JSON, so they survive a restart). Every known network's spans are registered with their
 * capacity, so orders can reserve on them.
 */
final class NetworkCatalog {
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    /** Upload formats: the query parameter value → the file extension the importer recognises. */
    static final Map<String, String> FORMATS = Map.of("json", ".json", "graphml", ".graphml", "sndlib", ".txt");

    private final Database db;
    private final Map<String, Network> networks = new ConcurrentHashMap<>();

    NetworkCatalog(Database db) {
        this.db = db;
        for (BuiltinNetworks.Entry e : BuiltinNetworks.list()) {
            add(BuiltinNetworks.load(e.name()).orElseThrow());
        }
        for (Map.Entry<String, String> stored : db.networks().all()) {
            add(read(stored.getKey(), stored.getValue()));
        }
    }

    private void add(Network n) {
        db.reservations().register(n);
        networks.put(n.name(), n);
    }

    private static Network read(String name, String json) {
        try {
            return new JsonNetworkReader(ImportOptions.defaults()).read(new StringReader(json), name + ".json");
        } catch (IOException | InputException e) {
            throw new IllegalStateException("stored network " + name + " does not read", e);
        }
    }

    /**
     * The network called {@code name}; one this server has not seen is looked for in the database, where
     * another server on the same database may have imported it (its spans registered in that import).
     */
    Optional<Network> find(String name) {
        Network known = networks.get(name);
        if (known != null || !NAME.matcher(name).matches()) {
            return Optional.ofNullable(known);
        }
        return db.networks().find(name).map(json -> networks.computeIfAbsent(name, n -> read(n, json)));
    }

    Network get(String name) {
        return find(name).orElseThrow(() -> ApiProblem.notFound("network '" + name + "'"));
    }

    List<Network> all() {
        for (String name : db.networks().names()) {
            find(name); // imported through another server on this database
        }
        return networks.values().stream()
                .sorted(Comparator.comparing(Network::name))
                .toList();
    }

    boolean builtin(String name) {
        return BuiltinNetworks.exists(name);
    }

    /**
     * Imports {@code body} in {@code format} as network {@code name}: read with the same importers as the
     * command line (every problem reported with its line), stored as wanplan JSON, spans registered, all
     * in one transaction. Nothing is kept when anything fails.
     */
    synchronized Network importNetwork(String actor, String name, String format, byte[] body) {
        if (networks.containsKey(name) || db.networks().exists(name)) {
            throw new ApiProblem(
                    ProblemCode.NETWORK_EXISTS, "network '" + name + "' exists already; choose another name");
        }
        String ext = FORMATS.get(format);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("wanplan-upload");
            Path file = dir.resolve(name + ext);
            Files.write(file, body);
            Network n;
            try {
                n = NetworkFiles.with(ImportOptions.defaults())
                        .onWarning(w -> org.slf4j.LoggerFactory.getLogger(NetworkCatalog.class)
                                .warn(
                                        "import of {} by {}: {}",
                                        name,
                                        actor,
                                        fieldError(w, file).detail()))
                        .read(file)
                        .withName(name);
            } catch (InputException e) {
                throw new ApiProblem(
                        ProblemCode.INVALID_NETWORK,
                        e.problems().size() + " problem(s) in the uploaded " + format + " file",
                        e.problems().stream().map(p -> fieldError(p, file)).toList());
            }
            StringWriter json = new StringWriter();
            new JsonNetworkWriter().write(n, json);
            db.transaction(tx -> {
                tx.networks().save(actor, name, json.toString());
                tx.reservations().register(n);
                return null;
            });
            networks.put(name, n);
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    private static ApiProblem.FieldError fieldError(InputProblem p, Path file) {
        String where = p.line() > 0 ? "line " + p.line() : "file";
        return new ApiProblem.FieldError(where, p.message().replace(file.toString(), "body"));
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }

    static String formatOf(String contentType) {
        String t = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (t.contains("json")) {
            return "json";
        }
        if (t.contains("xml") || t.contains("graphml")) {
            return "graphml";
        }
        return null;
    }
}
