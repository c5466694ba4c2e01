package org.wanplan.io.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Function;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.Span;
import org.wanplan.model.Srlg;

/**
 * Writes wanplan's own JSON network format: lossless, deterministic (same network → same bytes) and
 * diff-friendly (one PoP, span or SRLG per line).
 *
 * <pre>{@code
 * {
 *   "format": "wanplan-network",
 *   "version": 1,
 *   "name": "euro350",
 *   "attribution": "...",                       (optional)
 *   "srlgs": [ {"id","kind","name"} ... ],
 *   "pops":  [ {"id","name","country","lat","lon","population"} ... ],    (country..population optional)
 *   "spans": [ {"id","a","b","lengthKm","lengthSource","capacityGbps","srlgs":[ids],"submarine"} ... ]
 * }
 * }</pre>
 */
public final class JsonNetworkWriter {
    private final ObjectMapper mapper = new ObjectMapper();

    public void write(Network network, Writer out) throws IOException {
        out.write("{\n");
        out.write("  \"format\": \"" + JsonNetworkReader.FORMAT + "\",\n");
        out.write("  \"version\": 1,\n");
        out.write("  \"name\": " + text(network.name()) + ",\n");
        if (network.attribution().isPresent()) {
            out.write("  \"attribution\": " + text(network.attribution().get()) + ",\n");
        }
        array(out, "srlgs", network.srlgs(), this::srlg, false);
        array(out, "pops", network.pops(), this::pop, false);
        array(out, "spans", network.spans(), this::span, true);
        out.write("}\n");
    }

    private <T> void array(Writer out, String field, List<T> items, Function<T, ObjectNode> json, boolean last)
            throws IOException {
        out.write("  \"" + field + "\": [");
        for (int i = 0; i < items.size(); i++) {
            out.write(i == 0 ? "\n    " : ",\n    ");
            out.write(compact(json.apply(items.get(i))));
        }
        out.write(items.isEmpty() ? "]" : "\n  ]");
        out.write(last ? "\n" : ",\n");
    }

    ObjectNode srlg(Srlg g) {
        return mapper.createObjectNode()
                .put("id", g.id().value())
                .put("kind", g.kind().label())
                .put("name", g.name());
    }

    ObjectNode pop(Pop p) {
        ObjectNode n = mapper.createObjectNode().put("id", p.id().value()).put("name", p.name());
        p.countryCode().ifPresent(c -> n.put("country", c));
        p.location().ifPresent(l -> n.put("lat", l.latitude()).put("lon", l.longitude()));
        p.population().ifPresent(v -> n.put("population", v));
        return n;
    }

    ObjectNode span(Span s) {
        ObjectNode n = mapper.createObjectNode()
                .put("id", s.id().value())
                .put("a", s.a().value())
                .put("b", s.b().value());
        s.length()
                .ifPresent(l ->
                        n.put("lengthKm", l.km()).put("lengthSource", l.source().label()));
        n.put("capacityGbps", s.capacityGbps());
        ArrayNode groups = n.putArray("srlgs");
        s.srlgs().forEach(g -> groups.add(g.value()));
        n.put("submarine", s.submarine());
        if (s.leased()) {
            n.put("ownership", s.ownership().kind().label());
            s.ownership().leaseEurPerMonth().ifPresent(eur -> n.put("leaseEurPerMonth", eur));
        }
        return n;
    }

    private String text(String s) throws JsonProcessingException {
        return mapper.writeValueAsString(s);
    }

    private String compact(ObjectNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
