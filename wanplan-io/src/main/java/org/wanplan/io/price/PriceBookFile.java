package org.wanplan.io.price;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wanplan.io.input.InputException;
import org.wanplan.io.input.InputProblem;
import org.wanplan.model.PriceBook;

/**
 * Reads a price book from JSON or YAML. Every field is optional and overrides the default
 * ({@link PriceBook#defaults()}); unknown fields and bad values are reported by their path, all at once.
 *
 * <pre>
 * currency: EUR
 * termMonths: 36
 * accessTiers: [{upToMbps: 100, accessMrc: 350, portMrc: 150, accessNrc: 750}, …]
 * offNetBands: [{upToKm: 10, mrc: 100, nrc: 500}, …]
 * realtimeUpliftPct: 25
 * businessUpliftPct: 10
 * dualAccessPct: 60
 * popDiversePct: 90
 * srlgDiversePct: 120
 * managementMrc: 45
 * installNrc: 1500
 * nearNetBuildPerKm: 30000
 * </pre>
 */
public final class PriceBookFile {
    private static final Set<String> FIELDS = Set.of(
            "currency",
            "termMonths",
            "accessTiers",
            "offNetBands",
            "realtimeUpliftPct",
            "businessUpliftPct",
            "dualAccessPct",
            "popDiversePct",
            "srlgDiversePct",
            "managementMrc",
            "installNrc",
            "nearNetBuildPerKm");

    private PriceBookFile() {}

    /** Largest amount accepted (per line, in the price book's currency). */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");
    /** Largest percentage uplift accepted. */
    public static final BigDecimal MAX_PCT = new BigDecimal("1000");
    /** Longest term accepted: ten years. */
    public static final int MAX_TERM_MONTHS = 120;
    /** Largest access tier bound accepted (Mbps): 10 Tbps. */
    public static final double MAX_TIER_MBPS = 1e7;
    /** Largest off-net band bound accepted (km): 1e9 stands for "any length". */
    public static final double MAX_BAND_KM = 1e9;

