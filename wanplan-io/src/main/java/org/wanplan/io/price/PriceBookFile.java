package org.wanplan.io.price;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
            "installNrc");

    private PriceBookFile() {}

    public static PriceBook read(Reader in, String file, boolean yaml) throws IOException, InputException {
        JsonNode root;
        try {
            root = (yaml ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper()).readTree(in);
        } catch (JsonProcessingException e) {
            throw InputException.of(
                    file,
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "malformed " + (yaml ? "YAML" : "JSON") + ": " + e.getOriginalMessage());
        }
        List<InputProblem> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw InputException.of(file, 1, "a price book is an object of fields " + FIELDS);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            String f = it.next().getKey();
            if (!FIELDS.contains(f)) {
                problems.add(new InputProblem(file, 0, "unknown field '" + f + "'"));
            }
        }
        PriceBook d = PriceBook.defaults();
        Reading r = new Reading(file, problems);
        List<PriceBook.Tier> tiers = d.accessTiers();
        if (root.has("accessTiers")) {
            tiers = new ArrayList<>();
            for (int i = 0; i < root.get("accessTiers").size(); i++) {
                JsonNode t = root.get("accessTiers").get(i);
                String at = "accessTiers[" + i + "].";
                tiers.add(new PriceBook.Tier(
                        r.positive(t, at, "upToMbps").doubleValue(),
                        r.amount(t, at, "accessMrc"),
                        r.amount(t, at, "portMrc"),
                        r.amount(t, at, "accessNrc")));
            }
        }
        List<PriceBook.Band> bands = d.offNetBands();
        if (root.has("offNetBands")) {
            bands = new ArrayList<>();
            for (int i = 0; i < root.get("offNetBands").size(); i++) {
                JsonNode b = root.get("offNetBands").get(i);
                String at = "offNetBands[" + i + "].";
                bands.add(new PriceBook.Band(
                        r.positive(b, at, "upToKm").doubleValue(), r.amount(b, at, "mrc"), r.amount(b, at, "nrc")));
            }
        }
        int term = root.has("termMonths") ? r.positive(root, "", "termMonths").intValue() : d.termMonths();
        PriceBook book = new PriceBook(
                root.path("currency").asText(d.currency()),
                Math.max(1, term),
                tiers.isEmpty() ? d.accessTiers() : tiers,
                bands.isEmpty() ? d.offNetBands() : bands,
                r.amountOr(root, "realtimeUpliftPct", d.realtimeUpliftPct()),
                r.amountOr(root, "businessUpliftPct", d.businessUpliftPct()),
                r.amountOr(root, "dualAccessPct", d.dualAccessPct()),
                r.amountOr(root, "popDiversePct", d.popDiversePct()),
                r.amountOr(root, "srlgDiversePct", d.srlgDiversePct()),
                r.amountOr(root, "managementMrc", d.managementMrc()),
                r.amountOr(root, "installNrc", d.installNrc()));
        if (root.has("accessTiers") && root.get("accessTiers").isEmpty()) {
            problems.add(new InputProblem(file, 0, "accessTiers must not be empty"));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return book;
    }

    /** Field readers that record a problem and return zero when a value is bad. */
    private record Reading(String file, List<InputProblem> problems) {
        BigDecimal amount(JsonNode node, String at, String field) {
            JsonNode v = node.get(field);
            if (v == null || !(v.isNumber() || v.isTextual())) {
                problems.add(new InputProblem(file, 0, at + field + " is missing"));
                return BigDecimal.ZERO;
            }
            try {
                BigDecimal x = new BigDecimal(v.asText());
                if (x.signum() < 0) {
                    problems.add(new InputProblem(file, 0, at + field + " must be ≥ 0, was " + v.asText()));
                }
                return x;
            } catch (NumberFormatException e) {
                problems.add(new InputProblem(file, 0, at + field + " must be a number, was '" + v.asText() + "'"));
                return BigDecimal.ZERO;
            }
        }

        BigDecimal amountOr(JsonNode root, String field, BigDecimal fallback) {
            return root.has(field) ? amount(root, "", field) : fallback;
        }

        BigDecimal positive(JsonNode node, String at, String field) {
            BigDecimal x = amount(node, at, field);
            if (x.signum() == 0 && node.has(field)) {
                problems.add(new InputProblem(
                        file,
                        0,
                        at + field + " must be > 0, was " + node.get(field).asText()));
            }
            return x;
        }
    }
}
