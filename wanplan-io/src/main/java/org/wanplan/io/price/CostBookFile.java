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
import java.util.TreeMap;
import org.wanplan.io.input.InputException;
import org.wanplan.io.input.InputProblem;
import org.wanplan.model.CostBook;

/**
 * Reads a cost book ({@link CostBook}) from JSON or YAML. There is no built-in cost book, so its figures are
 * required — the currency, the own tiers, management and installation, and the partners' default charges — except
 * the three with cited defaults ({@code nearNetBuildPerKm}, {@code backboneMrcPerGbpsKm}, {@code crossBorderPct}) and a tier's
 * {@code mrcPerKm} (0). Unknown fields and bad values are reported by their path and line, all at once.
 *
 * <pre>
 * currency: EUR
 * ownTiers: [{upToMbps: 100, accessMrc: 100, accessNrc: 400, portMrc: 30}, …]
 * managementMrc: 20
 * installNrc: 500
 * nearNetBuildPerKm: 30000        # optional
 * backboneMrcPerGbpsKm: 0.0125    # optional
 * crossBorderPct: 30              # optional
 * partners:
 *   default: [{upToMbps: 1000, mrc: 300, nrc: 1000, mrcPerKm: 2}, …]
 *   GB: [{upToMbps: 1000, mrc: 250, nrc: 1600}]
 * </pre>
 */
public final class CostBookFile {
    private static final Set<String> FIELDS = Set.of(
            "currency",
            "ownTiers",
            "managementMrc",
            "installNrc",
            "nearNetBuildPerKm",
            "backboneMrcPerGbpsKm",
            "crossBorderPct",
            "partners");
    private static final Set<String> OWN_TIER_FIELDS = Set.of("upToMbps", "accessMrc", "accessNrc", "portMrc");
    private static final Set<String> PARTNER_TIER_FIELDS = Set.of("upToMbps", "mrc", "nrc", "mrcPerKm");

    private CostBookFile() {}

    public static CostBook read(Reader in, String file, boolean yaml) throws IOException, InputException {
        LocatedJson.Located doc = LocatedJson.readAll(in, file, yaml);
        JsonNode root = doc.root();
        if (root == null || !root.isObject()) {
            throw InputException.of(file, 1, "a cost book is an object of fields " + new java.util.TreeSet<>(FIELDS));
        }
        List<InputProblem> problems = new ArrayList<>();
        doc.unknownFields(root, "", FIELDS, file, problems);
        AmountReading r = new AmountReading(file, doc, problems, PriceBookFile.MAX_AMOUNT);
        for (String f : List.of("currency", "ownTiers", "managementMrc", "installNrc", "partners")) {
            if (!root.has(f)) {
                problems.add(new InputProblem(file, 1, f + " is missing (a cost book has no built-in figures)"));
            }
        }
        String currency = "EUR";
        if (root.has("currency")) {
            JsonNode c = root.get("currency");
            if (c.isTextual() && c.asText().matches("[A-Z]{3}")) {
                currency = c.asText();
            } else {
                r.add("currency", "currency must be an ISO 4217 code such as EUR, was " + c);
            }
        }
        List<CostBook.OwnTier> own = !root.has("ownTiers")
                ? List.of()
                : tiers(
                        root.get("ownTiers"),
                        "ownTiers",
                        OWN_TIER_FIELDS,
                        (t, at) -> new CostBook.OwnTier(
                                r.bounded(t, at, "upToMbps", PriceBookFile.MAX_TIER_MBPS),
                                r.amount(t, at, "accessMrc"),
                                r.amount(t, at, "accessNrc"),
                                r.amount(t, at, "portMrc")),
                        CostBook.OwnTier::upToMbps,
                        r,
                        doc,
                        problems);
        BigDecimal management = r.amountOr("managementMrc", BigDecimal.ZERO);
        BigDecimal install = r.amountOr("installNrc", BigDecimal.ZERO);
        BigDecimal build = r.amountOr("nearNetBuildPerKm", CostBook.DEFAULT_NEAR_NET_BUILD_PER_KM);
        BigDecimal backbone = r.amountOr("backboneMrcPerGbpsKm", CostBook.DEFAULT_BACKBONE_MRC_PER_GBPS_KM);
        List<CostBook.PartnerTier> fallback = List.of();
        Map<String, List<CostBook.PartnerTier>> countries = new TreeMap<>();
        if (root.has("partners")) {
            JsonNode p = root.get("partners");
            if (!p.isObject()) {
                r.add("partners", "partners must map 'default' and ISO 3166-1 alpha-2 codes to charges, was " + p);
            } else {
                if (!p.has("default")) {
                    r.add("partners", "partners.default is missing: the charges of a country without its own entry");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String at = "partners." + e.getKey();
                    boolean isDefault = e.getKey().equals("default");
                    if (!isDefault && !e.getKey().matches("[A-Z]{2}")) {
                        r.add(
                                at,
                                "partners: '" + e.getKey()
                                        + "' is neither 'default' nor an ISO 3166-1 alpha-2 code (two capital"
                                        + " letters, such as DE)");
                        continue;
                    }
                    List<CostBook.PartnerTier> tiers = tiers(
                            e.getValue(),
                            at,
                            PARTNER_TIER_FIELDS,
                            (t, tierAt) -> new CostBook.PartnerTier(
                                    r.bounded(t, tierAt, "upToMbps", PriceBookFile.MAX_TIER_MBPS),
                                    r.amount(t, tierAt, "mrc"),
                                    r.amount(t, tierAt, "nrc"),
                                    t.isObject() && t.has("mrcPerKm")
                                            ? r.amount(t, tierAt, "mrcPerKm")
                                            : BigDecimal.ZERO),
                            CostBook.PartnerTier::upToMbps,
                            r,
                            doc,
                            problems);
                    if (isDefault) {
                        fallback = tiers;
                    } else if (!tiers.isEmpty()) {
                        countries.put(e.getKey(), tiers);
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(InputProblem::line));
            throw new InputException(problems);
        }
        BigDecimal crossBorder = r.numberOr(
                PriceBookFile.MAX_PCT, "crossBorderPct", org.wanplan.model.PriceBook.DEFAULT_CROSS_BORDER_PCT);
        return new CostBook(currency, own, management, install, build, backbone, fallback, countries, crossBorder);
    }

    /**
     * The tiers of the list {@code node} (at {@code at}): each an object of {@code fields} read by {@code one},
     * their {@code bound}s ascending, at least one.
     */
    private static <T> List<T> tiers(
            JsonNode node,
            String at,
            Set<String> fields,
            java.util.function.BiFunction<JsonNode, String, T> one,
            java.util.function.ToDoubleFunction<T> bound,
            AmountReading r,
            LocatedJson.Located doc,
            List<InputProblem> problems) {
        List<T> tiers = new ArrayList<>();
        for (JsonNode t : r.array(node, at)) {
            String tierAt = at + "[" + tiers.size() + "]";
            if (t.isObject()) {
                doc.unknownFields(t, tierAt, fields, r.file(), problems);
            }
            tiers.add(one.apply(t, tierAt));
        }
        r.ascending(tiers.stream().map(bound::applyAsDouble).toList(), at, "upToMbps");
        if (tiers.isEmpty() && node.isArray()) {
            r.add(at, at + " must not be empty");
        }
        return tiers;
    }
}
