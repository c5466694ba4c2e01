package org.wanplan.io.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.Optional;
import org.wanplan.model.GeoPoint;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.Span;

/**
 * Writes a network as an RFC 7946 GeoJSON FeatureCollection, one feature per line. This is a stable
 * interface others script against:
 *
 * <ul>
 *   <li>each PoP is a Point with properties {@code kind: "pop"}, {@code id}, {@code name},
 *       {@code country}, {@code population} (null when unknown);
 *   <li>each span is a LineString from a to b with {@code kind: "span"}, {@code id}, {@code a},
 *       {@code b}, {@code lengthKm}, {@code lengthSource} (null when unknown), {@code capacityGbps},
 *       {@code srlgs} (list of ids), {@code submarine}.
 * </ul>
 *
 * Features whose position is unknown (a PoP without location, a span touching one) have
 * {@code "geometry": null}, as RFC 7946 §3.2 allows. Coordinates are [longitude, latitude].
 */
public final class GeoJsonWriter {
    private final ObjectMapper mapper = new ObjectMapper();

    public void write(Network network, Writer out) throws IOException {
        out.write("{\"type\":\"FeatureCollection\",\"name\":" + mapper.writeValueAsString(network.name())
                + ",\"features\":[");
        boolean first = true;
        for (Pop p : network.pops()) {
            first = feature(out, pop(p), first);
        }
        for (Span s : network.spans()) {
            first = feature(out, span(network, s), first);
        }
        out.write("\n]}\n");
    }

    private boolean feature(Writer out, ObjectNode feature, boolean first) throws JsonProcessingException, IOException {
        out.write(first ? "\n" : ",\n");
        out.write(mapper.writeValueAsString(feature));
        return false;
    }

    private ObjectNode pop(Pop p) {
        ObjectNode f = mapper.createObjectNode().put("type", "Feature");
        if (p.location().isPresent()) {
            ObjectNode g = f.putObject("geometry").put("type", "Point");
            position(g.putArray("coordinates"), p.location().get());
        } else {
            f.putNull("geometry");
        }
        ObjectNode props = f.putObject("properties")
                .put("kind", "pop")
                .put("id", p.id().value())
                .put("name", p.name());
        props.put("country", p.countryCode().orElse(null));
        if (p.population().isPresent()) {
            props.put("population", p.population().getAsLong());
        } else {
            props.putNull("population");
        }
        return f;
    }

    private ObjectNode span(Network network, Span s) {
        ObjectNode f = mapper.createObjectNode().put("type", "Feature");
        Optional<GeoPoint> a = network.pop(s.a()).flatMap(Pop::location);
        Optional<GeoPoint> b = network.pop(s.b()).flatMap(Pop::location);
        if (a.isPresent() && b.isPresent()) {
            ArrayNode coordinates =
                    f.putObject("geometry").put("type", "LineString").putArray("coordinates");
            position(coordinates.addArray(), a.get());
            position(coordinates.addArray(), b.get());
        } else {
            f.putNull("geometry");
        }
        ObjectNode props = f.putObject("properties")
                .put("kind", "span")
                .put("id", s.id().value())
                .put("a", s.a().value())
                .put("b", s.b().value());
        if (s.length().isPresent()) {
            props.put("lengthKm", s.length().get().km())
                    .put("lengthSource", s.length().get().source().label());
        } else {
            props.putNull("lengthKm").putNull("lengthSource");
        }
        props.put("capacityGbps", s.capacityGbps());
        ArrayNode groups = props.putArray("srlgs");
        s.srlgs().forEach(g -> groups.add(g.value()));
        props.put("submarine", s.submarine());
        props.put("ownership", s.ownership().kind().label());
        s.ownership().leaseEurPerMonth().ifPresent(eur -> props.put("leaseEurPerMonth", eur));
        return f;
    }

    private static void position(ArrayNode into, GeoPoint p) {
        into.add(p.longitude()).add(p.latitude());
    }
}
