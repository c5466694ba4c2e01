package org.wanplan.design;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.wanplan.model.CostBook;
import org.wanplan.model.Resilience;
import org.wanplan.model.Site;
import org.wanplan.model.SpanId;

/**
 * A quote's buy side: what each line costs the operator ({@link CostBook}), and the margin left over the term.
 *
 * <p>Each access circuit (tail) costs either a partner's charge in the site's country (off-net: rental, plus a
 * charge per km of tail, and a connection charge; more by the cost book's cross-border share when the circuit is
 * handed over in another country) or the operator's own access (on-net and near-net), and it
 * ends on a router port of its own; a near-net lateral costs its km of build, once for a dual-access site whose
 * two circuits share it, as the quote charges it. Each site adds management and installation. The backbone is one
 * line for the whole service: each span's load × its km × the cost per Gbit/s, km and month; site margins are
 * before it, the totals after it.
 *
 * <p>Only sites the quote prices are costed. A site whose bandwidth is above the cost book's largest own tier, or
 * above its partner's largest, is listed in {@link #costOnRequest} and left out of both the price and the cost
 * totals, so the margin compares like with like.
 *
 * @param costs cost lines, per site, then the backbone ({@link #BACKBONE})
 * @param sites each costed site's price, cost and margin over the term, backbone excluded
 * @param priceTotal the price of the costed sites over the term (the quote's total when none is left out)
 * @param costTotal NRC + MRC × term of every cost line
 * @param marginPct margin ÷ price × 100, to the hundredth (0 when nothing is priced)
 */