    public static PriceBook read(Reader in, String file, boolean yaml) throws IOException, InputException {
        LocatedJson.Located doc = LocatedJson.readAll(in, file, yaml);
        JsonNode root = doc.root();
        List<InputProblem> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw InputException.of(file, 1, "a price book is an object of fields " + new java.util.TreeSet<>(FIELDS));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            String f = it.next().getKey();
            if (!FIELDS.contains(f)) {
                problems.add(new InputProblem(file, doc.line(f), "unknown field '" + f + "'"));
            }
        }
        PriceBook d = PriceBook.defaults();
        Reading r = new Reading(file, doc, problems);
        List<PriceBook.Tier> tiers = d.accessTiers();
        if (root.has("accessTiers")) {
            tiers = new ArrayList<>();
            for (JsonNode t : r.array("accessTiers")) {
                String at = "accessTiers[" + tiers.size() + "]";
                tiers.add(new PriceBook.Tier(
                        r.bounded(t, at, "upToMbps", MAX_TIER_MBPS),
                        r.amount(t, at, "accessMrc"),
                        r.amount(t, at, "portMrc"),
                        r.amount(t, at, "accessNrc")));
            }
            r.ascending(tiers.stream().map(PriceBook.Tier::upToMbps).toList(), "accessTiers", "upToMbps");
        }
        List<PriceBook.Band> bands = d.offNetBands();
        if (root.has("offNetBands")) {
            bands = new ArrayList<>();
            for (JsonNode b : r.array("offNetBands")) {
                String at = "offNetBands[" + bands.size() + "]";
                bands.add(new PriceBook.Band(
                        r.bounded(b, at, "upToKm", MAX_BAND_KM), r.amount(b, at, "mrc"), r.amount(b, at, "nrc")));
            }
            r.ascending(bands.stream().map(PriceBook.Band::upToKm).toList(), "offNetBands", "upToKm");
        }
        int term = d.termMonths();
        if (root.has("termMonths")) {
            JsonNode t = root.get("termMonths");
            if (t.canConvertToExactIntegral() && t.asLong() >= 1 && t.asLong() <= MAX_TERM_MONTHS) {
                term = t.asInt();
            } else {
                problems.add(new InputProblem(
                        file,
                        doc.line("termMonths"),
                        "termMonths must be a whole number of months from 1 to " + MAX_TERM_MONTHS + ", was " + t));
            }
        }
        String currency = d.currency();
        if (root.has("currency")) {
            JsonNode c = root.get("currency");
            if (c.isTextual() && c.asText().matches("[A-Z]{3}")) {
                currency = c.asText();
            } else {
                problems.add(new InputProblem(
                        file, doc.line("currency"), "currency must be an ISO 4217 code such as EUR, was " + c));
            }
        }
        PriceBook book = new PriceBook(
                currency,
                term,
                tiers.isEmpty() ? d.accessTiers() : tiers,
                bands.isEmpty() ? d.offNetBands() : bands,
                r.percentOr("realtimeUpliftPct", d.realtimeUpliftPct()),
                r.percentOr("businessUpliftPct", d.businessUpliftPct()),
                r.percentOr("dualAccessPct", d.dualAccessPct()),
                r.percentOr("popDiversePct", d.popDiversePct()),
                r.percentOr("srlgDiversePct", d.srlgDiversePct()),
                r.amountOr("managementMrc", d.managementMrc()),
                r.amountOr("installNrc", d.installNrc()),
                r.amountOr("nearNetBuildPerKm", d.nearNetBuildPerKm()));
        if (root.has("accessTiers") && tiers.isEmpty()) {
            problems.add(new InputProblem(file, doc.line("accessTiers"), "accessTiers must not be empty"));
        }
        if (root.has("offNetBands") && bands.isEmpty()) {
            problems.add(new InputProblem(file, doc.line("offNetBands"), "offNetBands must not be empty"));
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(InputProblem::line));
            throw new InputException(problems);
        }
        return book;
    }

    /** Field readers that record a problem, at the value's line, and return zero when a value is bad. */
    private record Reading(String file, LocatedJson.Located doc, List<InputProblem> problems) {
        private void add(String path, String message) {
            problems.add(new InputProblem(file, doc.line(path), message));
        }

        Iterable<JsonNode> array(String field) {
            JsonNode a = doc.root().get(field);
            if (!a.isArray()) {
                add(field, field + " must be a list, was " + a);
                return List.of();
            }
            return a;
        }

        BigDecimal amount(JsonNode node, String at, String field) {
            return number(node, at, field, BigDecimal.ZERO, MAX_AMOUNT);
        }

        BigDecimal number(JsonNode node, String at, String field, BigDecimal min, BigDecimal max) {
            String path = at.isEmpty() ? field : at + "." + field;
            JsonNode v = node.isObject() ? node.get(field) : null;
            if (!node.isObject()) {
                add(at, at + " must be an object, was " + node);
                return BigDecimal.ZERO;
            }
            if (v == null || !(v.isNumber() || v.isTextual())) {
                add(path, path + " is missing" + (v == null ? "" : ", was " + v));
                return BigDecimal.ZERO;
            }
            try {
                BigDecimal x = new BigDecimal(v.asText().strip());
                if (x.compareTo(min) < 0 || x.compareTo(max) > 0) {
                    add(
                            path,
                            path + " must be from " + min.toPlainString() + " to " + max.toPlainString() + ", was "
                                    + v.asText());
                    return BigDecimal.ZERO;
                }
                return x.stripTrailingZeros().scale() > 6 ? x.setScale(6, java.math.RoundingMode.HALF_EVEN) : x;
            } catch (NumberFormatException e) {
                add(path, path + " must be a number, was '" + v.asText() + "'");
                return BigDecimal.ZERO;
            }
        }

        double bounded(JsonNode node, String at, String field, double max) {
            BigDecimal x = number(node, at, field, BigDecimal.ZERO, new BigDecimal(max));
            if (x.signum() == 0 && node.isObject() && node.has(field)) {
                String path = at + "." + field;
                if (problems.stream().noneMatch(p -> p.message().startsWith(path))) {
                    add(path, path + " must be > 0, was " + node.get(field).asText());
                }
            }
            return x.doubleValue();
        }

        void ascending(List<Double> bounds, String list, String field) {
            for (int i = 1; i < bounds.size(); i++) {
                if (bounds.get(i) > 0 && bounds.get(i - 1) > 0 && !(bounds.get(i) > bounds.get(i - 1))) {
                    add(
                            list + "[" + i + "]." + field,
                            list + "[" + i + "]." + field + " must be above the one before (" + bounds.get(i - 1)
                                    + "), was " + bounds.get(i));
                }
            }
        }

        BigDecimal amountOr(String field, BigDecimal fallback) {
            return doc.root().has(field) ? amount(doc.root(), "", field) : fallback;
        }

        BigDecimal percentOr(String field, BigDecimal fallback) {
            return doc.root().has(field) ? number(doc.root(), "", field, BigDecimal.ZERO, MAX_PCT) : fallback;
        }
    }
}
