package org.wanplan.io.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.wanplan.io.input.ImportOptions;
import org.wanplan.io.input.InputException;
import org.wanplan.io.input.Problems;
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

/**
 * Reads wanplan's own JSON network format (see {@link JsonNetworkWriter}), streaming so that every
 * PoP, span and SRLG keeps the line it started on for error messages.
 */
public final class JsonNetworkReader {
    static final String FORMAT = "wanplan-network";
    private static final Set<String> POP_FIELDS = Set.of("id", "name", "country", "lat", "lon", "population");
    private static final Set<String> SPAN_FIELDS = Set.of(
            "id",
            "a",
            "b",
            "lengthKm",
            "lengthSource",
            "capacityGbps",
            "srlgs",
            "submarine",
            "ownership",
            "leaseEurPerMonth");
    private static final Set<String> SRLG_FIELDS = Set.of("id", "kind", "name");

    private final ObjectMapper mapper = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private final ImportOptions options;

    public JsonNetworkReader(ImportOptions options) {
        this.options = options;
    }

    /** Reads a network from {@code in}; {@code file} names it in error messages. */
    public Network read(Reader in, String file) throws IOException, InputException {
        Problems problems = new Problems(file);
        List<Element> pops = new ArrayList<>();
        List<Element> spans = new ArrayList<>();
        List<Element> srlgs = new ArrayList<>();
        String name = null;
        String attribution = null;
        JsonParser p = mapper.createParser(in);
        try (p) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw InputException.of(file, line(p), "expected a JSON object with format \"" + FORMAT + "\"");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                int fieldLine = line(p);
                JsonToken value = p.nextToken();
                switch (field) {
                    case "format" -> {
                        String f = p.getValueAsString();
                        if (!FORMAT.equals(f)) {
                            problems.add(fieldLine, "format must be \"" + FORMAT + "\", was " + p.getText());
                        }
                    }
                    case "version" -> {
                        if (value != JsonToken.VALUE_NUMBER_INT || p.getIntValue() != 1) {
                            problems.add(fieldLine, "version must be 1, was " + p.getText());
                        }
                    }
                    case "name" -> name = p.getValueAsString();
                    case "attribution" -> attribution = p.getValueAsString();
                    case "pops" -> readArray(p, pops, problems, field);
                    case "spans" -> readArray(p, spans, problems, field);
                    case "srlgs" -> readArray(p, srlgs, problems, field);
                    default -> {
                        problems.add(fieldLine, "unknown field '" + field + "'");
                        p.skipChildren();
                    }
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                problems.add(line(p), "expected a field name, was " + p.getText());
            } else if (p.nextToken() != null) {
                problems.add(line(p), "unexpected content after the network object: " + p.getText());
            }
        } catch (JsonProcessingException e) {
            throw org.wanplan.io.input.JsonInput.malformed(
                    file,
                    "JSON",
                    e.getOriginalMessage(),
                    e.getLocation() == null ? -1 : e.getLocation().getLineNr(),
                    p.currentLocation().getLineNr());
        }
        if (name == null || name.isBlank()) {
            problems.add(1, "name is missing");
            name = "unnamed";
        }
        Network.Builder builder = Network.builder(name);
        if (attribution != null) {
            builder.attribution(attribution);
        }
        srlgs.forEach(e -> srlg(e, problems).ifPresent(g -> {
            builder.srlg(g);
            problems.srlgAt(e.line);
        }));
        pops.forEach(e -> pop(e, problems).ifPresent(pop -> {
            builder.pop(pop);
            problems.popAt(e.line);
        }));
        spans.forEach(e -> span(e, problems).ifPresent(span -> {
            builder.span(span);
            problems.spanAt(e.line);
        }));
        return problems.build(builder);
    }

    private record Element(int line, JsonNode node) {}

    private static void readArray(JsonParser p, List<Element> into, Problems problems, String field)
            throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            problems.add(line(p), field + " must be an array, was " + p.getText());
            p.skipChildren();
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            int line = line(p);
            JsonNode node = p.readValueAsTree();
            if (node.isObject()) {
                into.add(new Element(line, node));
            } else {
                problems.add(line, field + " elements must be objects, was " + node);
            }
        }
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private static Optional<Srlg> srlg(Element e, Problems problems) {
        unknownFields(e, SRLG_FIELDS, "SRLG", problems);
        Optional<String> id = requiredText(e, "id", "SRLG", problems);
        String kindText = e.node.path("kind").asText("other");
        Optional<SrlgKind> kind = SrlgKind.fromLabel(kindText);
        if (kind.isEmpty()) {
            problems.add(
                    e.line,
                    "SRLG kind must be one of duct, corridor, submarine-cable, building, other, was '" + kindText
                            + "'");
        }
        if (id.isEmpty() || kind.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new Srlg(SrlgId.of(id.get()), kind.get(), e.node.path("name").asText(id.get())));
    }

    private static Optional<Pop> pop(Element e, Problems problems) {
        unknownFields(e, POP_FIELDS, "PoP", problems);
        Optional<String> id = requiredText(e, "id", "PoP", problems);
        Optional<String> country = optionalText(e, "country");
        country.flatMap(Pop::countryCodeProblem).ifPresent(m -> problems.add(e.line, m));
        OptionalDouble lat = number(e, "lat", problems);
        OptionalDouble lon = number(e, "lon", problems);
        Optional<GeoPoint> location = Optional.empty();
        if (lat.isPresent() != lon.isPresent()) {
            problems.add(e.line, "lat and lon must be given together");
        } else if (lat.isPresent()) {
            List<String> bad = GeoPoint.problems(lat.getAsDouble(), lon.getAsDouble());
            bad.forEach(m -> problems.add(e.line, m));
            if (bad.isEmpty()) {
                location = Optional.of(new GeoPoint(lat.getAsDouble(), lon.getAsDouble()));
            }
        }
        OptionalLong population = OptionalLong.empty();
        JsonNode pn = e.node.get("population");
        if (pn != null && !pn.isNull()) {
            if (pn.canConvertToExactIntegral() && pn.asLong() >= 0) {
                population = OptionalLong.of(pn.asLong());
            } else {
                problems.add(e.line, "population must be a whole number ≥ 0, was " + pn);
            }
        }
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Pop(
                PopId.of(id.get()),
                e.node.path("name").asText(id.get()),
                country.filter(c -> Pop.countryCodeProblem(c).isEmpty()),
                location,
                population));
    }

    private Optional<Span> span(Element e, Problems problems) {
        unknownFields(e, SPAN_FIELDS, "span", problems);
        Optional<String> id = requiredText(e, "id", "span", problems);
        Optional<String> a = requiredText(e, "a", "span", problems);
        Optional<String> b = requiredText(e, "b", "span", problems);
        OptionalDouble km = number(e, "lengthKm", problems);
        km.stream().mapToObj(FibreLength::problem).flatMap(Optional::stream).forEach(m -> problems.add(e.line, m));
        String sourceText = e.node.path("lengthSource").asText("measured");
        Optional<LengthSource> source = LengthSource.fromLabel(sourceText);
        if (source.isEmpty()) {
            problems.add(e.line, "lengthSource must be measured or estimated, was '" + sourceText + "'");
        }
        OptionalDouble capacity = number(e, "capacityGbps", problems);
        double gbps = capacity.orElse(options.defaultCapacityGbps());
        Span.capacityProblem(gbps).ifPresent(m -> problems.add(e.line, m));
        List<SrlgId> groups = new ArrayList<>();
        JsonNode sn = e.node.path("srlgs");
        if (!sn.isMissingNode() && !sn.isArray()) {
            problems.add(e.line, "srlgs must be an array of SRLG ids, was " + sn);
        }
        for (JsonNode g : sn) {
            if (g.isTextual() && !g.asText().isBlank()) {
                problems.id(e.line, "srlgs", g.asText().strip()).map(SrlgId::of).ifPresent(groups::add);
            } else {
                problems.add(e.line, "srlgs must hold SRLG ids, was " + g);
            }
        }
        JsonNode sub = e.node.path("submarine");
        if (!sub.isMissingNode() && !sub.isBoolean()) {
            problems.add(e.line, "submarine must be true or false, was " + sub);
        }
        JsonNode own = e.node.path("ownership");
        if (!own.isMissingNode() && !own.isTextual()) {
            problems.add(e.line, "ownership must be own or leased, was " + own);
        }
        Ownership ownership = Ownership.parse(
                own.isTextual() ? own.asText() : null,
                number(e, "leaseEurPerMonth", problems),
                m -> problems.add(e.line, m));
        if (id.isEmpty()
                || a.isEmpty()
                || b.isEmpty()
                || Span.capacityProblem(gbps).isPresent()) {
            return Optional.empty();
        }
        Optional<FibreLength> length =
                km.isPresent() && FibreLength.problem(km.getAsDouble()).isEmpty() && source.isPresent()
                        ? Optional.of(new FibreLength(km.getAsDouble(), source.get()))
                        : Optional.empty();
        try {
            return Optional.of(new Span(
                    SpanId.of(id.get()),
                    PopId.of(a.get()),
                    PopId.of(b.get()),
                    length,
                    gbps,
                    groups,
                    sub.asBoolean(),
                    ownership));
        } catch (IllegalArgumentException ex) {
            problems.add(e.line, ex.getMessage());
            return Optional.empty();
        }
    }

    private static void unknownFields(Element e, Set<String> known, String what, Problems problems) {
        e.node.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                problems.add(e.line, "unknown " + what + " field '" + f + "'");
            }
        });
    }

    private static Optional<String> requiredText(Element e, String field, String what, Problems problems) {
        JsonNode n = e.node.get(field);
        if (n == null || n.isNull() || !n.isValueNode() || n.asText().isBlank()) {
            problems.add(e.line, what + " " + field + " is missing" + (n == null ? "" : ", was " + n));
            return Optional.empty();
        }
        return problems.id(e.line, what + " " + field, n.asText());
    }

    private static Optional<String> optionalText(Element e, String field) {
        JsonNode n = e.node.get(field);
        return n == null || n.isNull() ? Optional.empty() : Optional.of(n.asText());
    }

    private static OptionalDouble number(Element e, String field, Problems problems) {
        JsonNode n = e.node.get(field);
        if (n == null || n.isNull()) {
            return OptionalDouble.empty();
        }
        if (!n.isNumber()) {
            problems.add(e.line, field + " must be a number, was " + n);
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(n.asDouble());
    }
}
