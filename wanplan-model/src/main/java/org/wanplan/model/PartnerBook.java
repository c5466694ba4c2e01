package org.wanplan.model;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Who provides off-net access in each country, and on what terms: an off-net tail is a partner's local access
 * circuit in the site's country, handed over at a PoP, so its fibre is repaired on the partner's terms and not
 * the operator's.
 *
 * <p><b>Defaults</b>: every country's partner repairs a cut of its access fibre in 15 hours. That is the UK
 * wholesale Ethernet repair target for a fibre break: the standard target is 5 clock hours, extended to 15
 * hours when the fault is a break in the fibre (Ocean Telecom, "Leased Line SLAs",
 * oceantelecom.com/support/leased-line-slas/, which passes on the wholesale terms of the circuits it resells); Ofcom's quality-of-service standard holds Openreach to repairing
 * 94 % of Ethernet faults within their contractual target (Wholesale Fixed Telecoms Market Review 2021,
 * retained in 2023: Comms Business, "Ofcom retains quality of service standards for ethernet and dark fibre").
 * The model counts cuts of the tail's fibre only, so the fibre-break figure is the matching one. It is the one
 * published wholesale repair target found for any European country; other countries' incumbents publish theirs
 * in their reference offers (WIK-Consult, "Ethernet leased lines: a European benchmark", 2014, compares them),
 * and a bid's partner book should carry the terms actually signed. A partner whose contract guarantees an
 * availability per circuit is entered with it ({@link Partner#availabilityPct}), and that figure is then the
 * tail's availability whatever its length.
 *
 * @param fallback the terms of a country without an entry, and of a site whose country is unknown
 * @param countries terms by ISO 3166-1 alpha-2 country code
 */
public record PartnerBook(Partner fallback, Map<String, Partner> countries) {
    /** The default repair time of a partner's access fibre, hours (see the class comment). */
    public static final double DEFAULT_MTTR_HOURS = 15.0;

    /** The longest repair time a partner can be given: a year (8,766 h). */
    public static final double MAX_MTTR_HOURS = 8766;

    /**
     * One country's access partner.
     *
     * @param name who the partner is, as designs show it
     * @param mttrHours mean time to repair a cut of the partner's access fibre, hours
     * @param availabilityPct the availability the partner guarantees per circuit, when the contract gives one;
     *     it then stands for the tail's availability whatever its length
     */
    public record Partner(String name, double mttrHours, OptionalDouble availabilityPct) {
        public Partner {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a partner needs a name");
            }
            if (!(mttrHours > 0 && mttrHours <= MAX_MTTR_HOURS)) {
                throw new IllegalArgumentException(
                        "a partner's repair time must be more than 0 and at most a year (8,766 h), was " + mttrHours);
            }
            if (availabilityPct.isPresent()
                    && !(availabilityPct.getAsDouble() > 0 && availabilityPct.getAsDouble() <= 100)) {
                throw new IllegalArgumentException(
                        "a partner's availability must be more than 0 % and at most 100 %, was "
                                + availabilityPct.getAsDouble());
            }
        }

        /** A partner known by its repair time only. */
        public Partner(String name, double mttrHours) {
            this(name, mttrHours, OptionalDouble.empty());
        }
    }

    public PartnerBook {
        if (fallback == null) {
            throw new IllegalArgumentException("a partner book needs the terms of a country without an entry");
        }
        countries.keySet().forEach(c -> {
            if (!c.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException(
                        "a partner book's countries are ISO 3166-1 alpha-2 codes such as DE, was '" + c + "'");
            }
        });
        countries = java.util.Collections.unmodifiableMap(new TreeMap<>(countries));
    }

    /** The default book: a partner repairing in 15 hours in every country (see the class comment). */
    public static PartnerBook defaults() {
        return new PartnerBook(new Partner("local partner", DEFAULT_MTTR_HOURS), Map.of());
    }

    /** The partner that serves {@code country}: its own entry, else the fallback. */
    public Partner forCountry(Optional<String> country) {
        return country.map(countries::get).orElse(fallback);
    }
}
