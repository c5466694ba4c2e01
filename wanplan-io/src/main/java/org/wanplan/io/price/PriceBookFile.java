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
 * crossBorderPct: 30
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
            "nearNetBuildPerKm",
            "crossBorderPct");

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
        AmountReading r = new AmountReading(file, doc, problems, MAX_AMOUNT);
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
                r.numberOr(MAX_PCT, "realtimeUpliftPct", d.realtimeUpliftPct()),
                r.numberOr(MAX_PCT, "businessUpliftPct", d.businessUpliftPct()),
                r.numberOr(MAX_PCT, "dualAccessPct", d.dualAccessPct()),
                r.numberOr(MAX_PCT, "popDiversePct", d.popDiversePct()),
                r.numberOr(MAX_PCT, "srlgDiversePct", d.srlgDiversePct()),
                r.amountOr("managementMrc", d.managementMrc()),
                r.amountOr("installNrc", d.installNrc()),
                r.amountOr("nearNetBuildPerKm", d.nearNetBuildPerKm()),
                r.numberOr(MAX_PCT, "crossBorderPct", d.crossBorderPct()));
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
}
