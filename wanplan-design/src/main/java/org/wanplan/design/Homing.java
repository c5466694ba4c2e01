package org.wanplan.design;

import java.util.ArrayList;
import java.util.List;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.PopId;
import org.wanplan.model.Resilience;
import org.wanplan.model.Site;

/**
 * Attaches sites to PoPs: the nearest PoP by access route (great-circle × {@link #accessRouteFactor},
 * since local loops follow streets and ducts even more than long-haul fibre does), two nearest
 * distinct PoPs for PoP- and SRLG-diverse sites, two tails to the nearest PoP for dual access.
 *
 * <p><b>Hand-over in the site's country</b>: a site whose country is known is homed on the PoPs in that
 * country when the network has any there (an off-net tail is a partner's local access, handed over in its
 * own country); only a country without a PoP is served across the border, and a PoP- or SRLG-diverse site
 * in a country with one PoP takes its second PoP abroad. A site given by coordinates alone has no country and
 * takes the nearest PoP anywhere.
 *
 * <p><b>On-net footprint scaled by metro size</b>: a tail is on-net when the site lies within the PoP's
 * metro: the radius of a disc of the metro's built-up area, population ÷ {@link #urbanDensityPerKm2} (3,050
 * inhabitants per km²: the average density of Europe's urban areas over 500,000, Demographia World Urban
 * Population Density, 2006), kept between {@link #minOnNetKm} and {@link #maxOnNetKm}, measured on the great
 * circle. Paris (9.9 M) reaches 32 km, Lyon (1.4 M) 12 km, a city of 200,000 the 5 km minimum. A PoP without a
 * population gets the minimum.
 *
 * @param accessRouteFactor tail km per great-circle km (default 1.5)
 * @param urbanDensityPerKm2 inhabitants per km² of built-up area (default 3,050)
 * @param minOnNetKm the smallest on-net radius, the operator's metro ring in a small city (default 5 km)
 * @param maxOnNetKm the largest (default 40 km)
 * <p><b>Near-net</b>: a site just outside the footprint is connected by building the lateral, (great-circle
 * distance − radius) × {@link #accessRouteFactor} km of own fibre, when that is at most {@link #nearNetKm}: the
 * tail is then the operator's own (on-net, with {@link Tail#buildKm} to build, priced and lead-timed in the
 * quote). The default, 137 m, is where building costs what the cheapest partner tail costs over the term: the
 * default price book's first off-net band (EUR 100 a month and 500 once over 36 months, EUR 4,100) at the
 * default build charge of EUR 30,000 per km ({@link org.wanplan.model.PriceBook#nearNetBuildPerKm}).
 *
 * @param sameCountry hand over in the site's country when the network has a PoP there (default true)
 * @param nearNetKm the longest lateral built to a site outside the footprint (default 0.137 km)
 */
