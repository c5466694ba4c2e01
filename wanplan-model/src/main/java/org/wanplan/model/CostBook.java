package org.wanplan.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a line costs the operator, in the price book's currency: the buy side of a quote, so that the quote can
 * show its margin.
 *
 * <p><b>There is no built-in cost book.</b> An operator's own cost per line and what its access partners charge
 * it are its commercial secrets, and no partner publishes its wholesale rentals per country and bandwidth in a
 * form that could be cited here (the one regulated figure found, Openreach's EAD 1 Gbit/s connection charge of
 * £1,909 in 2022, is a single one-off charge in a single country). A bid team enters its own figures
 * ({@code --cost-book}); without them a quote has no margin, rather than a margin made of invented costs.
 *
 * <p>Two entries have cited defaults, because they are figures the product already uses:
 *
 * <ul>
 *   <li>{@link #nearNetBuildPerKm}: 30,000 per km, the own-fibre build cost of the {@code augment} catalogue
 *       ({@link SpanCatalogue}: the European Commission's gigabit cost study, Analysys Mason 2016). The default
 *       price book charges the same figure, so a near-net build passes through at cost.
 *   <li>{@link #backboneMrcPerGbpsKm}: 0.0125 per Gbit/s, km and month, a leased 100G wave's monthly charge per km
 *       ({@link SpanCatalogue}: 1.25 per km and month, a 2024 wholesale wavelength report) shared over its 100
 *       Gbit/s. That is the backbone priced at what its capacity costs wholesale, at full fill; a planner who
 *       fills waves to half enters twice the rate.
 * </ul>
 *
 * @param ownTiers own access (fibre pair, optics, CPE) and router port cost by bandwidth, ascending; the first
 *     tier that fits applies
 * @param managementMrc, installNrc per site: service management and the field visit that installs it
 * @param partnerFallback what a partner charges per access circuit in a country without its own entry, by
 *     bandwidth, ascending
 * @param partnerCountries the same by ISO 3166-1 alpha-2 country code
 * @param crossBorderPct what a partner circuit handed over across a border costs over the same circuit at home
 */
public record CostBook(
        String currency,
        List<OwnTier> ownTiers,
        BigDecimal managementMrc,
        BigDecimal installNrc,
        BigDecimal nearNetBuildPerKm,
        BigDecimal backboneMrcPerGbpsKm,
        List<PartnerTier> partnerFallback,
        Map<String, List<PartnerTier>> partnerCountries,
        BigDecimal crossBorderPct) {
    /** The default near-net build cost per km: the price book's charge, itself the cited build cost. */
    public static final BigDecimal DEFAULT_NEAR_NET_BUILD_PER_KM = PriceBook.DEFAULT_NEAR_NET_BUILD_PER_KM;

    /** The default backbone cost per Gbit/s, km and month: a leased 100G wave's charge per km over 100 Gbit/s. */
    public static final BigDecimal DEFAULT_BACKBONE_MRC_PER_GBPS_KM =
            BigDecimal.valueOf(SpanCatalogue.defaults().wavelengthMrcEurPerKm()).divide(new BigDecimal(100));

    /** Own cost of one access circuit and its port, up to a bandwidth. */
    public record OwnTier(double upToMbps, BigDecimal accessMrc, BigDecimal accessNrc, BigDecimal portMrc) {}

    /**
     * A partner's charge for one access circuit up to a bandwidth: a monthly rental, a connection charge, and a
     * monthly charge per km of tail (a main link).
     */
    public record PartnerTier(double upToMbps, BigDecimal mrc, BigDecimal nrc, BigDecimal mrcPerKm) {}

    public CostBook {
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException(
                    "a cost book's currency is an ISO 4217 code such as EUR, was " + currency);
        }
        ownTiers = List.copyOf(ownTiers);
        partnerFallback = List.copyOf(partnerFallback);
        if (ownTiers.isEmpty() || partnerFallback.isEmpty()) {
            throw new IllegalArgumentException("a cost book needs own tiers and a partner's default charges");
        }
        TreeMap<String, List<PartnerTier>> countries = new TreeMap<>();
        partnerCountries.forEach((c, tiers) -> {
            if (!c.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException(
                        "a cost book's countries are ISO 3166-1 alpha-2 codes such as DE, was '" + c + "'");
            }
            if (tiers.isEmpty()) {
                throw new IllegalArgumentException("the partner charges of " + c + " are empty");
            }
            countries.put(c, List.copyOf(tiers));
        });
        partnerCountries = Collections.unmodifiableMap(countries);
    }

    /** The own tier for {@code mbps}, or empty above the largest. */
    public Optional<OwnTier> ownTier(double mbps) {
        return ownTiers.stream().filter(t -> mbps <= t.upToMbps()).findFirst();
    }

    /**
     * The partner charge in {@code country} (the fallback's when the country has no entry or is unknown) for
     * {@code mbps}, or empty above that country's largest tier.
     */
    public Optional<PartnerTier> partnerTier(Optional<String> country, double mbps) {
        List<PartnerTier> tiers = country.map(partnerCountries::get).orElse(partnerFallback);
        return tiers.stream().filter(t -> mbps <= t.upToMbps()).findFirst();
    }
}
