package org.wanplan.design;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.wanplan.model.PriceBook;
import org.wanplan.model.Site;

/**
 * A price for a design: lines per site, and totals that are exactly the sums of the lines.
 *
 * @param totalContractValue NRC + MRC × term months
 */
public record Quote(
        String currency,
        int termMonths,
        List<Line> lines,
        BigDecimal nrc,
        BigDecimal mrc,
        BigDecimal totalContractValue) {
    /** One priced item of one site. */
    public record Line(String site, String item, BigDecimal nrc, BigDecimal mrc) {}

    public Quote {
        lines = List.copyOf(lines);
    }

    private static final BigDecimal HUNDRED = new BigDecimal(100);

    /**
     * Working days to deliver a near-net site: a new route with civil works takes 60–90 working days against
     * 30 where fibre already reaches (UK leased-line market guidance, e.g. AMVIA, "How long does a leased line
     * take to install?", March 2026; Connect2 / leasedlineandmpls.co.uk, 30–90 working days); the quote states
     * the lower end for a lateral of a few hundred metres.
     */
    public static final int NEAR_NET_LEAD_TIME_WORKING_DAYS = 60;

    /** How the line of a tail handed over across a border starts. */
    public static final String CROSS_BORDER = "cross-border hand-over at ";

    /** How a near-net build line starts. */
    public static final String NEAR_NET_BUILD = "near-net build: ";

    /** How a line that prices nothing starts: the site's bandwidth is above the price book's largest tier. */
    public static final String ON_REQUEST = "priced on request: ";

    /** The sites priced on request (no amounts in the totals), in quote order. */
    public List<String> onRequest() {
        return lines.stream()
                .filter(l -> l.item().startsWith(ON_REQUEST))
                .map(Line::site)
                .toList();
    }

    /** Prices every accepted site of {@code design}; refused sites are not quoted. */
    public static Quote of(Design design, PriceBook book) {
        List<Line> lines = new ArrayList<>();
        for (Design.SiteDesign d : design.accepted()) {
            Site s = d.site();
            java.util.Optional<PriceBook.Tier> tierFor = book.tierFor(s.bandwidthMbps());
            if (tierFor.isEmpty()) {
                lines.add(line(
                        s,
                        ON_REQUEST + fmt(s.bandwidthMbps()) + " Mbps is above the price book's largest access tier ("
                                + fmt(book.largestTierMbps()) + " Mbps); not in the totals",
                        BigDecimal.ZERO,
                        BigDecimal.ZERO));
                continue;
            }
            PriceBook.Tier tier = tierFor.get();
            Homing.Tail tail = d.tails().get(0);
            BigDecimal access = tier.accessMrc();
            BigDecimal accessNrc = tier.accessNrc();
            if (!tail.onNet()) {
                PriceBook.Band band = book.band(tail.km());
                access = access.add(band.mrc());
                accessNrc = accessNrc.add(band.nrc());
            }
            lines.add(line(
                    s,
                    (tail.nearNet() ? "near-net" : tail.onNet() ? "on-net" : "off-net") + " access "
                            + fmt(s.bandwidthMbps()) + " Mbps, " + fmt(Math.round(tail.km() * 10) / 10.0) + " km tail",
                    accessNrc,
                    access));
            for (int i = 0; i < d.tails().size(); i++) {
                Homing.Tail t = d.tails().get(i);
                // dual access runs its two circuits on one route: one lateral; every other second tail has its own
                if (t.nearNet() && (i == 0 || s.resilience() != org.wanplan.model.Resilience.DUAL_ACCESS)) {
                    lines.add(line(
                            s,
                            NEAR_NET_BUILD + Math.round(t.buildKm() * 1000)
                                    + " m of fibre from the on-net footprint to "
                                    + t.pop() + "'s metro, delivered in " + NEAR_NET_LEAD_TIME_WORKING_DAYS
                                    + " working days",
                            book.nearNetBuildPerKm().multiply(BigDecimal.valueOf(t.buildKm())),
                            BigDecimal.ZERO));
                }
            }
            lines.add(line(s, "port " + fmt(s.bandwidthMbps()) + " Mbps", BigDecimal.ZERO, tier.portMrc()));
            BigDecimal uplift = tier.portMrc()
                    .multiply(book.realtimeUpliftPct()
                            .multiply(BigDecimal.valueOf(s.realtimePct()))
                            .add(book.businessUpliftPct().multiply(BigDecimal.valueOf(s.businessPct()))))
                    .divide(HUNDRED.multiply(HUNDRED));
            if (uplift.signum() > 0) {
                lines.add(line(
                        s,
                        "class of service (" + fmt(s.realtimePct()) + " % real-time, " + fmt(s.businessPct())
                                + " % business)",
                        BigDecimal.ZERO,
                        uplift));
            }
            BigDecimal surcharge = switch (s.resilience()) {
                case SINGLE -> BigDecimal.ZERO;
                case DUAL_ACCESS -> book.dualAccessPct();
                // a second access built on its own route: the access tier again
                case DUAL_ACCESS_DIVERSE -> HUNDRED;
                case POP_DIVERSE -> book.popDiversePct();
                case SRLG_DIVERSE -> book.srlgDiversePct();
            };
            if (surcharge.signum() > 0) {
                // the option on the access tier; a second off-net tail is charged on its own length below
                lines.add(line(
                        s,
                        "resilience " + s.resilience().label(),
                        tier.accessNrc().multiply(surcharge).divide(HUNDRED),
                        tier.accessMrc().multiply(surcharge).divide(HUNDRED)));
            }
            if (d.tails().size() > 1 && !d.tails().get(1).onNet()) {
                Homing.Tail second = d.tails().get(1);
                PriceBook.Band band = book.band(second.km());
                lines.add(line(
                        s,
                        "second tail off-net to " + second.pop() + ", " + fmt(Math.round(second.km() * 10) / 10.0)
                                + " km",
                        band.nrc(),
                        band.mrc()));
            }
            for (Homing.Tail t : d.tails()) {
                if (t.crossBorder() && book.crossBorderPct().signum() > 0) {
                    PriceBook.Band band = book.band(t.km());
                    lines.add(line(
                            s,
                            CROSS_BORDER + t.pop() + " ("
                                    + fmt(book.crossBorderPct().doubleValue()) + " % of the off-net band)",
                            band.nrc().multiply(book.crossBorderPct()).divide(HUNDRED),
                            band.mrc().multiply(book.crossBorderPct()).divide(HUNDRED)));
                }
            }
            lines.add(line(s, "management and installation", book.installNrc(), book.managementMrc()));
        }
        BigDecimal nrc = lines.stream().map(Line::nrc).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mrc = lines.stream().map(Line::mrc).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Quote(
                book.currency(),
                book.termMonths(),
                lines,
                nrc,
                mrc,
                nrc.add(mrc.multiply(BigDecimal.valueOf(book.termMonths()))));
    }

    private static Line line(Site s, String item, BigDecimal nrc, BigDecimal mrc) {
        return new Line(s.id(), item, cents(nrc), cents(mrc));
    }

    private static BigDecimal cents(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN);
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