public record Homing(
        double accessRouteFactor,
        double urbanDensityPerKm2,
        double minOnNetKm,
        double maxOnNetKm,
        boolean sameCountry,
        double nearNetKm) {
    /** Break-even of building against the default book's cheapest off-net band: EUR 4,100 at EUR 30,000 a km. */
    public static final double DEFAULT_NEAR_NET_KM = (100.0 * 36 + 500) / 30_000;

    /** Homing with the default near-net distance. */
    public Homing(
            double accessRouteFactor,
            double urbanDensityPerKm2,
            double minOnNetKm,
            double maxOnNetKm,
            boolean sameCountry) {
        this(accessRouteFactor, urbanDensityPerKm2, minOnNetKm, maxOnNetKm, sameCountry, DEFAULT_NEAR_NET_KM);
    }

    public Homing {
        if (!(accessRouteFactor >= 1)
                || !(urbanDensityPerKm2 > 0)
                || !(minOnNetKm >= 0)
                || !(maxOnNetKm >= minOnNetKm)
                || !(nearNetKm >= 0)) {
            throw new IllegalArgumentException("access route factor must be ≥ 1, urban density > 0 and 0 ≤ min ≤ max"
                    + " on-net radius, were " + accessRouteFactor + ", " + urbanDensityPerKm2 + ", " + minOnNetKm
                    + ", " + maxOnNetKm + "; near-net distance ≥ 0, was " + nearNetKm);
        }
    }

    public static Homing defaults() {
        return new Homing(1.5, 3050, 5, 40, true);
    }

    /** The great-circle radius around {@code pop} within which a site is on-net. */
    public double onNetRadiusKm(Pop pop) {
        double r = Math.sqrt(pop.population().orElse(0) / (Math.PI * urbanDensityPerKm2));
        return Math.max(minOnNetKm, Math.min(maxOnNetKm, r));
    }

    /**
     * One access tail: the PoP it lands on, its length, and whether it is the operator's own.
     *
     * @param buildKm fibre to build from the on-net footprint for a near-net site (0 for on-net or off-net)
     * @param partner who provides an off-net tail (named by the design's {@link org.wanplan.model.PartnerBook});
     *     empty for an on-net tail, and until the design names it
     * @param crossBorder an off-net tail handed over at a PoP in another country than the site's: the partner's
     *     circuit crosses the border (only where the site's country has no PoP, or for a PoP-diverse site's second
     *     PoP in a country with one)
     */
    public record Tail(
            PopId pop,
            double km,
            boolean onNet,
            double buildKm,
            java.util.Optional<String> partner,
            boolean crossBorder) {
        public Tail {
            if (onNet && partner.isPresent()) {
                throw new IllegalArgumentException("an on-net tail has no partner, was given " + partner.get());
            }
            if (onNet && crossBorder) {
                throw new IllegalArgumentException("an on-net tail is own fibre: it crosses no border by a partner");
            }
        }

        /** A tail in the site's country. */
        public Tail(PopId pop, double km, boolean onNet, double buildKm, java.util.Optional<String> partner) {
            this(pop, km, onNet, buildKm, partner, false);
        }

        /** A tail whose partner is not named yet. */
        public Tail(PopId pop, double km, boolean onNet, double buildKm) {
            this(pop, km, onNet, buildKm, java.util.Optional.empty());
        }

        /** A tail with nothing to build. */
        public Tail(PopId pop, double km, boolean onNet) {
            this(pop, km, onNet, 0);
        }

        /** Whether the tail is own fibre only once the lateral is built. */
        public boolean nearNet() {
            return buildKm > 0;
        }

        /** This tail provided by {@code name} when it is off-net; an on-net tail as it is. */
        public Tail providedBy(String name) {
            return onNet ? this : new Tail(pop, km, false, buildKm, java.util.Optional.of(name), crossBorder);
        }
    }

    /**
     * A network's located PoPs with their positions as unit vectors, made once for many sites: the nearest PoP
     * is the one of largest dot product with the site's vector (the great circle grows as the dot product falls),
     * three multiplications a PoP instead of a haversine.
     */
    public static final class Located {
        private final Network network;
        private final Pop[] pops;
        private final double[] unit;

        public Located(Network network) {
            this.network = network;
            this.pops = network.pops().stream()
                    .filter(p -> p.location().isPresent())
                    .toArray(Pop[]::new);
            this.unit = org.wanplan.model.Geodesy.unitVectors(
                    java.util.Arrays.stream(pops).map(p -> p.location().get()).toList());
        }
    }

    /** Tails for {@code site}: one, or two (dual access, PoP- or SRLG-diverse). */
    public List<Tail> tails(Network network, Site site) {
        return tails(new Located(network), site);
    }

    /** Tails for {@code site} on the PoPs of {@code located}. */
    public List<Tail> tails(Located located, Site site) {
        // the site's own country first (nearest first), then the rest: a PoP-diverse site in a country with
        // one PoP takes its second PoP across the border
        double[] me = org.wanplan.model.Geodesy.unitVectors(List.of(site.location()));
        // the two best by (abroad, nearness, id): O(PoPs) a site
        int first = -1;
        int second = -1;
        int firstAbroad = 0;
        int secondAbroad = 0;
        double firstDot = 0;
        double secondDot = 0;
        Pop[] pops = located.pops;
        double[] unit = located.unit;
        for (int i = 0; i < pops.length; i++) {
            Pop p = pops[i];
            int ab = sameCountry
                            && site.country().isPresent()
                            && !p.countryCode().equals(site.country())
                    ? 1
                    : 0;
            double dot = org.wanplan.model.Geodesy.dot(unit, i, me, 0);
            if (first < 0 || before(ab, dot, p, firstAbroad, firstDot, pops[first])) {
                second = first;
                secondAbroad = firstAbroad;
                secondDot = firstDot;
                first = i;
                firstAbroad = ab;
                firstDot = dot;
            } else if (second < 0 || before(ab, dot, p, secondAbroad, secondDot, pops[second])) {
                second = i;
                secondAbroad = ab;
                secondDot = dot;
            }
        }
        if (first < 0) {
            throw new IllegalArgumentException(
                    located.network.name() + " has no located PoP to home " + site.id() + " on");
        }
        List<Tail> tails = new ArrayList<>();
        tails.add(tail(pops[first], site));
        if (site.resilience() == Resilience.DUAL_ACCESS || site.resilience() == Resilience.DUAL_ACCESS_DIVERSE) {
            tails.add(tail(pops[first], site));
        } else if (site.resilience().twoPops() && second >= 0) {
            tails.add(tail(pops[second], site));
        }
        return tails;
    }

    /**
     * Whether (abroad, dot, pop) comes before (abroad', dot', pop'): home country first, then nearer (the larger
     * dot product of unit vectors), then id.
     */
    private static boolean before(int abroad, double dot, Pop pop, int abroad2, double dot2, Pop pop2) {
        if (abroad != abroad2) {
            return abroad < abroad2;
        }
        if (dot != dot2) {
            return dot > dot2;
        }
        return pop.id().value().compareTo(pop2.id().value()) < 0;
    }

    private Tail tail(Pop pop, Site site) {
        double gc = pop.location().get().distanceKm(site.location());
        double radius = onNetRadiusKm(pop);
        if (gc <= radius) {
            return new Tail(pop.id(), gc * accessRouteFactor, true);
        }
        double lateral = (gc - radius) * accessRouteFactor;
        if (lateral <= nearNetKm) {
            return new Tail(pop.id(), gc * accessRouteFactor, true, lateral);
        }
        // the partner's circuit crosses the border when the PoP is known to be in another country than the site
        boolean crossBorder = site.country().isPresent()
                && pop.countryCode().isPresent()
                && !pop.countryCode().equals(site.country());
        return new Tail(pop.id(), gc * accessRouteFactor, false, 0, java.util.Optional.empty(), crossBorder);
    }
}