public record Margin(
        String currency,
        int termMonths,
        List<Cost> costs,
        List<SiteMargin> sites,
        BigDecimal priceTotal,
        BigDecimal costNrc,
        BigDecimal costMrc,
        BigDecimal costTotal,
        BigDecimal margin,
        BigDecimal marginPct,
        Map<String, BigDecimal> costByKind,
        List<String> costOnRequest) {
    /** The site of the backbone's cost line. */
    public static final String BACKBONE = "(backbone)";

    /** What a cost line is for. */
    public static final String PARTNER_ACCESS = "partner access";

    public static final String OWN_ACCESS = "own access";
    public static final String PORT = "port";
    public static final String NEAR_NET_BUILD = "near-net build";
    public static final String MANAGEMENT = "management and installation";
    public static final String BACKBONE_TRANSPORT = "backbone transport";

    /** One cost of one site (or of the backbone). */
    public record Cost(String site, String kind, String item, BigDecimal nrc, BigDecimal mrc) {}

    /** A site's price, cost and margin over the term (before the backbone). */
    public record SiteMargin(String site, BigDecimal price, BigDecimal cost, BigDecimal margin) {}

    public Margin {
        costs = List.copyOf(costs);
        sites = List.copyOf(sites);
        costByKind = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(costByKind));
        costOnRequest = List.copyOf(costOnRequest);
    }

    /** The costed sites whose cost exceeds their price, worst first. */
    public List<SiteMargin> belowCost() {
        return sites.stream()
                .filter(s -> s.margin().signum() < 0)
                .sorted(java.util.Comparator.comparing(SiteMargin::margin))
                .toList();
    }

    /**
     * How the contract stands against a margin floor of {@code floorPct} % of its price (backbone included): met or
     * not, the largest uniform discount that keeps the floor or the rise the floor needs, and the sites under it.
     * The price that meets the floor exactly is cost ÷ (1 − floor); the headroom is 1 − that ÷ price, the rise that
     * ÷ price − 1, both in % to the hundredth.
     */
    public Floor floor(BigDecimal floorPct) {
        if (floorPct.signum() < 0 || floorPct.compareTo(new BigDecimal(100)) >= 0) {
            throw new IllegalArgumentException("a margin floor is from 0 to under 100 %, was " + floorPct);
        }
        if (priceTotal.signum() == 0) {
            return new Floor(floorPct, false, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), List.of());
        }
        BigDecimal keep = BigDecimal.ONE.subtract(floorPct.movePointLeft(2)); // the share of price left over the floor
        // the price that meets the floor exactly: cost ÷ (1 − floor)
        BigDecimal needed = costTotal.divide(keep, 10, RoundingMode.HALF_EVEN);
        BigDecimal headroom = BigDecimal.ONE
                .subtract(needed.divide(priceTotal, 10, RoundingMode.HALF_EVEN))
                .movePointRight(2)
                .setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal rise = needed.compareTo(priceTotal) <= 0
                ? BigDecimal.ZERO.setScale(2)
                : needed.divide(priceTotal, 10, RoundingMode.HALF_EVEN)
                        .subtract(BigDecimal.ONE)
                        .movePointRight(2)
                        .setScale(2, RoundingMode.HALF_EVEN);
        List<String> below = sites.stream()
                .filter(s -> s.price().signum() > 0
                        && s.margin().compareTo(s.price().multiply(floorPct.movePointLeft(2))) < 0)
                .map(SiteMargin::site)
                .toList();
        return new Floor(
                floorPct, needed.compareTo(priceTotal) <= 0, headroom.max(BigDecimal.ZERO.setScale(2)), rise, below);
    }

    /**
     * The contract against a margin floor.
     *
     * @param met whether the margin (backbone included) is at least the floor
     * @param discountHeadroomPct the largest uniform discount on the price that keeps the floor (0 when not met)
     * @param risePct the rise in price the floor needs (0 when met)
     * @param sitesBelow the sites whose own margin (before the backbone) is under the floor
     */
    public record Floor(
            BigDecimal floorPct,
            boolean met,
            BigDecimal discountHeadroomPct,
            BigDecimal risePct,
            List<String> sitesBelow) {
        public Floor {
            sitesBelow = List.copyOf(sitesBelow);
        }
    }

    /** The margin of {@code quote} (of {@code design} on {@code network}) at {@code costs}. */
    public static Margin of(Design design, Quote quote, CostBook costs, org.wanplan.model.Network network) {
        return of(
                design,
                quote,
                costs,
                id -> network.span(id).flatMap(org.wanplan.model.Span::length).map(org.wanplan.model.FibreLength::km));
    }

    /**
     * The margin of {@code quote} (of {@code design}) at {@code costs}; {@code spanKm} gives a backbone span's
     * length, empty when it has none (such a span's load is not costed, and the backbone line says how many).
     *
     * @throws IllegalArgumentException when the cost book's currency is not the quote's
     */
    public static Margin of(Design design, Quote quote, CostBook costs, Function<SpanId, Optional<Double>> spanKm) {
        if (!costs.currency().equals(quote.currency())) {
            throw new IllegalArgumentException("the cost book is in " + costs.currency() + " and the price book in "
                    + quote.currency() + "; give both in one currency");
        }
        Map<String, BigDecimal[]> price = new HashMap<>(); // site → {nrc, mrc}
        for (Quote.Line l : quote.lines()) {
            BigDecimal[] p = price.computeIfAbsent(l.site(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            p[0] = p[0].add(l.nrc());
            p[1] = p[1].add(l.mrc());
        }
        Set<String> priceOnRequest = new HashSet<>(quote.onRequest());
        BigDecimal term = BigDecimal.valueOf(quote.termMonths());
        List<Cost> lines = new ArrayList<>();
        List<SiteMargin> sites = new ArrayList<>();
        List<String> onRequest = new ArrayList<>();
        BigDecimal priceTotal = BigDecimal.ZERO;
        for (Design.SiteDesign d : design.accepted()) {
            Site s = d.site();
            if (priceOnRequest.contains(s.id())) {
                continue;
            }
            List<Cost> site = siteCosts(d, costs);
            if (site == null) {
                onRequest.add(s.id());
                continue;
            }
            lines.addAll(site);
            BigDecimal[] p = price.get(s.id());
            BigDecimal sitePrice = p[0].add(p[1].multiply(term));
            BigDecimal siteCost = total(site, term);
            sites.add(new SiteMargin(s.id(), sitePrice, siteCost, sitePrice.subtract(siteCost)));
            priceTotal = priceTotal.add(sitePrice);
        }
        lines.add(backbone(design, costs, spanKm));
        BigDecimal costNrc = lines.stream().map(Cost::nrc).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal costMrc = lines.stream().map(Cost::mrc).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal costTotal = costNrc.add(costMrc.multiply(term));
        BigDecimal margin = priceTotal.subtract(costTotal);
        Map<String, BigDecimal> byKind = new LinkedHashMap<>();
        for (String k : List.of(PARTNER_ACCESS, OWN_ACCESS, PORT, NEAR_NET_BUILD, MANAGEMENT, BACKBONE_TRANSPORT)) {
            byKind.put(k, total(lines.stream().filter(c -> c.kind().equals(k)).toList(), term));
        }
        return new Margin(
                quote.currency(),
                quote.termMonths(),
                lines,
                sites,
                priceTotal,
                costNrc,
                costMrc,
                costTotal,
                margin,
                priceTotal.signum() == 0
                        ? BigDecimal.ZERO.setScale(2)
                        : margin.multiply(new BigDecimal(100)).divide(priceTotal, 2, RoundingMode.HALF_EVEN),
                byKind,
                onRequest);
    }

    /** The cost lines of one site, or null when its bandwidth is above a tier the cost book has. */
    private static List<Cost> siteCosts(Design.SiteDesign d, CostBook costs) {
        Site s = d.site();
        double mbps = s.bandwidthMbps();
        Optional<CostBook.OwnTier> own = costs.ownTier(mbps);
        if (own.isEmpty()) {
            return null;
        }
        List<Cost> out = new ArrayList<>();
        String bw = Quote.fmt(mbps) + " Mbps";
        for (int i = 0; i < d.tails().size(); i++) {
            Homing.Tail t = d.tails().get(i);
            String km = Quote.fmt(Math.round(t.km() * 10) / 10.0) + " km";
            if (t.onNet()) {
                out.add(cost(
                        s,
                        OWN_ACCESS,
                        (t.nearNet() ? "near-net" : "on-net") + " circuit " + bw + " to " + t.pop() + ", " + km,
                        own.get().accessNrc(),
                        own.get().accessMrc()));
                // dual access runs its two circuits on one route: one lateral, as the quote charges it
                if (t.nearNet() && (i == 0 || s.resilience() != Resilience.DUAL_ACCESS)) {
                    out.add(cost(
                            s,
                            NEAR_NET_BUILD,
                            Math.round(t.buildKm() * 1000) + " m of fibre to " + t.pop() + "'s metro",
                            costs.nearNetBuildPerKm().multiply(BigDecimal.valueOf(t.buildKm())),
                            BigDecimal.ZERO));
                }
            } else {
                Optional<CostBook.PartnerTier> p = costs.partnerTier(s.country(), mbps);
                if (p.isEmpty()) {
                    return null;
                }
                BigDecimal nrc = p.get().nrc();
                BigDecimal mrc = p.get().mrc().add(p.get().mrcPerKm().multiply(BigDecimal.valueOf(t.km())));
                if (t.crossBorder()) {
                    BigDecimal factor =
                            BigDecimal.ONE.add(costs.crossBorderPct().movePointLeft(2));
                    nrc = nrc.multiply(factor);
                    mrc = mrc.multiply(factor);
                }
                out.add(cost(
                        s,
                        PARTNER_ACCESS,
                        t.partner().orElse("partner") + " circuit " + bw
                                + s.country().map(c -> " in " + c).orElse("")
                                + (t.crossBorder() ? " across the border" : "") + " to " + t.pop() + ", " + km,
                        nrc,
                        mrc));
            }
            out.add(cost(
                    s,
                    PORT,
                    "port " + bw + " at " + t.pop(),
                    BigDecimal.ZERO,
                    own.get().portMrc()));
        }
        out.add(cost(s, MANAGEMENT, "management and installation", costs.installNrc(), costs.managementMrc()));
        return out;
    }

    private static Cost backbone(Design design, CostBook costs, Function<SpanId, Optional<Double>> spanKm) {
        double gbpsKm = 0;
        int unknown = 0;
        for (Map.Entry<SpanId, Double> e : design.spanLoadGbps().entrySet()) {
            Optional<Double> km = spanKm.apply(e.getKey());
            if (km.isPresent()) {
                gbpsKm += e.getValue() * km.get();
            } else if (e.getValue() > 0) {
                unknown++;
            }
        }
        return new Cost(
                BACKBONE,
                BACKBONE_TRANSPORT,
                String.format(
                                java.util.Locale.ROOT,
                                "%,.0f Gbit/s·km on %d spans",
                                gbpsKm,
                                design.spanLoadGbps().size())
                        + (unknown > 0 ? "; " + unknown + " loaded spans without a length not costed" : ""),
                BigDecimal.ZERO.setScale(2),
                cents(costs.backboneMrcPerGbpsKm().multiply(BigDecimal.valueOf(gbpsKm))));
    }

    private static BigDecimal total(List<Cost> lines, BigDecimal term) {
        BigDecimal t = BigDecimal.ZERO;
        for (Cost c : lines) {
            t = t.add(c.nrc()).add(c.mrc().multiply(term));
        }
        return t;
    }

    private static Cost cost(Site s, String kind, String item, BigDecimal nrc, BigDecimal mrc) {
        return new Cost(s.id(), kind, item, cents(nrc), cents(mrc));
    }

    private static BigDecimal cents(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN);
    }
}
