package org.wanplan.io.graphml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.wanplan.io.input.Countries;
import org.wanplan.io.input.ImportOptions;
import org.wanplan.io.input.InputException;
import org.wanplan.io.input.InputProblem;
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
 * Reads GraphML as the Internet Topology Zoo writes it, and as {@link GraphmlWriter} writes it.
 *
 * <ul>
 *   <li>A node becomes a PoP: id = the node's {@code id}, name = its {@code label}; {@code Latitude}
 *       and {@code Longitude} give the location; the country is {@code countryCode} or, failing that,
 *       the ISO code of the {@code Country} name. Nodes without coordinates are kept.
 *   <li>An edge becomes a span, parallel edges included: id = the edge's {@code id} attribute or
 *       {@code e<n>} for the n-th edge (0-based). Its length is {@code lengthKm} when given, otherwise
 *       estimated from the endpoints (none when one has no location). Capacity is {@code capacityGbps},
 *       else the Zoo's {@code LinkSpeedRaw} (bit/s), else the import default.
 * </ul>
 */
public final class GraphmlReader {
    private final ImportOptions options;
    private final List<InputProblem> warnings = new ArrayList<>();

    public GraphmlReader(ImportOptions options) {
        this.options = options;
    }

    private record Key(String name, String domain) {}

    private record Element(int line, String id, String source, String target, Map<String, String> data) {}

    /** What the last {@link #read} let pass with a warning (self-loops dropped), each at its line. */
    public List<InputProblem> warnings() {
        return List.copyOf(warnings);
    }

    public Network read(InputStream in, String file, String fallbackName) throws InputException {
        warnings.clear();
        Problems problems = new Problems(file);
        Map<String, Key> keys = new HashMap<>();
        Map<String, String> graphData = new LinkedHashMap<>();
        List<Element> nodes = new ArrayList<>();
        List<Element> edges = new ArrayList<>();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader r = null;
        try {
            r = factory.createXMLStreamReader(in);
            Element current = null;
            boolean sawGraphml = false;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    int line = r.getLocation().getLineNumber();
                    switch (r.getLocalName()) {
                        case "graphml" -> sawGraphml = true;
                        case "key" ->
                            keys.put(
                                    r.getAttributeValue(null, "id"),
                                    new Key(r.getAttributeValue(null, "attr.name"), r.getAttributeValue(null, "for")));
                        case "node" -> {
                            current = new Element(line, r.getAttributeValue(null, "id"), null, null, new HashMap<>());
                            nodes.add(current);
                        }
                        case "edge" -> {
                            current = new Element(
                                    line,
                                    r.getAttributeValue(null, "id"),
                                    r.getAttributeValue(null, "source"),
                                    r.getAttributeValue(null, "target"),
                                    new HashMap<>());
                            edges.add(current);
                        }
                        case "data" -> {
                            String keyId = r.getAttributeValue(null, "key");
                            Key key = keys.get(keyId);
                            String text = r.getElementText();
                            if (key == null) {
                                problems.add(line, "data refers to undeclared key '" + keyId + "'");
                            } else if (current == null) {
                                graphData.put(key.name(), text);
                            } else {
                                current.data().put(key.name(), text);
                            }
                        }
                        default -> {}
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT
                        && ("node".equals(r.getLocalName()) || "edge".equals(r.getLocalName()))) {
                    current = null;
                }
            }
            if (!sawGraphml) {
                throw InputException.of(file, 1, "not GraphML: no <graphml> root element");
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw InputException.of(file, line, "malformed XML: " + cleanMessage(e));
        } finally {
            close(r);
        }
        return build(graphData, nodes, edges, problems, fallbackName);
    }

