package org.wanplan.design;

import java.math.BigDecimal;
import java.util.Arrays;

/** The figures a design is judged by (on-net share, tails, round trips, availability, price) and per-site sums. */
public final class DesignFigures {
    private DesignFigures() {}

    public static BigDecimal siteNrc(Quote q, String site) {
        return q.lines().stream()
                .filter(l -> l.site().equals(site))
                .map(Quote.Line::nrc)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public static BigDecimal siteMrc(Quote q, String site) {
        return q.lines().stream()
                .filter(l -> l.site().equals(site))
                .map(Quote.Line::mrc)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The figures a design is compared by, as {@code compare --json} prints them per network.
     *
     * @param onNetShare share of sites whose first tail is on-net
     * @param p95TailKm nearest-rank 95th percentile of the first tails' km
     * @param refused sites whose resilience option could not be met
     * @param realtimeBreaches site pairs over their distance band's real-time round-trip target
     *     ({@link org.wanplan.model.RttTargets})
     * @param businessBreaches site pairs over their band's business target
     */
    public record Summary(
            int sites,
            double onNetShare,
            double meanTailKm,
            double p95TailKm,
            double meanRttMs,
            double maxRttMs,
            double meanAvailability,
            double minAvailability,
            int refused,
            long realtimeBreaches,
            long businessBreaches,
            BigDecimal totalContractValue) {}

    /** The comparison figures of one design. */
    public static Summary summary(Design d, Quote q) {
        double[] rtt = rtts(d);
        return summary(d, q, rtt, breaches(d, rtt));
    }

    /** The same from the round trips ({@link #rtts}) and breaches ({@link #breaches}) the caller already has. */
    static Summary summary(Design d, Quote q, double[] rtt, long[] breaches) {
        double[] tails = d.sites().stream()
                .mapToDouble(s -> s.tails().get(0).km())
                .sorted()
                .toArray();
        long onNet = d.sites().stream().filter(s -> s.tails().get(0).onNet()).count();
        double[] availability = d.accepted().stream()
                .mapToDouble(Design.SiteDesign::availability)
                .toArray();
        return new Summary(
                d.sites().size(),
                d.sites().isEmpty() ? 0 : (double) onNet / d.sites().size(),
                Arrays.stream(tails).average().orElse(0),
                percentile(tails, 95),
                Arrays.stream(rtt).average().orElse(0),
                Arrays.stream(rtt).max().orElse(0),
                Arrays.stream(availability).average().orElse(0),
                Arrays.stream(availability).min().orElse(0),
                d.sites().size() - d.accepted().size(),
                breaches[0],
                breaches[1],
                q.totalContractValue());
    }

    /** Every site pair's round trip in ms, in list order (the designer's compact pairs: no record for each). */
    public static double[] rtts(Design d) {
        return d.latency() instanceof Designer.PairList pairs
                ? pairs.rtts() // 12.5 million pairs at 5,000 sites
                : d.latency().stream().mapToDouble(Design.PairLatency::rttMs).toArray();
    }

    /** Pairs over their band's real-time, business and best-effort targets, from {@code rtts} in list order. */
    static long[] breaches(Design d, double[] rtts) {
        if (d.latency() instanceof Designer.PairList pairs) {
            return pairs.breaches(rtts);
        }
        long[] n = new long[3];
        for (Design.PairLatency p : d.latency()) {
            n[0] += p.realtimeOk() ? 0 : 1;
            n[1] += p.businessOk() ? 0 : 1;
            n[2] += p.bestEffortOk() ? 0 : 1;
        }
        return n;
    }

    /** Nearest-rank percentile of sorted values. */
    public static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
