package org.wanplan.design;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /** The comparison figures of one design, as {@code compare --json} prints them per network. */
    public static ObjectNode summary(Design d, Quote q) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        double[] tails = d.sites().stream()
                .mapToDouble(s -> s.tails().get(0).km())
                .sorted()
                .toArray();
        long onNet = d.sites().stream().filter(s -> s.tails().get(0).onNet()).count();
        double[] rtt =
                d.latency().stream().mapToDouble(Design.PairLatency::rttMs).toArray();
        double[] availability = d.accepted().stream()
                .mapToDouble(Design.SiteDesign::availability)
                .toArray();
        o.put("sites", d.sites().size());
        o.put("onNetShare", d.sites().isEmpty() ? 0 : (double) onNet / d.sites().size());
        o.put("meanTailKm", Arrays.stream(tails).average().orElse(0));
        o.put("p95TailKm", percentile(tails, 95));
        o.put("meanRttMs", Arrays.stream(rtt).average().orElse(0));
        o.put("maxRttMs", Arrays.stream(rtt).max().orElse(0));
        o.put("meanAvailability", Arrays.stream(availability).average().orElse(0));
        o.put("minAvailability", Arrays.stream(availability).min().orElse(0));
        o.put("refused", d.sites().size() - d.accepted().size());
        o.put("totalContractValue", q.totalContractValue());
        return o;
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
