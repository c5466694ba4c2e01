package org.wanplan.io.graphml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.Writer;
import java.util.stream.Collectors;
import org.wanplan.io.input.Countries;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.Span;
import org.wanplan.model.SrlgId;

/**
 * Writes a network as GraphML that the Topology Zoo's tools and yEd/Gephi read ({@code label},
 * {@code Country}, {@code Latitude}, {@code Longitude} as in the Zoo) and that {@link GraphmlReader}
 * reads back losslessly (wanplan's own keys: {@code countryCode}, {@code population}, {@code lengthKm},
 * {@code lengthSource}, {@code capacityGbps}, {@code srlgs}, {@code submarine}; SRLG definitions as a
 * JSON array in the graph's {@code srlgs} data).
 */
public final class GraphmlWriter {
    private static final String[][] KEYS = {
        {"g0", "graph", "name", "string"},
        {"g1", "graph", "attribution", "string"},
        {"g2", "graph", "srlgs", "string"},
        {"n0", "node", "label", "string"},
        {"n1", "node", "countryCode", "string"},
        {"n2", "node", "Country", "string"},
        {"n3", "node", "Latitude", "double"},
        {"n4", "node", "Longitude", "double"},
        {"n5", "node", "population", "long"},
        {"e0", "edge", "lengthKm", "double"},
        {"e1", "edge", "lengthSource", "string"},
        {"e2", "edge", "capacityGbps", "double"},
        {"e3", "edge", "srlgs", "string"},
        {"e4", "edge", "submarine", "boolean"},
        {"e5", "edge", "ownership", "string"},
        {"e6", "edge", "leaseEurPerMonth", "double"},
    };

    public void write(Network network, Writer out) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
        for (String[] k : KEYS) {
            out.write("  <key id=\"" + k[0] + "\" for=\"" + k[1] + "\" attr.name=\"" + k[2] + "\" attr.type=\"" + k[3]
                    + "\"/>\n");
        }
        out.write("  <graph edgedefault=\"undirected\">\n");
        data(out, "    ", "g0", network.name());
        if (network.attribution().isPresent()) {
            data(out, "    ", "g1", network.attribution().get());
        }
        if (!network.srlgs().isEmpty()) {
            data(out, "    ", "g2", srlgsJson(network));
        }
        for (Pop p : network.pops()) {
            out.write("    <node id=\"" + escape(p.id().value()) + "\">\n");
            data(out, "      ", "n0", p.name());
            if (p.countryCode().isPresent()) {
                String code = p.countryCode().get();
                data(out, "      ", "n1", code);
                data(out, "      ", "n2", Countries.get().nameOf(code).orElse(code));
            }
            if (p.location().isPresent()) {
                data(out, "      ", "n3", Double.toString(p.location().get().latitude()));
                data(out, "      ", "n4", Double.toString(p.location().get().longitude()));
            }
            if (p.population().isPresent()) {
                data(out, "      ", "n5", Long.toString(p.population().getAsLong()));
            }
            out.write("    </node>\n");
        }
        for (Span s : network.spans()) {
            out.write("    <edge id=\"" + escape(s.id().value()) + "\" source=\"" + escape(s.a().value())
                    + "\" target=\"" + escape(s.b().value()) + "\">\n");
            if (s.length().isPresent()) {
                data(out, "      ", "e0", Double.toString(s.length().get().km()));
                data(out, "      ", "e1", s.length().get().source().label());
            }
            data(out, "      ", "e2", Double.toString(s.capacityGbps()));
            if (!s.srlgs().isEmpty()) {
                data(out, "      ", "e3", s.srlgs().stream().map(SrlgId::value).collect(Collectors.joining(";")));
            }
            data(out, "      ", "e4", Boolean.toString(s.submarine()));
            if (s.leased()) {
                data(out, "      ", "e5", s.ownership().kind().label());
                java.util.OptionalDouble eur = s.ownership().leaseEurPerMonth();
                if (eur.isPresent()) {
                    data(out, "      ", "e6", Double.toString(eur.getAsDouble()));
                }
            }
            out.write("    </edge>\n");
        }
        out.write("  </graph>\n</graphml>\n");
    }

    private static String srlgsJson(Network network) throws JsonProcessingException {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode array = mapper.createArrayNode();
        network.srlgs()
                .forEach(g -> array.addObject()
                        .put("id", g.id().value())
                        .put("kind", g.kind().label())
                        .put("name", g.name()));
        return mapper.writeValueAsString(array);
    }

    private static void data(Writer out, String indent, String key, String value) throws IOException {
        out.write(indent + "<data key=\"" + key + "\">" + escape(value) + "</data>\n");
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