    private Network build(
            Map<String, String> graphData,
            List<Element> nodes,
            List<Element> edges,
            Problems problems,
            String fallbackName)
            throws InputException {
        String name = first(graphData, "name", "Network").orElse(fallbackName);
        Network.Builder builder = Network.builder(name);
        first(graphData, "attribution").ifPresent(builder::attribution);
        readSrlgs(graphData, problems).forEach(builder::srlg);
        Map<String, GeoPoint> located = new HashMap<>();
        for (Element node : nodes) {
            pop(node, problems).ifPresent(p -> {
                builder.pop(p);
                problems.popAt(node.line());
                p.location().ifPresent(l -> located.putIfAbsent(node.id(), l));
            });
        }
        for (int i = 0; i < edges.size(); i++) {
            Element edge = edges.get(i);
            if (edge.source() != null
                    && edge.target() != null
                    && edge.source().strip().equals(edge.target().strip())) {
                // real Topology Zoo files hold a few (a PoP's internal links drawn as edges): not a span
                warnings.add(new InputProblem(
                        problems.file(),
                        edge.line(),
                        "warning: self-loop at node '" + edge.source().strip() + "' dropped"));
                continue;
            }
            span(edge, i, located, problems).ifPresent(s -> {
                builder.span(s);
                problems.spanAt(edge.line());
            });
        }
        return problems.build(builder);
    }

