package org.wanplan.io.csv;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.wanplan.io.input.ImportOptions;
import org.wanplan.io.input.InputException;
import org.wanplan.io.input.Problems;
import org.wanplan.io.input.TextInput;
import org.wanplan.model.FibreLength;
import org.wanplan.model.GeoPoint;
import org.wanplan.model.LengthSource;
import org.wanplan.model.Network;
import org.wanplan.model.NetworkProblem;
import org.wanplan.model.Ownership;
import org.wanplan.model.Pop;
import org.wanplan.model.PopId;
import org.wanplan.model.Span;
import org.wanplan.model.SpanId;
import org.wanplan.model.Srlg;
import org.wanplan.model.SrlgId;
import org.wanplan.model.SrlgKind;

/**
 * Reads a network kept as CSV files side by side (see {@link CsvFiles} for how they are named):
 *
 * <pre>
 * pops.csv:   id,name,country,lat,lon,population        (only id required)
 * spans.csv:  id,a,b,lengthKm,lengthSource,capacityGbps,srlgs,submarine   (id, a, b required;
 *             srlgs separated by ';'; a missing lengthKm is estimated from the endpoints)
 * srlgs.csv:  id,kind,name                               (optional file)
 * </pre>
 */
public final class CsvNetworkReader {
    static final Set<String> POP_REQUIRED = Set.of("id");
    static final Set<String> POP_OPTIONAL = Set.of("name", "country", "lat", "lon", "population");
    static final Set<String> SPAN_REQUIRED = Set.of("id", "a", "b");
    static final Set<String> SPAN_OPTIONAL =
            Set.of("lengthKm", "lengthSource", "capacityGbps", "srlgs", "submarine", "ownership", "leaseEurPerMonth");
    static final Set<String> SRLG_REQUIRED = Set.of("id", "kind");
    static final Set<String> SRLG_OPTIONAL = Set.of("name");

    private final ImportOptions options;

    public CsvNetworkReader(ImportOptions options) {
        this.options = options;
    }

    public Network read(CsvFiles files) throws IOException, InputException {
        Problems pops = new Problems(files.pops().toString());
        Problems spans = pops.alongside(files.spans().toString(), NetworkProblem.Element.SPAN);
        Problems srlgs = pops.alongside(files.srlgs().toString(), NetworkProblem.Element.SRLG);
        if (!Files.isRegularFile(files.spans())) {
            throw InputException.of(
                    files.spans().toString(),
                    0,
                    "not found: a CSV network needs " + files.pops().getFileName() + " and "
                            + files.spans().getFileName() + " side by side");
        }
        CsvTable popTable = table(files.pops(), POP_REQUIRED, POP_OPTIONAL, pops);
        CsvTable spanTable = table(files.spans(), SPAN_REQUIRED, SPAN_OPTIONAL, spans);
        CsvTable srlgTable =
                Files.isRegularFile(files.srlgs()) ? table(files.srlgs(), SRLG_REQUIRED, SRLG_OPTIONAL, srlgs) : null;

        Network.Builder builder = Network.builder(files.networkName());
        // element lines are all recorded on the pops collector; alongside() tells it which file each kind is in
        Problems combined = pops;
        Map<String, GeoPoint> located = new LinkedHashMap<>();
        if (srlgTable != null) {
            for (CsvTable.Row row : srlgTable.rows()) {
                srlg(row, srlgs).ifPresent(g -> {
                    builder.srlg(g);
                    combined.srlgAt(row.line());
                });
            }
        }
        for (CsvTable.Row row : popTable.rows()) {
            pop(row, pops).ifPresent(p -> {
                builder.pop(p);
                combined.popAt(row.line());
                p.location().ifPresent(l -> located.put(p.id().value(), l));
            });
        }
        List<SrlgId> mentioned = new ArrayList<>();
        for (CsvTable.Row row : spanTable.rows()) {
            span(row, located, spans).ifPresent(s -> {
                builder.span(s);
                combined.spanAt(row.line());
                s.srlgs().forEach(mentioned::add);
            });
        }
        if (srlgTable == null) {
            // without srlgs.csv, each SRLG named in spans.csv is declared with kind "other"
            mentioned.stream().distinct().forEach(g -> {
                builder.srlg(new Srlg(g, SrlgKind.OTHER, g.value()));
                combined.srlgAt(0);
            });
        }
        return combined.build(builder);
    }

    private static CsvTable table(Path file, Set<String> required, Set<String> optional, Problems problems)
            throws IOException, InputException {
        try (Reader in = TextInput.reader(file)) {
            return CsvTable.read(in, required, optional, problems);
        }
    }

    private static Optional<Srlg> srlg(CsvTable.Row row, Problems problems) {
        Optional<SrlgKind> kind = SrlgKind.fromLabel(row.get("kind"));
        if (kind.isEmpty()) {
            problems.add(
                    row.line(),
                    "kind must be one of duct, corridor, submarine-cable, building, other, was '" + row.get("kind")
                            + "'");
        }
        if (!row.has("id")) {
            problems.add(row.line(), "id is missing");
        }
        if (kind.isEmpty()
                || !row.has("id")
                || problems.id(row.line(), "id", row.get("id")).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new Srlg(SrlgId.of(row.get("id")), kind.get(), row.has("name") ? row.get("name") : row.get("id")));
    }

