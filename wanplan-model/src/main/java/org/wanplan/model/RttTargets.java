package org.wanplan.model;

import java.util.List;

/**
 * Round-trip targets per class of service by distance band: a pair of sites is held to the targets of the first
 * band whose {@link Band#upToKm} covers the great-circle distance between them. The round trip checked is CE to
 * CE, tails included.
 *
 * <p><b>Defaults</b>, each from a published service level (operators publish PoP-to-PoP figures; holding the
 * CE-to-CE round trip to them is stricter by the tails' delay, so a long off-net tail shows as a breach):
 *
 * <table>
 *   <caption>default round-trip targets, ms</caption>
 *   <tr><th>site to site</th><th>real-time</th><th>business</th><th>best effort</th></tr>
 *   <tr><td>up to 1,000 km</td><td>30</td><td>50</td><td>2,000</td></tr>
 *   <tr><td>up to 4,000 km</td><td>45</td><td>70</td><td>2,000</td></tr>
 *   <tr><td>farther</td><td>90</td><td>110</td><td>2,000</td></tr>
 * </table>
 *
 * <ul>
 *   <li>Real-time: Verizon's private-network latency guarantees (Verizon, "Service Level Agreement", network
 *       latency guarantees: average round trip between its hub routers): 30 ms within EMEA (Europe), 45 ms
 *       across North America, 90 ms New York–London. The 1,000 km band holds a country or a neighbour, where
 *       30 ms is also the UK port-to-port objective of Connet's MPLS service; the 4,000 km band spans the
 *       continent (Lisbon–Helsinki is 3,360 km, New York–Los Angeles 3,940 km), which the North American figure
 *       covers; farther is intercontinental (New York–London, 5,570 km). These are averages over hub pairs,
 *       held here to every pair: stricter than the operator's own.
 *       (verizon.com/business/terms/asiapac/sg/colocation/; connet.cc/network_sla.htm)
 *   <li>Business: a service level's round-trip clause by destination zone, written for sites in Germany: within
 *       Germany under 50 ms, Europe under 70 ms, the USA under 110 ms (Law Insider, "Round Trip Time" sample clauses,
 *       lawinsider.com/clause/round-trip-time).
 *   <li>Best effort: ITU-T Y.1541 class 4, 1 s one-way (2 s round trip), everywhere.
 * </ul>
 *
 * <p>The real-time and business classes differ in delay here although Y.1541 gives its classes 0 and 2 the same
 * 100 ms one-way objective (they differ in jitter and loss): operators sell the real-time class on its delay.
 *
 * @param bands ascending by {@link Band#upToKm}; the last covers every distance
 */
public record RttTargets(List<Band> bands) {
    /**
     * One distance band's round-trip targets, ms.
     *
     * @param upToKm the longest site-to-site great circle the band holds (infinite for the last)
     */
    public record Band(double upToKm, double realtimeMs, double businessMs, double bestEffortMs) {
        public Band {
            if (!(upToKm > 0) || !(realtimeMs > 0) || !(businessMs > 0) || !(bestEffortMs > 0)) {
                throw new IllegalArgumentException("a band's distance and targets must be > 0, were " + upToKm + " km, "
                        + realtimeMs + ", " + businessMs + ", " + bestEffortMs + " ms");
            }
        }
    }

    public RttTargets {
        bands = List.copyOf(bands);
        if (bands.isEmpty() || bands.get(bands.size() - 1).upToKm() != Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("round-trip targets need bands, the last covering every distance");
        }
        for (int i = 1; i < bands.size(); i++) {
            if (!(bands.get(i).upToKm() > bands.get(i - 1).upToKm())) {
                throw new IllegalArgumentException("round-trip target bands must ascend by distance, "
                        + bands.get(i).upToKm() + " km follows "
                        + bands.get(i - 1).upToKm() + " km");
            }
        }
    }

    /** The defaults (see the class comment). */
    public static RttTargets defaults() {
        return new RttTargets(List.of(
                new Band(1_000, 30, 50, 2_000),
                new Band(4_000, 45, 70, 2_000),
                new Band(Double.POSITIVE_INFINITY, 90, 110, 2_000)));
    }

    /** One flat target per class, whatever the distance. */
    public static RttTargets flat(double realtimeMs, double businessMs, double bestEffortMs) {
        return new RttTargets(List.of(new Band(Double.POSITIVE_INFINITY, realtimeMs, businessMs, bestEffortMs)));
    }

    /** The band of a site pair {@code km} apart on the great circle. */
    public Band forKm(double km) {
        for (Band b : bands) {
            if (km <= b.upToKm()) {
                return b;
            }
        }
        return bands.get(bands.size() - 1);
    }
}
