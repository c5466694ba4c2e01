package org.wanplan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.wanplan.design.Design;
import org.wanplan.design.Quote;
import org.wanplan.design.Site;
import org.wanplan.design.SiteCsvReader;

/** What the design and compare commands share: reading sites, per-site sums, summary figures. */
final class Designs {
    private Designs() {}

    /** A site list: JSON when the file ends in .json, CSV otherwise. */
    static List<Site> sites(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return file.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")
                    ? org.wanplan.design.SiteJsonReader.read(in, file.toString())
                    : SiteCsvReader.read(in, file.toString());
        }
    }

    /** The price book in {@code file} (JSON, or YAML for .yaml/.yml), or the defaults when none is given. */
    static org.wanplan.design.PriceBook priceBook(Path file) throws Exception {
        if (file == null) {
            return org.wanplan.design.PriceBook.defaults();
        }
        String name = file.toString().toLowerCase(java.util.Locale.ROOT);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return org.wanplan.design.PriceBookFile.read(
                    in, file.toString(), name.endsWith(".yaml") || name.endsWith(".yml"));
        }
    }

    static BigDecimal siteNrc(Quote q, String site) {
        return q.lines().stream()
                .filter(l -> l.site().equals(site))
                .map(Quote.Line::nrc)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static BigDecimal siteMrc(Quote q, String site) {
        return q.lines().stream()
                .filter(l -> l.site().equals(site))
                .map(Quote.Line::mrc)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The compare figures of one design, as the JSON object {@code compare --json} prints per network. */
    static ObjectNode summary(Design d, Quote q) {
        ObjectNode o = new ObjectMapper().createObjectNode();
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
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