    private static Optional<Pop> pop(CsvTable.Row row, Problems problems) {
        int line = row.line();
        if (!row.has("id")) {
            problems.add(line, "id is missing");
            return Optional.empty();
        }
        Optional<String> country = row.has("country") ? Optional.of(row.get("country")) : Optional.empty();
        country.flatMap(Pop::countryCodeProblem).ifPresent(m -> problems.add(line, m));
        Optional<GeoPoint> location = Optional.empty();
        if (row.has("lat") != row.has("lon")) {
            problems.add(line, "lat and lon must be given together");
        } else if (row.has("lat")) {
            OptionalDouble lat = problems.number(line, "lat", row.get("lat"));
            OptionalDouble lon = problems.number(line, "lon", row.get("lon"));
            if (lat.isPresent() && lon.isPresent()) {
                List<String> bad = GeoPoint.problems(lat.getAsDouble(), lon.getAsDouble());
                bad.forEach(m -> problems.add(line, m));
                if (bad.isEmpty()) {
                    location = Optional.of(new GeoPoint(lat.getAsDouble(), lon.getAsDouble()));
                }
            }
        }
        OptionalLong population = OptionalLong.empty();
        if (row.has("population")) {
            population = problems.integer(line, "population", row.get("population"));
            if (population.isPresent() && population.getAsLong() < 0) {
                problems.add(line, "population must be ≥ 0, was " + population.getAsLong());
                population = OptionalLong.empty();
            }
        }
        if (problems.id(line, "id", row.get("id")).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Pop(
                PopId.of(row.get("id")),
                row.has("name") ? row.get("name") : row.get("id"),
                country.filter(c -> Pop.countryCodeProblem(c).isEmpty()),
                location,
                population));
    }

    private Optional<Span> span(CsvTable.Row row, Map<String, GeoPoint> located, Problems problems) {
        int line = row.line();
        for (String column : List.of("id", "a", "b")) {
            if (!row.has(column)) {
                problems.add(line, column + " is missing");
            }
        }
        Optional<FibreLength> length = Optional.empty();
        if (row.has("lengthKm")) {
            OptionalDouble km = problems.number(line, "lengthKm", row.get("lengthKm"));
            Optional<LengthSource> source =
                    LengthSource.fromLabel(row.has("lengthSource") ? row.get("lengthSource") : "measured");
            if (source.isEmpty()) {
                problems.add(line, "lengthSource must be measured or estimated, was '" + row.get("lengthSource") + "'");
            }
            if (km.isPresent()) {
                Optional<String> bad = FibreLength.problem(km.getAsDouble());
                bad.ifPresent(m -> problems.add(line, m));
                if (bad.isEmpty() && source.isPresent()) {
                    length = Optional.of(new FibreLength(km.getAsDouble(), source.get()));
                }
            }
        } else if (located.containsKey(row.get("a")) && located.containsKey(row.get("b"))) {
            length = Optional.of(
                    FibreLength.estimated(located.get(row.get("a")), located.get(row.get("b")), options.routeFactor()));
        }
        double gbps = row.has("capacityGbps")
                ? problems.number(line, "capacityGbps", row.get("capacityGbps")).orElse(options.defaultCapacityGbps())
                : options.defaultCapacityGbps();
        Optional<String> badCapacity = Span.capacityProblem(gbps);
        badCapacity.ifPresent(m -> problems.add(line, m));
        String submarine = row.has("submarine") ? row.get("submarine") : "false";
        if (!submarine.equals("true") && !submarine.equals("false")) {
            problems.add(line, "submarine must be true or false, was '" + submarine + "'");
        }
        Ownership ownership = Ownership.parse(
                row.has("ownership") ? row.get("ownership") : null,
                row.has("leaseEurPerMonth")
                        ? problems.number(line, "leaseEurPerMonth", row.get("leaseEurPerMonth"))
                        : OptionalDouble.empty(),
                m -> problems.add(line, m));
        List<SrlgId> groups = new ArrayList<>();
        for (String g : row.get("srlgs").split(";")) {
            if (!g.isBlank() && problems.id(line, "srlgs", g.strip()).isPresent()) {
                groups.add(SrlgId.of(g.strip()));
            }
        }
        if (!row.has("id") || !row.has("a") || !row.has("b") || badCapacity.isPresent()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Span(
                    SpanId.of(row.get("id")),
                    PopId.of(row.get("a")),
                    PopId.of(row.get("b")),
                    length,
                    gbps,
                    groups,
                    submarine.equals("true"),
                    ownership));
        } catch (IllegalArgumentException e) {
            problems.add(line, e.getMessage());
            return Optional.empty();
        }
    }
}
