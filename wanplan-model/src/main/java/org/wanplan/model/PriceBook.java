package org.wanplan.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the operator charges, in one currency. Amounts are exact decimals; every quote line is rounded
 * to the cent once, and totals are sums of lines, so a quote always adds up.
 *
 * <p>The defaults are illustrative list prices for a European business VPN (EUR, 36 months), shaped like
 * operators' public tariffs: access and port priced by bandwidth tier, off-net tails by distance band,
 * uplifts for real-time and business classes, surcharges for resilience, a management fee per site. Prices
 * grow sub-linearly with bandwidth, as tariffs do: the 200 and 500 Mbps tiers lie on the power law through the
 * 100 and 1,000 Mbps tiers (price ∝ bandwidth^b; b = log10(900 / 350) = 0.41 for access, 0.43 for the port,
 * 0.12 for the one-off charge), rounded to the euro; before, 200 and 500 Mbps paid the 1 Gbps tier.
 *
 * @param accessTiers access (and port) price by bandwidth, ascending; the first tier that fits applies
 * @param offNetBands extra monthly charge for an off-net leased tail by tail km, ascending
 * @param realtimeUpliftPct port uplift at 100 % real-time (scaled by the real-time share)
 * @param businessUpliftPct port uplift at 100 % business
 * @param dualAccessPct, popDiversePct, srlgDiversePct surcharges of the resilience options on the access tier;
 *     a second tail that is off-net pays its own distance band besides
 * @param nearNetBuildPerKm one-off charge per km of fibre built from the on-net footprint to a near-net site
 *     (default 30,000 EUR, the own-fibre build cost of the {@code augment} catalogue: the European
 *     Commission's gigabit cost study, Analysys Mason 2016, puts a metre of ducting at €13–59)
 * @param crossBorderPct surcharge on the off-net band of a tail handed over at a PoP in another country than the
 *     site's, whose partner circuit crosses the border (default 30 %: see
 *     {@link #DEFAULT_CROSS_BORDER_PCT})
 */
public record PriceBook(
        String currency,
        int termMonths,
        List<Tier> accessTiers,
        List<Band> offNetBands,
        BigDecimal realtimeUpliftPct,
        BigDecimal businessUpliftPct,
        BigDecimal dualAccessPct,
        BigDecimal popDiversePct,
        BigDecimal srlgDiversePct,
        BigDecimal managementMrc,
        BigDecimal installNrc,
        BigDecimal nearNetBuildPerKm,
        BigDecimal crossBorderPct) {
    /** The default near-net build charge per km: 30,000 EUR (see the class comment). */
    public static final BigDecimal DEFAULT_NEAR_NET_BUILD_PER_KM = new BigDecimal("30000");

    /**
     * The default cross-border surcharge: 30 % on the off-net band. It is the most the European Commission's
     * leased-line benchmark allowed an international circuit to cost over a national one of the same length, as
     * quoted with Phillips Tarifica's price data during the Commission's 1999–2002 leased-lines inquiry (V3, "High
     * leased line costs hit European businesses"). The market charged far more then (INTUG found international
     * lines up to 607 % dearer than national ones; Politico Europe, "Businesses condemn phone operators for
     * overcharging"), so this is the regulator's mark for a reasonable difference, not the market's worst; no
     * current figure was found. The partner's cost of the same circuit carries it too ({@link CostBook}).
     */
    public static final BigDecimal DEFAULT_CROSS_BORDER_PCT = new BigDecimal("30");

    /** A price book with the default near-net build charge and cross-border surcharge. */
    public PriceBook(
            String currency,
            int termMonths,
            List<Tier> accessTiers,
            List<Band> offNetBands,
            BigDecimal realtimeUpliftPct,
            BigDecimal businessUpliftPct,
            BigDecimal dualAccessPct,
            BigDecimal popDiversePct,
            BigDecimal srlgDiversePct,
            BigDecimal managementMrc,
            BigDecimal installNrc) {
        this(
                currency,
                termMonths,
                accessTiers,
                offNetBands,
                realtimeUpliftPct,
                businessUpliftPct,
                dualAccessPct,
                popDiversePct,
                srlgDiversePct,
                managementMrc,
                installNrc,
                DEFAULT_NEAR_NET_BUILD_PER_KM,
                DEFAULT_CROSS_BORDER_PCT);
    }

    /** Prices up to a bandwidth. */
    public record Tier(double upToMbps, BigDecimal accessMrc, BigDecimal portMrc, BigDecimal accessNrc) {}

    /** Off-net tail surcharge up to a tail length. */
    public record Band(double upToKm, BigDecimal mrc, BigDecimal nrc) {}

    public PriceBook {
        accessTiers = List.copyOf(accessTiers);
        offNetBands = List.copyOf(offNetBands);
        if (termMonths < 1 || accessTiers.isEmpty() || offNetBands.isEmpty()) {
            throw new IllegalArgumentException("a price book needs a term ≥ 1 month, access tiers and off-net bands");
        }
    }

    public static PriceBook defaults() {
        return new PriceBook(
                "EUR",
                36,
                List.of(
                        tier(10, "150", "60", "500"),
                        tier(100, "350", "150", "750"),
                        tier(200, "465", "202", "818"),
                        tier(500, "677", "298", "917"),
                        tier(1000, "900", "400", "1000"),
                        tier(10000, "2900", "1300", "2500"),
                        tier(100000, "9500", "4200", "6000")),
                List.of(
                        band(10, "100", "500"),
                        band(50, "300", "1200"),
                        band(200, "800", "3000"),
                        band(1e9, "2000", "6000")),
                new BigDecimal("25"),
                new BigDecimal("10"),
                new BigDecimal("60"),
                new BigDecimal("90"),
                new BigDecimal("120"),
                new BigDecimal("45"),
                new BigDecimal("1500"));
    }

    private static Tier tier(double mbps, String access, String port, String nrc) {
        return new Tier(mbps, new BigDecimal(access), new BigDecimal(port), new BigDecimal(nrc));
    }

    private static Band band(double km, String mrc, String nrc) {
        return new Band(km, new BigDecimal(mrc), new BigDecimal(nrc));
    }

    /** The access tier for {@code mbps}, or empty above the largest tier (priced on request). */
    public java.util.Optional<Tier> tierFor(double mbps) {
        return accessTiers.stream().filter(t -> mbps <= t.upToMbps()).findFirst();
    }

    /** The largest bandwidth the access tiers price (Mbps). */
    public double largestTierMbps() {
        return accessTiers.get(accessTiers.size() - 1).upToMbps();
    }

    /** The access tier for {@code mbps}: the first whose {@code upToMbps} covers it. */
    public Tier tier(double mbps) {
        return accessTiers.stream()
                .filter(t -> mbps <= t.upToMbps())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no access tier for " + mbps + " Mbps (largest: "
                        + accessTiers.get(accessTiers.size() - 1).upToMbps() + ")"));
    }

    /** The off-net distance band for {@code km} (the last band beyond them all). */
    public Band band(double km) {
        return offNetBands.stream()
                .filter(b -> km <= b.upToKm())
                .findFirst()
                .orElse(offNetBands.get(offNetBands.size() - 1));
    }
}
