package org.wanplan.io.price;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import org.wanplan.io.input.InputException;
import org.wanplan.io.input.InputProblem;
import org.wanplan.model.PartnerBook;

/**
 * Reads a partner book from JSON or YAML: the terms of the access partner in each country, and of the one
 * serving every other country. Both parts are optional; a country's entry replaces the built-in terms for that
 * country, and a field left out of an entry takes the default's value. Unknown fields and bad values are
 * reported by their path and line, all at once.
 *
 * <pre>
 * default: {name: local partner, mttrHours: 15}
 * countries:
 *   GB: {name: Openreach, mttrHours: 15}
 *   DE: {name: Deutsche Telekom, availabilityPct: 99.9}
 * </pre>
 */
public final class PartnerBookFile {
    private static final Set<String> FIELDS = Set.of("default", "countries");
    private static final Set<String> PARTNER_FIELDS = Set.of("name", "mttrHours", "availabilityPct");
    /** Longest partner name accepted. */
    public static final int MAX_NAME = 100;
    /** Longest repair time accepted: a year. */
    public static final double MAX_MTTR_HOURS = PartnerBook.MAX_MTTR_HOURS;

    private PartnerBookFile() {}

    public static PartnerBook read(Reader in, String file, boolean yaml) throws IOException, InputException {
        LocatedJson.Located doc = LocatedJson.readAll(in, file, yaml);
        JsonNode root = doc.root();
        if (root == null || !root.isObject()) {
            throw InputException.of(
                    file, 1, "a partner book is an object of fields " + new java.util.TreeSet<>(FIELDS));
        }
        List<InputProblem> problems = new ArrayList<>();
        doc.unknownFields(root, "", FIELDS, file, problems);
        PartnerBook defaults = PartnerBook.defaults();
        PartnerBook.Partner fallback = defaults.fallback();
        if (root.has("default")) {
            PartnerBook.Partner given = partner(root.get("default"), "default", fallback, file, doc, problems);
            fallback = given != null ? given : fallback; // a bad default is reported; its countries still read
        }
        Map<String, PartnerBook.Partner> countries = new TreeMap<>(defaults.countries());
        if (root.has("countries")) {
            JsonNode c = root.get("countries");
            if (!c.isObject()) {
                problems.add(new InputProblem(
                        file,
                        doc.line("countries"),
                        "countries must map ISO 3166-1 alpha-2 codes to partners, was " + c));
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String at = "countries." + e.getKey();
                    if (!e.getKey().matches("[A-Z]{2}")) {
                        problems.add(new InputProblem(
                                file,
                                doc.line(at),
                                "countries: '" + e.getKey()
                                        + "' is not an ISO 3166-1 alpha-2 code (two capital letters, such as DE)"));
                        continue;
                    }
                    PartnerBook.Partner p = partner(
                            e.getValue(), at, countries.getOrDefault(e.getKey(), fallback), file, doc, problems);
                    if (p != null) {
                        countries.put(e.getKey(), p);
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(InputProblem::line));
            throw new InputException(problems);
        }
        return new PartnerBook(fallback, countries);
    }

    /** The partner at {@code at}, its missing fields from {@code base}; null (and problems) when it is bad. */
    private static PartnerBook.Partner partner(
            JsonNode node,
            String at,
            PartnerBook.Partner base,
            String file,
            LocatedJson.Located doc,
            List<InputProblem> problems) {
        if (!node.isObject()) {
            problems.add(new InputProblem(
                    file,
                    doc.line(at),
                    at + " must be an object of fields " + new java.util.TreeSet<>(PARTNER_FIELDS) + ", was " + node));
            return null;
        }
        int before = problems.size();
        doc.unknownFields(node, at, PARTNER_FIELDS, file, problems);
        String name = base.name();
        if (node.has("name")) {
            JsonNode n = node.get("name");
            if (n.isTextual() && !n.asText().isBlank() && n.asText().length() <= MAX_NAME) {
                name = n.asText().strip();
            } else {
                problems.add(new InputProblem(
                        file,
                        doc.line(at + ".name"),
                        at + ".name must be text of 1 to " + MAX_NAME + " characters, was " + n));
            }
        }
        double mttr = base.mttrHours();
        if (node.has("mttrHours")) {
            mttr = doc.positive(node.get("mttrHours"), at + ".mttrHours", MAX_MTTR_HOURS, "h", file, problems);
        }
        OptionalDouble availability = base.availabilityPct();
        if (node.has("availabilityPct")) {
            JsonNode a = node.get("availabilityPct");
            availability = a.isNull()
                    ? OptionalDouble.empty()
                    : OptionalDouble.of(doc.positive(a, at + ".availabilityPct", 100, "%", file, problems));
        }
        return problems.size() > before ? null : new PartnerBook.Partner(name, mttr, availability);
    }
}