    private static Optional<Pop> pop(Element node, Problems problems) {
        if (node.id() == null || node.id().isBlank()) {
            problems.add(node.line(), "node has no id");
            return Optional.empty();
        }
        Map<String, String> d = node.data();
        Optional<GeoPoint> location = location(node, problems);
        Optional<String> country = Optional.ofNullable(d.get("countryCode"))
                .or(() -> Optional.ofNullable(d.get("Country"))
                        .flatMap(c -> Countries.get().codeOf(c)));
        country.flatMap(Pop::countryCodeProblem).ifPresent(m -> problems.add(node.line(), m));
        OptionalLong population = OptionalLong.empty();
        if (d.containsKey("population")) {
            population = problems.integer(node.line(), "population", d.get("population"));
        }
        try {
            return Optional.of(new Pop(
                    PopId.of(node.id().strip()),
                    Optional.ofNullable(d.get("label"))
                            .map(String::strip)
                            .orElse(node.id().strip()),
                    country.filter(c -> Pop.countryCodeProblem(c).isEmpty()),
                    location,
                    population));
        } catch (IllegalArgumentException e) {
            problems.add(node.line(), e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<GeoPoint> location(Element node, Problems problems) {
        String lat = node.data().get("Latitude");
        String lon = node.data().get("Longitude");
        if (lat == null && lon == null) {
            return Optional.empty();
        }
        if (lat == null || lon == null) {
            problems.add(node.line(), "node " + node.id() + ": Latitude and Longitude must be given together");
            return Optional.empty();
        }
        OptionalDouble la = problems.number(node.line(), "Latitude", lat);
        OptionalDouble lo = problems.number(node.line(), "Longitude", lon);
        if (la.isEmpty() || lo.isEmpty()) {
            return Optional.empty();
        }
        List<String> bad = GeoPoint.problems(la.getAsDouble(), lo.getAsDouble());
        bad.forEach(m -> problems.add(node.line(), "node " + node.id() + ": " + m));
        return bad.isEmpty() ? Optional.of(new GeoPoint(la.getAsDouble(), lo.getAsDouble())) : Optional.empty();
    }

    private Optional<Span> span(Element edge, int ordinal, Map<String, GeoPoint> located, Problems problems) {
        int line = edge.line();
        if (edge.source() == null || edge.target() == null) {
            problems.add(
                    line,
                    "edge needs both source and target, was source=" + edge.source() + " target=" + edge.target());
            return Optional.empty();
        }
        Map<String, String> d = edge.data();
        String id = edge.id() != null ? edge.id() : "e" + ordinal;
        Optional<FibreLength> length = length(edge, located, problems);
        double gbps = options.defaultCapacityGbps();
        if (d.containsKey("capacityGbps")) {
            gbps = problems.number(line, "capacityGbps", d.get("capacityGbps")).orElse(gbps);
        } else if (d.containsKey("LinkSpeedRaw")) {
            gbps = problems.number(line, "LinkSpeedRaw", d.get("LinkSpeedRaw")).orElse(gbps * 1e9) / 1e9;
        }
        Optional<String> capacityProblem = Span.capacityProblem(gbps);
        capacityProblem.ifPresent(m -> problems.add(line, m));
        List<SrlgId> groups = new ArrayList<>();
        for (String g : d.getOrDefault("srlgs", "").split(";")) {
            if (!g.isBlank() && problems.id(line, "srlgs", g.strip()).isPresent()) {
                groups.add(SrlgId.of(g.strip()));
            }
        }
        String submarine = d.getOrDefault("submarine", "false");
        if (!submarine.equals("true") && !submarine.equals("false")) {
            problems.add(line, "submarine must be true or false, was '" + submarine + "'");
        }
        Ownership ownership = Ownership.parse(
                d.get("ownership"),
                d.containsKey("leaseEurPerMonth")
                        ? problems.number(line, "leaseEurPerMonth", d.get("leaseEurPerMonth"))
                        : OptionalDouble.empty(),
                m -> problems.add(line, m));
        if (capacityProblem.isPresent()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Span(
                    SpanId.of(id.strip()),
                    PopId.of(edge.source().strip()),
                    PopId.of(edge.target().strip()),
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

    private Optional<FibreLength> length(Element edge, Map<String, GeoPoint> located, Problems problems) {
        String km = edge.data().get("lengthKm");
        if (km != null) {
            OptionalDouble v = problems.number(edge.line(), "lengthKm", km);
            if (v.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> bad = FibreLength.problem(v.getAsDouble());
            bad.ifPresent(m -> problems.add(edge.line(), m));
            String sourceText = edge.data().getOrDefault("lengthSource", "measured");
            Optional<LengthSource> source = LengthSource.fromLabel(sourceText);
            if (source.isEmpty()) {
                problems.add(edge.line(), "lengthSource must be measured or estimated, was '" + sourceText + "'");
            }
            return bad.isEmpty() && source.isPresent()
                    ? Optional.of(new FibreLength(v.getAsDouble(), source.get()))
                    : Optional.empty();
        }
        GeoPoint a = located.get(edge.source());
        GeoPoint b = located.get(edge.target());
        return a != null && b != null
                ? Optional.of(FibreLength.estimated(a, b, options.routeFactor()))
                : Optional.empty();
    }

    private static List<Srlg> readSrlgs(Map<String, String> graphData, Problems problems) {
        String json = graphData.get("srlgs");
        List<Srlg> result = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return result;
        }
        try {
            JsonNode array = new ObjectMapper().readTree(json);
            for (JsonNode g : array) {
                Optional<SrlgKind> kind = SrlgKind.fromLabel(g.path("kind").asText());
                if (kind.isEmpty() || g.path("id").asText().isBlank()) {
                    problems.add(0, "graph srlgs: bad SRLG " + g);
                    continue;
                }
                result.add(new Srlg(
                        SrlgId.of(g.path("id").asText()),
                        kind.get(),
                        g.path("name").asText(g.path("id").asText())));
                problems.srlgAt(0);
            }
        } catch (JsonProcessingException e) {
            problems.add(0, "graph srlgs: not a JSON array of SRLGs: " + e.getOriginalMessage());
        }
        return result;
    }

    private static Optional<String> first(Map<String, String> data, String... names) {
        for (String n : names) {
            String v = data.get(n);
            if (v != null && !v.isBlank()) {
                return Optional.of(v.strip());
            }
        }
        return Optional.empty();
    }

    private static String cleanMessage(XMLStreamException e) {
        String m = e.getMessage();
        int i = m.indexOf("Message: ");
        return i >= 0 ? m.substring(i + "Message: ".length()) : m;
    }

    private static void close(XMLStreamReader r) {
        if (r != null) {
            try {
                r.close();
            } catch (XMLStreamException e) {
                // nothing left to read
            }
        }
    }
}
