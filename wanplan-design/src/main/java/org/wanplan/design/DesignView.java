package org.wanplan.design;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.wanplan.model.PopId;
import org.wanplan.model.SpanId;
import org.wanplan.routing.Path;

/**
 * A design and its quote as they leave the tool — the one shape the CLI's {@code design --json} and the
 * API's designs share, and everything the map UI draws: sites with their tails, backbone and protection
 * paths, per-site availability and price; the round trips; the quote; the load per backbone span; and the
 * comparison figures. Plain records: whoever writes them (as JSON) chooses how; an empty {@link Optional}
 * is left out.
 */
public record DesignView(
        String network,
        String topology,
        String availabilityBasis,
        List<SiteView> sites,
        List<Design.PairLatency> latency,
        LatencySummary latencySummary,
        QuoteView quote,
        Map<String, Double> spanLoadGbps,
        DesignFigures.Summary summary) {
    public DesignView {
        sites = List.copyOf(sites);
        latency = List.copyOf(latency);
        spanLoadGbps = java.util.Collections.unmodifiableMap(new TreeMap<>(spanLoadGbps));
    }

    /**
     * One site: where it is, its tails (the first is the primary), and either why it was refused or its
     * availability, price and backbone paths.
     */
    public record SiteView(
            String id,
            String name,
            double lat,
            double lon,
            String role,
            double bandwidthMbps,
            String resilience,
            List<TailView> tails,
            boolean refused,
            Optional<String> reason,
            Optional<Double> availability,
            Optional<BigDecimal> nrc,
            Optional<BigDecimal> mrc,
            Optional<PathView> backbone,
            Optional<PathView> protection) {
        public SiteView {
            tails = List.copyOf(tails);
        }
    }

    /**
     * An access tail: the PoP it reaches, its km, whether it is on-net, the fibre to build first for a
     * near-net site (km, 0 otherwise), and who provides it when it is off-net.
     */
    public record TailView(
            String pop, double km, boolean onNet, double buildKm, Optional<String> partner, boolean crossBorder) {}

    /** A backbone path by PoP and span ids, with its fibre km and one-way latency. */
    public record PathView(List<String> pops, List<String> spans, double km, double latencyMs) {
        public PathView {
            pops = List.copyOf(pops);
            spans = List.copyOf(spans);
        }

        public static PathView of(Path p) {
            return new PathView(
                    p.pops().stream().map(PopId::value).toList(),
                    p.spans().stream().map(SpanId::value).toList(),
                    p.km(),
                    p.latencyMs());
        }
    }

    /** The quote's totals and lines. */
    public record QuoteView(
            String currency,
            int termMonths,
            BigDecimal nrc,
            BigDecimal mrc,
            BigDecimal totalContractValue,
            List<Quote.Line> lines) {
        public QuoteView {
            lines = List.copyOf(lines);
        }
    }

    /**
     * The round trips in figures, over every site pair: nearest-rank percentiles, and how many pairs miss
     * each class's target. {@code listed} pairs are in {@code latency}: all of them, or the worst ones when
     * there are more than the view was asked to list.
     */
    public record LatencySummary(
            long pairs,
            int listed,
            double p50RttMs,
            double p90RttMs,
            double p99RttMs,
            double maxRttMs,
            long realtimeBreaches,
            long businessBreaches,
            long bestEffortBreaches) {}

    /** The view of {@code d} priced by {@code q}, with every site pair's round trip. */
    public static DesignView of(Design d, Quote q) {
        return of(d, q, Integer.MAX_VALUE);
    }

    /**
     * The view of {@code d} priced by {@code q}, listing at most {@code maxPairs} round trips (the worst
     * first when they are cut): the matrix of a large any-to-any design grows with the square of its sites
     * (1,000 sites: 499,500 pairs), so a bounded view carries the summary and the worst pairs.
     */
    public static DesignView of(Design d, Quote q, int maxPairs) {
        List<Design.PairLatency> all = d.latency();
        if (all instanceof Designer.PairList pairs) {
            return of(d, q, maxPairs, pairs);
        }
        double[] rtts = DesignFigures.rtts(d);
        long[] breaches = DesignFigures.breaches(d, rtts);
        double[] rtt = rtts.clone();
        java.util.Arrays.sort(rtt);
        List<Design.PairLatency> listed = all.size() <= maxPairs
                ? all
                : all.stream()
                        .sorted(java.util.Comparator.comparingDouble(Design.PairLatency::rttMs)
                                .reversed())
                        .limit(maxPairs)
                        .toList();
        LatencySummary summary = new LatencySummary(
                all.size(),
                listed.size(),
                DesignFigures.percentile(rtt, 50),
                DesignFigures.percentile(rtt, 90),
                DesignFigures.percentile(rtt, 99),
                rtt.length == 0 ? 0 : rtt[rtt.length - 1],
                breaches[0],
                breaches[1],
                breaches[2]);
        return view(d, q, listed, summary, DesignFigures.summary(d, q, rtts, breaches));
    }

    /**
     * The same view from the designer's compact pairs: the figures from one array of round trips, the worst
     * {@code maxPairs} found by a threshold (ties to the earlier pair), and a record made only for those listed.
     */
    private static DesignView of(Design d, Quote q, int maxPairs, Designer.PairList pairs) {
        double[] rtts = pairs.rtts();
        double[] sorted = rtts.clone();
        java.util.Arrays.sort(sorted);
        List<Design.PairLatency> listed;
        if (rtts.length <= maxPairs) {
            listed = pairs;
        } else if (maxPairs == 0) {
            listed = List.of();
        } else {
            double threshold = sorted[sorted.length - maxPairs];
            List<Integer> above = new java.util.ArrayList<>();
            List<Integer> at = new java.util.ArrayList<>();
            for (int k = 0; k < rtts.length; k++) {
                if (rtts[k] > threshold) {
                    above.add(k);
                } else if (rtts[k] == threshold) {
                    at.add(k);
                }
            }
            List<Integer> chosen = new java.util.ArrayList<>(above);
            chosen.addAll(at.subList(0, Math.min(at.size(), maxPairs - above.size())));
            chosen.sort(java.util.Comparator.comparingDouble((Integer k) -> -rtts[k])
                    .thenComparingInt(k -> k));
            listed = chosen.stream().map(pairs::get).toList();
        }
        long[] breaches = pairs.breaches(rtts);
        LatencySummary summary = new LatencySummary(
                rtts.length,
                listed.size(),
                DesignFigures.percentile(sorted, 50),
                DesignFigures.percentile(sorted, 90),
                DesignFigures.percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1],
                breaches[0],
                breaches[1],
                breaches[2]);
        return view(d, q, listed, summary, DesignFigures.summary(d, q, rtts, breaches));
    }

    private static DesignView view(
            Design d, Quote q, List<Design.PairLatency> listed, LatencySummary summary, DesignFigures.Summary figures) {
        Map<String, Double> load = new TreeMap<>();
        d.spanLoadGbps().forEach((span, gbps) -> load.put(span.value(), gbps));
        return new DesignView(
                d.network(),
                d.topology().label(),
                d.availabilityBasis(),
                d.sites().stream().map(s -> site(s, q)).toList(),
                listed,
                summary,
                new QuoteView(q.currency(), q.termMonths(), q.nrc(), q.mrc(), q.totalContractValue(), q.lines()),
                load,
                figures);
    }

    private static SiteView site(Design.SiteDesign s, Quote q) {
        boolean refused = s.refused();
        String id = s.site().id();
        return new SiteView(
                id,
                s.site().name(),
                s.site().location().latitude(),
                s.site().location().longitude(),
                s.site().role().name().toLowerCase(Locale.ROOT),
                s.site().bandwidthMbps(),
                s.site().resilience().label(),
                s.tails().stream()
                        .map(t -> new TailView(
                                t.pop().value(), t.km(), t.onNet(), t.buildKm(), t.partner(), t.crossBorder()))
                        .toList(),
                refused,
                s.refusal(),
                refused ? Optional.empty() : Optional.of(s.availability()),
                refused ? Optional.empty() : Optional.of(DesignFigures.siteNrc(q, id)),
                refused ? Optional.empty() : Optional.of(DesignFigures.siteMrc(q, id)),
                s.backbone().map(PathView::of),
                s.protection().map(PathView::of));
    }
}
