package org.wanplan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.wanplan.design.Design;
import org.wanplan.design.DesignFigures;
import org.wanplan.design.Quote;
import org.wanplan.design.WhatItTakes;
import org.wanplan.model.FibreLength;
import org.wanplan.model.GeoPoint;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.Span;
import org.wanplan.model.SpanId;

/**
 * The proposal a customer reads, as one self-contained HTML file (no script, no external resource; print it
 * to PDF from a browser: A4, sections on new pages, table headers repeated, rows never cut). It opens with an
 * executive summary — the customer's sites on our network against the competitor's, the figures with their
 * units, and the honest caveats (where the competitor is ahead, and what the figures rest on) — then charts
 * (access tail lengths, the round-trip distribution, availability per site, both networks on each), the two
 * maps side by side, what it takes to win where we are slower, and the quote; the appendices hold the
 * per-site tables, the quote lines, the round-trip matrix and the method.
 */
final class HtmlReport {
    private static final String BASEMAP = "/org/wanplan/io/builtin/ne_50m_europe_countries.geojson";
    private static final String[] COLOURS = {"#1f5fbf", "#d9822b"};
    private static final double HOURS_A_YEAR = 8766; // 365.25 days
    private static final int HEAT_MAP_MAX_SITES = 150;

    private HtmlReport() {}

    /** One network's design of the customer and its quote. */
    /** One network's design and quote, and the name of the price book it is quoted with. */
    record Side(Network network, Design design, Quote quote, String tariff) {
        DesignFigures.Summary summary() {
            return DesignFigures.summary(design, quote);
        }
    }

    /**
     * What the proposal is about.
     *
     * @param sides our network's design first, then the competitor's when there is one
     * @param whatItTakes for our network, when it is slower on mean round trip: the waves that would win
     * @param rtt the round-trip targets the site pairs are held to
     */
    record Proposal(
            String customer,
            List<Side> sides,
            Optional<WhatItTakes.Answer> whatItTakes,
            java.time.LocalDate date,
            org.wanplan.model.RttTargets rtt) {
        Proposal {
            sides = List.copyOf(sides);
        }

        Side ours() {
            return sides.get(0);
        }

        Optional<Side> theirs() {
            return sides.size() > 1 ? Optional.of(sides.get(1)) : Optional.empty();
        }
    }

    static void write(Writer out, Proposal p) throws IOException {
        Side ours = p.ours();
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Proposal for "
                + esc(p.customer()) + " — managed WAN on " + esc(ours.network().name()) + "</title>\n<style>"
                + CSS + "</style></head><body>\n");
        cover(out, p);
        summary(out, p);
        charts(out, p);
        maps(out, p);
        Optional<WhatItTakes.Answer> waves = p.whatItTakes().filter(WhatItTakes.Answer::needed);
        if (waves.isPresent()) {
            whatItTakes(out, ours.network(), waves.get());
        }
        quote(out, ours);
        appendixSites(out, p);
        appendixQuote(out, ours);
        heatMap(out, ours);
        method(out, p);
        out.write("</body></html>\n");
    }

    // ------------------------------------------------------------------------------------------ style

    private static final String CSS = """
            @page{size:A4;margin:14mm 12mm}
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1000px;padding:1.5em;color:#1d232b;line-height:1.45}
            h1{font-size:26px;margin:.2em 0}h2{font-size:20px;border-bottom:2px solid #1f5fbf;padding-bottom:.2em;margin-top:1.6em}
            h3{font-size:15px;margin:1.2em 0 .4em}
            .cover{border-left:6px solid #1f5fbf;padding:.6em 1em;margin-bottom:1em;background:#f4f7fc}
            .muted{color:#5b6570;font-size:12px}
            .cards{display:grid;grid-template-columns:repeat(4,1fr);gap:10px;margin:1em 0}
            .card{border:1px solid #cfd6de;border-radius:6px;padding:8px 10px;break-inside:avoid}
            .card .label{font-size:11px;color:#5b6570;text-transform:uppercase;letter-spacing:.03em}
            .card .value{font-size:20px;font-weight:600;margin:.1em 0}
            .card .other{font-size:12px;color:#5b6570}
            .better{color:#1a7f37}.worse{color:#b3261e}
            .caveats{background:#fff8e6;border:1px solid #f0d9a0;border-radius:6px;padding:.4em 1em;break-inside:avoid}
            table{border-collapse:collapse;margin:.6em 0;width:100%}
            td,th{border:1px solid #cfd6de;padding:3px 6px;font-size:12px;vertical-align:top}
            th{background:#eef2f7;text-align:left}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
            thead{display:table-header-group}tr{break-inside:avoid;page-break-inside:avoid}
            .heat td{width:5px;height:5px;padding:0;border:0}
            .maps{display:grid;grid-template-columns:1fr 1fr;gap:10px}
            .maps figure,.chart{margin:0;break-inside:avoid}
            figcaption{font-size:12px;color:#5b6570}
            svg{max-width:100%;height:auto}
            .legend span{display:inline-block;width:10px;height:10px;margin:0 4px 0 10px;vertical-align:middle}
            section.page{break-before:page;page-break-before:always}
            @media print{body{max-width:none;padding:0}h2{break-after:avoid}.cards{grid-template-columns:repeat(4,1fr)}}
            """;

    // ------------------------------------------------------------------------------------------ summary

    private static void cover(Writer out, Proposal p) throws IOException {
        Side ours = p.ours();
        out.write("<div class=\"cover\"><div class=\"muted\">Managed WAN proposal · "
                + p.date() + "</div>\n<h1>" + esc(p.customer()) + "</h1>\n<div>"
                + ours.design().sites().size() + " sites, " + esc(topology(ours.design())) + ", on "
                + esc(ours.network().name())
                + p.theirs()
                        .map(t -> ", compared with " + esc(t.network().name()))
                        .orElse("") + "</div></div>\n");
    }

    private static String topology(Design d) {
        return d.topology() == org.wanplan.design.Topology.HUB_SPOKE ? "hub and spoke" : "any to any";
    }

    private static void summary(Writer out, Proposal p) throws IOException {
        Side ours = p.ours();
        DesignFigures.Summary a = ours.summary();
        Optional<DesignFigures.Summary> b = p.theirs().map(Side::summary);
        String them = p.theirs().map(t -> t.network().name()).orElse("");
        String cur = ours.quote().currency();
        out.write("<h2 id=\"summary\">Executive summary</h2>\n<div class=\"cards\">\n");
        long onNet = Math.round(a.onNetShare() * a.sites());
        card(
                out,
                "Sites on-net",
                pct(a.onNetShare(), 0) + " (" + onNet + " of " + a.sites() + ")",
                b.map(x -> pct(x.onNetShare(), 0)),
                them,
                a.onNetShare() - b.map(DesignFigures.Summary::onNetShare).orElse(0.0));
        card(
                out,
                "Mean access tail",
                km(a.meanTailKm()),
                b.map(x -> km(x.meanTailKm())),
                them,
                b.map(x -> x.meanTailKm() - a.meanTailKm()).orElse(0.0));
        card(
                out,
                "Mean round trip",
                ms(a.meanRttMs()),
                b.map(x -> ms(x.meanRttMs())),
                them,
                b.map(x -> x.meanRttMs() - a.meanRttMs()).orElse(0.0));
        card(
                out,
                "Worst round trip",
                ms(a.maxRttMs()),
                b.map(x -> ms(x.maxRttMs())),
                them,
                b.map(x -> x.maxRttMs() - a.maxRttMs()).orElse(0.0));
        card(
                out,
                "Mean availability",
                pct(a.meanAvailability(), 3),
                b.map(x -> pct(x.meanAvailability(), 3)),
                them,
                a.meanAvailability()
                        - b.map(DesignFigures.Summary::meanAvailability).orElse(a.meanAvailability()));
        card(
                out,
                "Lowest site availability",
                pct(a.minAvailability(), 3),
                b.map(x -> pct(x.minAvailability(), 3)),
                them,
                a.minAvailability()
                        - b.map(DesignFigures.Summary::minAvailability).orElse(a.minAvailability()));
        card(
                out,
                "Monthly charge",
                roundMoney(cur, ours.quote().mrc()),
                p.theirs().map(t -> roundMoney(cur, t.quote().mrc())),
                them,
                p.theirs()
                        .map(t -> t.quote().mrc().subtract(ours.quote().mrc()).doubleValue())
                        .orElse(0.0));
        card(
                out,
                "Contract value, " + ours.quote().termMonths() + " months",
                roundMoney(cur, ours.quote().totalContractValue()),
                p.theirs().map(t -> roundMoney(cur, t.quote().totalContractValue())),
                them,
                p.theirs()
                        .map(t -> t.quote()
                                .totalContractValue()
                                .subtract(ours.quote().totalContractValue())
                                .doubleValue())
                        .orElse(0.0));
        out.write("</div>\n");
        out.write("<p>" + esc(ours.network().name()) + " connects " + onNet + " of the " + a.sites()
                + " sites on its own fibre, with a mean access tail of " + km(a.meanTailKm())
                + " (95 % of sites within " + km(a.p95TailKm()) + ")"
                + b.map(x -> "; on " + esc(them) + " " + Math.round(x.onNetShare() * x.sites()) + " are on-net and the"
                                + " mean tail is " + km(x.meanTailKm()) + " (95 % within " + km(x.p95TailKm()) + ")")
                        .orElse("")
                + ". A site is expected to be available " + pct(a.meanAvailability(), 3) + " of the time on average, "
                + hours(a.meanAvailability()) + " of outage a year"
                + b.map(x -> " (" + esc(them) + ": " + pct(x.meanAvailability(), 3) + ", " + hours(x.meanAvailability())
                                + ")")
                        .orElse("")
                + ". The mean round trip between sites is " + ms(a.meanRttMs())
                + b.map(x -> " (" + esc(them) + ": " + ms(x.meanRttMs()) + ")").orElse("") + ". The service costs "
                + roundMoney(cur, ours.quote().mrc()) + " a month and "
                + roundMoney(cur, ours.quote().nrc())
                + " once: " + roundMoney(cur, ours.quote().totalContractValue()) + " over "
                + ours.quote().termMonths()
                + " months"
                + p.theirs()
                        .map(t -> ", against " + roundMoney(cur, t.quote().totalContractValue()) + " for the same sites"
                                + " on " + esc(them))
                        .orElse("")
                + ".</p>\n");
        caveats(out, p, a, b);
    }

    private static void card(
            Writer out, String label, String value, Optional<String> other, String them, double advantage)
            throws IOException {
        String cls = other.isEmpty() || advantage == 0 ? "" : advantage > 0 ? " better" : " worse";
        out.write("<div class=\"card\"><div class=\"label\">" + esc(label) + "</div><div class=\"value" + cls
                + "\">" + value + "</div>"
                + other.map(o -> "<div class=\"other\">" + esc(them) + ": " + o + "</div>")
                        .orElse("")
                + "</div>\n");
    }

    private static void caveats(Writer out, Proposal p, DesignFigures.Summary a, Optional<DesignFigures.Summary> b)
            throws IOException {
        List<String> items = new ArrayList<>();
        String us = esc(p.ours().network().name());
        if (b.isPresent()) {
            DesignFigures.Summary x = b.get();
            String them = esc(p.theirs().get().network().name());
            if (x.meanRttMs() < a.meanRttMs()) {
                items.add(them + " is faster on mean round trip (" + ms(x.meanRttMs()) + " against " + ms(a.meanRttMs())
                        + "): its sites reach its few PoPs over long off-net tails"
                        + (p.ours().design().topology() == org.wanplan.design.Topology.HUB_SPOKE
                                ? " that run nearly straight towards the hubs"
                                : "")
                        + ", while " + us + " carries the traffic from a nearby PoP across several backbone hops,"
                        + " whose fibre detours and per-PoP allowance add up"
                        + p.whatItTakes()
                                .filter(w -> w.needed() && w.met())
                                .map(w -> "; leasing "
                                        + w.spans().size() + " wave(s) would bring it to " + ms(w.afterMeanRttMs())
                                        + " (see <a href=\"#what-it-takes\">What it takes</a>)")
                                .orElse("")
                        + ".");
            }
            if (x.maxRttMs() < a.maxRttMs()) {
                items.add(them + " has the lower worst round trip (" + ms(x.maxRttMs()) + " against " + ms(a.maxRttMs())
                        + ").");
            }
            if (x.realtimeBreaches() < a.realtimeBreaches() || x.businessBreaches() < a.businessBreaches()) {
                items.add(us + " misses the round-trip target of its distance band on more site pairs (real-time "
                        + a.realtimeBreaches() + ", business " + a.businessBreaches() + "; " + them + ": "
                        + x.realtimeBreaches() + " and " + x.businessBreaches() + "): see Appendix C.");
            }
            if (x.meanAvailability() > a.meanAvailability()) {
                items.add(them + " has the higher mean availability (" + pct(x.meanAvailability(), 3) + " against "
                        + pct(a.meanAvailability(), 3) + ").");
            }
            if (x.minAvailability() > a.minAvailability()) {
                items.add("the least available site is better served on " + them + " (" + pct(x.minAvailability(), 3)
                        + " against " + pct(a.minAvailability(), 3) + ").");
            }
            if (x.refused() < a.refused()) {
                items.add(a.refused() + " site(s) cannot have the resilience asked for on " + us + " (" + x.refused()
                        + " on " + them + "): see the site table.");
            }
            String ourTariff = p.ours().tariff();
            String theirTariff = p.theirs().get().tariff();
            items.add(
                    ourTariff.equals(theirTariff)
                            ? "Both networks are priced with the same price book (" + esc(ourTariff) + "), so the price"
                                    + " difference is the cost of reaching each network (off-net tails), not " + them
                                    + "'s actual tariff, which was not given."
                            : "Each network is priced with its own tariff: " + us + " with " + esc(ourTariff) + ", "
                                    + them + " with " + esc(theirTariff) + ".");
        }
        if (a.refused() > 0 && b.isEmpty()) {
            items.add(a.refused() + " site(s) cannot have the resilience asked for: see the site table.");
        }
        List<String> onRequest = p.ours().quote().onRequest();
        if (!onRequest.isEmpty()) {
            items.add(onRequest.size() + " site(s) need more bandwidth than the largest access tier and are priced on"
                    + " request, outside the totals.");
        }
        items.add("Availability is measured " + esc(basis(p.ours().design().availabilityBasis()))
                + ": the backbone reroutes around failures; access tails, PoPs and spans fail at the published rates"
                + " the method appendix cites. These are planning estimates, not a service level: the SLA is"
                + " offered separately.");
        items.add("Round trips are CE to CE: fibre length at the speed of light in glass plus a switching allowance"
                + " per PoP; queueing under load is not included.");
        out.write("<div class=\"caveats\"><h3>What to keep in mind</h3><ul>\n");
        for (String i : items) {
            out.write("<li>" + i + "</li>\n");
        }
        out.write("</ul></div>\n");
    }

    // ------------------------------------------------------------------------------------------ charts

    private static void charts(Writer out, Proposal p) throws IOException {
        out.write("<section class=\"page\"><h2 id=\"charts\">The sites on "
                + (p.sides().size() > 1 ? "both networks" : "the network") + "</h2>\n" + legend(p));
        tailChart(out, p);
        rttChart(out, p);
        availabilityChart(out, p);
        out.write("</section>\n");
    }

    private static String legend(Proposal p) {
        StringBuilder b = new StringBuilder("<p class=\"legend muted\">");
        for (int i = 0; i < p.sides().size(); i++) {
            b.append("<span style=\"background:")
                    .append(COLOURS[i])
                    .append("\"></span>")
                    .append(esc(p.sides().get(i).network().name()));
        }
        return b.append("</p>\n").toString();
    }

    private static final double[] TAIL_BANDS = {1, 5, 10, 25, 50, 100, 250, Double.POSITIVE_INFINITY};
    private static final String[] TAIL_LABELS = {"< 1", "1–5", "5–10", "10–25", "25–50", "50–100", "100–250", "> 250"};

    private static void tailChart(Writer out, Proposal p) throws IOException {
        int w = 900;
        int h = 260;
        int left = 50;
        int bottom = 40;
        int[][] counts = new int[p.sides().size()][TAIL_BANDS.length];
        int max = 1;
        for (int s = 0; s < p.sides().size(); s++) {
            for (Design.SiteDesign sd : p.sides().get(s).design().sites()) {
                double km = sd.tails().get(0).km();
                int band = 0;
                while (km >= TAIL_BANDS[band]) {
                    band++;
                }
                max = Math.max(max, ++counts[s][band]);
            }
        }
        StringBuilder svg = new StringBuilder(svgOpen(w, h, "tail-chart"));
        double tick = step(max, true);
        double top = Math.ceil(max / tick) * tick;
        axes(svg, left, 10, w - 10, h - bottom, top, tick, "sites", v -> fmt("%.0f", v));
        double slot = (w - left - 20.0) / TAIL_BANDS.length;
        double bar = slot * 0.8 / p.sides().size();
        for (int band = 0; band < TAIL_BANDS.length; band++) {
            double x0 = left + 10 + band * slot;
            for (int s = 0; s < p.sides().size(); s++) {
                double bh = (h - bottom - 10.0) * counts[s][band] / top;
                svg.append(fmt(
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %d sites with a"
                                + " %s km tail</title></rect>",
                        x0 + s * bar,
                        h - bottom - bh,
                        bar - 1,
                        bh,
                        COLOURS[s],
                        esc(p.sides().get(s).network().name()),
                        counts[s][band],
                        TAIL_LABELS[band]));
                if (counts[s][band] > 0) {
                    svg.append(fmt(
                            "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\">%d</text>",
                            x0 + s * bar + bar / 2, h - bottom - bh - 3, counts[s][band]));
                }
            }
            svg.append(fmt(
                    "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>",
                    x0 + slot * 0.4, h - bottom + 15, TAIL_LABELS[band]));
        }
        svg.append(fmt(
                "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">access tail of the primary PoP,"
                        + " km</text></svg>",
                w / 2, h - 6));
        out.write("<figure class=\"chart\"><h3>Access tail lengths</h3>" + svg
                + "<figcaption>Sites by the length of the access tail to their primary PoP: the shorter, the cheaper"
                + " and the less exposed to cuts. Tails within a PoP's metro footprint are on-net.</figcaption>"
                + "</figure>\n");
    }

    private static void rttChart(Writer out, Proposal p) throws IOException {
        int w = 900;
        int h = 260;
        int left = 50;
        int bottom = 40;
        List<double[]> sorted = new ArrayList<>();
        double max = 1;
        for (Side s : p.sides()) {
            double[] r = DesignFigures.rtts(s.design()).clone();
            Arrays.sort(r);
            sorted.add(r);
            if (r.length > 0) {
                max = Math.max(max, r[r.length - 1]);
            }
        }
        double xStep = step(max, true);
        double xMax = Math.ceil(max / xStep) * xStep;
        StringBuilder svg = new StringBuilder(svgOpen(w, h, "rtt-chart"));
        axes(svg, left, 10, w - 10, h - bottom, 1, 0.25, "share of pairs", v -> fmt("%.0f %%", 100 * v));
        for (int t = 0; t <= xMax; t += (int) Math.max(1, xMax / 10)) {
            double x = left + (w - 10.0 - left) * t / xMax;
            svg.append(fmt(
                    "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%d</text>",
                    x, h - bottom + 15, t));
        }
        for (int s = 0; s < sorted.size(); s++) {
            double[] r = sorted.get(s);
            if (r.length == 0) {
                continue;
            }
            StringBuilder pts = new StringBuilder();
            int step = Math.max(1, r.length / 600);
            for (int i = 0; i < r.length; i += step) {
                pts.append(fmt(
                        "%.1f,%.1f ",
                        left + (w - 10.0 - left) * r[i] / xMax, h - bottom - (h - bottom - 10.0) * (i + 1) / r.length));
            }
            pts.append(fmt("%.1f,%.1f", left + (w - 10.0 - left) * r[r.length - 1] / xMax, 10.0));
            svg.append("<polyline fill=\"none\" stroke-width=\"2.2\" stroke=\"" + COLOURS[s] + "\" points=\"" + pts
                    + "\"><title>" + esc(p.sides().get(s).network().name()) + "</title></polyline>");
        }
        svg.append(fmt(
                "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">round trip between sites, CE to CE,"
                        + " ms</text></svg>",
                w / 2, h - 6));
        out.write("<figure class=\"chart\"><h3>Round trips</h3>" + svg
                + "<figcaption>The share of site pairs that talk (" + fmt("%,d", sorted.get(0).length)
                + " on " + esc(p.ours().network().name()) + ") whose round trip is at most the value on the axis:"
                + " the further left, the faster.</figcaption></figure>\n");
    }

    private static void availabilityChart(Writer out, Proposal p) throws IOException {
        int w = 900;
        int h = 260;
        int left = 50;
        int bottom = 40;
        List<double[]> down = new ArrayList<>();
        double max = 0.1;
        for (Side s : p.sides()) {
            double[] d = s.design().accepted().stream()
                    .mapToDouble(x -> (1 - x.availability()) * HOURS_A_YEAR)
                    .sorted()
                    .toArray();
            down.add(d);
            if (d.length > 0) {
                max = Math.max(max, d[d.length - 1]);
            }
        }
        double tick = step(max, false);
        double yMax = Math.ceil(max / tick) * tick;
        StringBuilder svg = new StringBuilder(svgOpen(w, h, "availability-chart"));
        axes(
                svg,
                left,
                10,
                w - 10,
                h - bottom,
                yMax,
                tick,
                "hours a year",
                v -> tick < 1 ? fmt("%.1f", v) : fmt("%.0f", v));
        for (int s = 0; s < down.size(); s++) {
            double[] d = down.get(s);
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < d.length; i++) {
                pts.append(fmt(
                        "%.1f,%.1f ",
                        left + (w - 10.0 - left) * (i + 0.5) / d.length,
                        h - bottom - (h - bottom - 10.0) * d[i] / yMax));
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"2.2\" stroke=\"" + COLOURS[s] + "\" points=\"" + pts
                    + "\"><title>" + esc(p.sides().get(s).network().name()) + "</title></polyline>");
        }
        svg.append(fmt(
                "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">sites, from the most to the least"
                        + " available</text></svg>",
                w / 2, h - 6));
        out.write("<figure class=\"chart\"><h3>Availability per site</h3>" + svg
                + "<figcaption>Each site's expected outage in hours a year (1 − availability, measured "
                + esc(basis(p.ours().design().availabilityBasis())) + "), sites sorted: the lower, the better."
                + "</figcaption></figure>\n");
    }

    private static String svgOpen(int w, int h, String id) {
        return "<svg id=\"" + id + "\" viewBox=\"0 0 " + w + " " + h + "\" width=\"" + w + "\" height=\"" + h
                + "\" role=\"img\">";
    }

    /**
     * A tick step for an axis from 0 to {@code max}: 1, 2 or 5 times a power of ten, so that at most five
     * steps cover it ({@code whole}: at least 1, for counts).
     */
    static double step(double max, boolean whole) {
        double raw = Math.max(max, 1e-9) / 5;
        double base = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * base >= raw) {
                return whole ? Math.max(1, Math.ceil(m * base)) : m * base;
            }
        }
        return 10 * base;
    }

    /** Draws the axes and the horizontal grid from 0 to {@code top} every {@code step}. */
    private static void axes(
            StringBuilder svg,
            int x0,
            int y0,
            int x1,
            int y1,
            double top,
            double step,
            String label,
            java.util.function.DoubleFunction<String> tick) {
        svg.append(fmt(
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/><line x1=\"%d\" y1=\"%d\" x2=\"%d\""
                        + " y2=\"%d\" stroke=\"#888\"/>",
                x0, y0, x0, y1, x0, y1, x1, y1));
        for (int i = 0; i * step <= top + 1e-9; i++) {
            double v = i * step;
            double y = y1 - (y1 - y0) * v / top;
            svg.append(fmt(
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e3e7ec\"/><text x=\"%d\" y=\"%.1f\""
                            + " font-size=\"10\" text-anchor=\"end\">%s</text>",
                    x0 + 1, y, x1, y, x0 - 4, y + 3, tick.apply(v)));
        }
        svg.append(fmt(
                "<text x=\"12\" y=\"%d\" font-size=\"11\" transform=\"rotate(-90 12 %d)\" text-anchor=\"middle\">%s</text>",
                (y0 + y1) / 2, (y0 + y1) / 2, label));
    }

    // ------------------------------------------------------------------------------------------ maps

    private static void maps(Writer out, Proposal p) throws IOException {
        List<GeoPoint> extent = new ArrayList<>();
        for (Side s : p.sides()) {
            s.design().sites().forEach(sd -> extent.add(sd.site().location()));
            s.design()
                    .sites()
                    .forEach(sd -> sd.tails()
                            .forEach(t -> s.network()
                                    .pop(t.pop())
                                    .flatMap(Pop::location)
                                    .ifPresent(extent::add)));
        }
        List<WhatItTakes.Lease> waves = p.whatItTakes()
                .filter(a -> a.needed() && a.met())
                .map(WhatItTakes.Answer::spans)
                .orElse(List.of());
        boolean two = p.sides().size() > 1;
        out.write("<section class=\"page\"><h2 id=\"maps\">Map" + (two ? "s" : "") + "</h2>\n<div class=\""
                + (two ? "maps" : "") + "\">\n");
        for (int i = 0; i < p.sides().size(); i++) {
            Side s = p.sides().get(i);
            DesignFigures.Summary f = s.summary();
            out.write("<figure><h3>" + esc(s.network().name()) + "</h3>\n");
            map(out, s.network(), s.design(), i == 0 ? waves : List.of(), extent, two ? 480 : 900, two ? 520 : 700);
            out.write("<figcaption>" + s.network().pops().size() + " PoPs, " + fmt("%,.0f", totalKm(s.network()))
                    + " km of fibre; " + pct(f.onNetShare(), 0) + " of the sites on-net, mean tail "
                    + km(f.meanTailKm()) + ".</figcaption></figure>\n");
        }
        out.write("</div>\n<p class=\"muted\">Backbone grey (spans the service uses red, submarine dashed), PoPs dark,"
                + " sites purple, tails green on-net and orange off-net"
                + (waves.isEmpty() ? "" : ", leased waves that would win dashed blue") + ".</p></section>\n");
    }

    private static double totalKm(Network n) {
        return n.spans().stream()
                .mapToDouble(s -> s.length().map(FibreLength::km).orElse(0.0))
                .sum();
    }

    private static void map(
            Writer out,
            Network n,
            Design d,
            List<WhatItTakes.Lease> waves,
            List<GeoPoint> extent,
            int width,
            int height)
            throws IOException {
        double minLat = extent.stream().mapToDouble(GeoPoint::latitude).min().orElse(35) - 1.5;
        double maxLat = extent.stream().mapToDouble(GeoPoint::latitude).max().orElse(70) + 1.5;
        double minLon = extent.stream().mapToDouble(GeoPoint::longitude).min().orElse(-10) - 2;
        double maxLon = extent.stream().mapToDouble(GeoPoint::longitude).max().orElse(30) + 2;
        double kx = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double scale = Math.min(width / ((maxLon - minLon) * kx), height / (maxLat - minLat));
        Projection p = new Projection(minLon, maxLat, kx, scale);
        out.write("<svg class=\"map\" viewBox=\"0 0 " + width + " " + height + "\" width=\"" + width + "\" height=\""
                + height + "\" style=\"background:#dfefff;border:1px solid #b8c4d0\">\n");
        basemap(out, p);
        Map<SpanId, Double> load = d.spanLoadGbps();
        for (Span s : n.spans()) {
            var a = n.pop(s.a()).flatMap(Pop::location);
            var b = n.pop(s.b()).flatMap(Pop::location);
            if (a.isPresent() && b.isPresent()) {
                boolean used = load.containsKey(s.id());
                out.write("<line x1=\"" + p.x(a.get()) + "\" y1=\"" + p.y(a.get()) + "\" x2=\"" + p.x(b.get())
                        + "\" y2=\"" + p.y(b.get()) + "\" stroke=\"" + (used ? "#c0392b" : "#7f8c8d")
                        + "\" stroke-width=\"" + (used ? 2.2 : 0.9) + "\""
                        + (s.submarine() ? " stroke-dasharray=\"4 3\"" : "") + "><title>" + esc(s.id().value())
                        + (used ? fmt(": %.3f Gbit/s", load.get(s.id())) : "") + "</title></line>\n");
            }
        }
        for (WhatItTakes.Lease wave : waves) {
            var a = n.pop(org.wanplan.model.PopId.of(wave.a())).flatMap(Pop::location);
            var b = n.pop(org.wanplan.model.PopId.of(wave.b())).flatMap(Pop::location);
            if (a.isPresent() && b.isPresent()) {
                out.write("<line class=\"wave\" x1=\"" + p.x(a.get()) + "\" y1=\"" + p.y(a.get()) + "\" x2=\""
                        + p.x(b.get()) + "\" y2=\"" + p.y(b.get())
                        + "\" stroke=\"#2471a3\" stroke-width=\"3.5\" stroke-dasharray=\"8 4\"><title>lease "
                        + esc(wave.a() + " – " + wave.b()) + fmt(": %.1f km", wave.lengthKm()) + "</title></line>\n");
            }
        }
        for (Pop pop : n.pops()) {
            pop.location()
                    .ifPresent(l -> write(
                            out,
                            "<circle cx=\"" + p.x(l) + "\" cy=\"" + p.y(l) + "\" r=\"2\" fill=\"#2c3e50\"><title>"
                                    + esc(pop.name()) + "</title></circle>\n"));
        }
        for (Design.SiteDesign s : d.sites()) {
            GeoPoint at = s.site().location();
            for (var t : s.tails()) {
                n.pop(t.pop())
                        .flatMap(Pop::location)
                        .ifPresent(l -> write(
                                out,
                                "<line x1=\"" + p.x(at) + "\" y1=\"" + p.y(at) + "\" x2=\"" + p.x(l) + "\" y2=\""
                                        + p.y(l) + "\" stroke=\"" + (t.onNet() ? "#27ae60" : "#e67e22")
                                        + "\" stroke-width=\"1.2\"/>\n"));
            }
            write(
                    out,
                    "<rect x=\"" + p.dx(at, -2.5) + "\" y=\"" + p.dy(at, -2.5) + "\" width=\"5\" height=\"5\" fill=\""
                            + (s.refused() ? "#000" : "#8e44ad") + "\"><title>"
                            + esc(s.site().name())
                            + "</title></rect>\n");
        }
        out.write("</svg>\n");
    }

    private record Projection(double lon0, double lat0, double kx, double scale) {
        String x(GeoPoint g) {
            return fmt("%.1f", (g.longitude() - lon0) * kx * scale);
        }

        String y(GeoPoint g) {
            return fmt("%.1f", (lat0 - g.latitude()) * scale);
        }

        String dx(GeoPoint g, double offset) {
            return fmt("%.1f", (g.longitude() - lon0) * kx * scale + offset);
        }

        String dy(GeoPoint g, double offset) {
            return fmt("%.1f", (lat0 - g.latitude()) * scale + offset);
        }
    }

    /** The basemap's countries, read once: the proposal draws two maps. */
    private static final class Countries {
        static final JsonNode FEATURES = read();

        private static JsonNode read() {
            try (InputStream in = HtmlReport.class.getResourceAsStream(BASEMAP)) {
                return new ObjectMapper().readTree(in).path("features");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void basemap(Writer out, Projection p) throws IOException {
        StringBuilder path = new StringBuilder();
        for (JsonNode f : Countries.FEATURES) {
            JsonNode g = f.path("geometry");
            List<JsonNode> polygons = new ArrayList<>();
            if (g.path("type").asText().equals("Polygon")) {
                polygons.add(g.path("coordinates"));
            } else {
                g.path("coordinates").forEach(polygons::add);
            }
            for (JsonNode polygon : polygons) {
                JsonNode ring = polygon.get(0);
                double lastX = Double.NaN;
                double lastY = Double.NaN;
                for (int i = 0; i < ring.size(); i++) {
                    double lon = ring.get(i).get(0).asDouble();
                    double lat = ring.get(i).get(1).asDouble();
                    double x = (lon - p.lon0()) * p.kx() * p.scale();
                    double y = (p.lat0() - lat) * p.scale();
                    if (i == 0 || Math.hypot(x - lastX, y - lastY) >= 1.5) { // drop sub-pixel detail
                        path.append(i == 0 ? "M" : "L")
                                .append(fmt("%.1f", x))
                                .append(',')
                                .append(fmt("%.1f", y));
                        lastX = x;
                        lastY = y;
                    }
                }
                path.append('Z');
            }
        }
        out.write("<path d=\"" + path + "\" fill=\"#f7f4ea\" stroke=\"#b8b1a0\" stroke-width=\"0.6\"/>\n");
    }

    // ------------------------------------------------------------------------------------------ what it takes

    private static void whatItTakes(Writer out, Network n, WhatItTakes.Answer a) throws IOException {
        out.write("<section class=\"page\"><h2 id=\"what-it-takes\">What it takes to win on latency</h2>\n<p>On "
                + esc(n.name()) + " this customer's mean round trip is " + ms(a.meanRttMs()) + ", on "
                + esc(a.competitor()) + " " + ms(a.competitorMeanRttMs()) + ". ");
        if (!a.met()) {
            out.write("No set of up to 30 leased waves makes it faster (the best found gives " + ms(a.afterMeanRttMs())
                    + ").</p></section>\n");
            return;
        }
        out.write("Leasing " + a.spans().size() + " wave(s), " + km(a.km()) + ", brings it to "
                + ms(a.afterMeanRttMs()) + " (the customer designed again with them) for "
                + money("EUR", BigDecimal.valueOf(a.mrc())) + " a month, "
                + money("EUR", BigDecimal.valueOf(a.termCost()))
                + " over " + a.termMonths() + " months: " + fmt("%.2f %%", 100 * a.shareOfContract())
                + " of the " + money("EUR", a.contractValue()) + " contract value. Waves at EUR 1.25 per km and month"
                + " (the <code>augment</code> catalogue); drawn dashed blue on the map.</p>\n"
                + "<table><thead><tr><th>from</th><th>to</th><th class=n>length</th><th class=n>a month</th></tr>"
                + "</thead><tbody>\n");
        for (WhatItTakes.Lease l : a.spans()) {
            out.write("<tr><td>" + esc(name(n, l.a())) + "</td><td>" + esc(name(n, l.b())) + "</td><td class=n>"
                    + km(l.lengthKm()) + "</td><td class=n>" + money("EUR", BigDecimal.valueOf(l.mrc()))
                    + "</td></tr>\n");
        }
        out.write("</tbody></table></section>\n");
    }

    private static String name(Network n, String pop) {
        return n.pop(org.wanplan.model.PopId.of(pop)).map(Pop::name).orElse(pop);
    }

    // ------------------------------------------------------------------------------------------ quote

    private static void quote(Writer out, Side ours) throws IOException {
        Quote q = ours.quote();
        Map<String, BigDecimal[]> byItem = new LinkedHashMap<>();
        for (Quote.Line l : q.lines()) {
            BigDecimal[] sums = byItem.computeIfAbsent(
                    category(l.item()), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(l.nrc());
            sums[1] = sums[1].add(l.mrc());
        }
        String cur = q.currency();
        out.write("<section class=\"page\"><h2 id=\"quote\">Quote</h2>\n<p>" + q.termMonths() + "-month term, prices"
                + " in " + esc(cur) + " excluding VAT. Every line per site is in <a href=\"#appendix-quote\">appendix"
                + " B</a>.</p>\n<table><thead><tr><th>item</th><th class=n>one-off</th><th class=n>monthly</th>"
                + "<th class=n>over the term</th></tr></thead><tbody>\n");
        for (Map.Entry<String, BigDecimal[]> e : byItem.entrySet()) {
            BigDecimal[] s = e.getValue();
            out.write("<tr><td>" + esc(e.getKey()) + "</td><td class=n>" + money(cur, s[0]) + "</td><td class=n>"
                    + money(cur, s[1]) + "</td><td class=n>"
                    + money(cur, s[0].add(s[1].multiply(BigDecimal.valueOf(q.termMonths())))) + "</td></tr>\n");
        }
        out.write("<tr><th>total</th><th class=n>" + money(cur, q.nrc()) + "</th><th class=n>" + money(cur, q.mrc())
                + "</th><th class=n>" + money(cur, q.totalContractValue())
                + "</th></tr>\n</tbody></table></section>\n");
    }

    /** A quote line's kind, from the words it starts with (the quote names each line so). */
    static String category(String item) {
        if (item.startsWith(Quote.ON_REQUEST)) {
            return "priced on request";
        }
        if (item.startsWith("on-net access") || item.startsWith("near-net access")) {
            return "access on our fibre";
        }
        if (item.startsWith(Quote.NEAR_NET_BUILD)) {
            return "fibre built to near-net sites";
        }
        if (item.startsWith(Quote.CROSS_BORDER)) {
            return "hand-over across a border";
        }
        if (item.contains("access")) {
            return "access through a partner (off-net)";
        }
        if (item.startsWith("port")) {
            return "VPN ports";
        }
        if (item.startsWith("class of service")) {
            return "classes of service";
        }
        if (item.startsWith("second tail")) {
            return "second access tails";
        }
        if (item.startsWith("resilience")) {
            return "resilience options";
        }
        if (item.startsWith("management")) {
            return "management and installation";
        }
        return item;
    }

    // ------------------------------------------------------------------------------------------ appendices

    private static void appendixSites(Writer out, Proposal p) throws IOException {
        Side ours = p.ours();
        Map<String, Design.SiteDesign> other = new HashMap<>();
        p.theirs()
                .ifPresent(
                        t -> t.design().sites().forEach(s -> other.put(s.site().id(), s)));
        String them = p.theirs().map(t -> esc(t.network().name())).orElse("");
        out.write("<section class=\"page\"><h2 id=\"appendix-sites\">Appendix A — the sites</h2>\n<p>Availability"
                + " measured " + esc(basis(ours.design().availabilityBasis())) + ". Prices in "
                + esc(ours.quote().currency()) + ".</p>\n<table><thead><tr><th>site</th><th>city</th><th>role</th>"
                + "<th class=n>bandwidth</th><th>resilience</th><th>PoP</th><th class=n>tail</th><th>on-net</th>"
                + "<th class=n>availability</th><th class=n>monthly</th>"
                + (p.theirs().isPresent()
                        ? "<th class=n>tail on " + them + "</th><th class=n>availability on " + them + "</th>"
                        : "")
                + "</tr></thead><tbody>\n");
        for (Design.SiteDesign s : ours.design().sites()) {
            var site = s.site();
            out.write("<tr><td>" + esc(site.id()) + "</td><td>"
                    + esc(site.city().orElse(""))
                    + site.country().map(c -> " (" + esc(c) + ")").orElse("") + "</td><td>"
                    + site.role().name().toLowerCase(Locale.ROOT) + "</td><td class=n>" + mbps(site.bandwidthMbps())
                    + "</td><td>" + esc(site.resilience().label()) + "</td><td>"
                    + esc(String.join(
                            " + ",
                            s.tails().stream()
                                    .map(t -> t.pop().value())
                                    .distinct()
                                    .toList()))
                    + "</td><td class=n>" + km(s.tails().get(0).km()) + "</td><td>"
                    + (s.tails().get(0).onNet()
                            ? "yes"
                            : "no"
                                    + s.tails()
                                            .get(0)
                                            .partner()
                                            .map(x -> " (" + esc(x) + ")")
                                            .orElse(""))
                    + "</td><td class=n>"
                    + (s.refused() ? "refused: " + esc(s.refusal().get()) : pct(s.availability(), 4))
                    + "</td><td class=n>"
                    + money("", DesignFigures.siteMrc(ours.quote(), site.id())).strip()
                    + "</td>");
            if (p.theirs().isPresent()) {
                Design.SiteDesign o = other.get(site.id());
                out.write(
                        o == null
                                ? "<td></td><td></td>"
                                : "<td class=n>" + km(o.tails().get(0).km()) + "</td><td class=n>"
                                        + (o.refused() ? "refused" : pct(o.availability(), 4)) + "</td>");
            }
            out.write("</tr>\n");
        }
        out.write("</tbody></table></section>\n");
    }

    private static void appendixQuote(Writer out, Side ours) throws IOException {
        Quote q = ours.quote();
        String cur = q.currency();
        out.write("<section class=\"page\"><h2 id=\"appendix-quote\">Appendix B — the quote, line by line</h2>\n"
                + "<table><thead><tr><th>site</th><th>item</th><th class=n>one-off</th><th class=n>monthly</th></tr>"
                + "</thead><tbody>\n");
        for (Quote.Line l : q.lines()) {
            out.write("<tr><td>" + esc(l.site()) + "</td><td>" + esc(l.item()) + "</td><td class=n>"
                    + money(cur, l.nrc()) + "</td><td class=n>" + money(cur, l.mrc()) + "</td></tr>\n");
        }
        out.write("<tr><th colspan=2>total (" + q.termMonths() + " months: " + money(cur, q.totalContractValue())
                + ")</th><th class=n>" + money(cur, q.nrc()) + "</th><th class=n>" + money(cur, q.mrc())
                + "</th></tr>\n</tbody></table></section>\n");
    }

    private static void heatMap(Writer out, Side ours) throws IOException {
        Design d = ours.design();
        List<String> ids = d.accepted().stream().map(s -> s.site().id()).toList();
        out.write("<section class=\"page\"><h2 id=\"appendix-latency\">Appendix C — Round-trip latency between sites"
                + " (CE to CE)</h2>\n");
        if (ids.size() > HEAT_MAP_MAX_SITES) {
            out.write(
                    "<p>" + ids.size() + " sites are too many for a matrix on paper; <code>wanplan design --json</code>"
                            + " lists the worst round trips and the API streams every pair as CSV.</p></section>\n");
            return;
        }
        Map<String, Double> rtt = new HashMap<>();
        double max = 0;
        for (Design.PairLatency l : d.latency()) {
            rtt.put(l.a() + "|" + l.b(), l.rttMs());
            rtt.put(l.b() + "|" + l.a(), l.rttMs());
            max = Math.max(max, l.rttMs());
        }
        out.write("<p>On " + esc(ours.network().name()) + ", sites in site-table order; from green (0 ms) to red ("
                + ms(max) + "); white where two sites do not talk (" + esc(topology(d)) + "). Hover a cell for the"
                + " pair.</p>\n<table class=heat>\n");
        for (String a : ids) {
            out.write("<tr>");
            for (String b : ids) {
                Double v = rtt.get(a + "|" + b);
                if (v == null) {
                    out.write("<td style=\"background:#fff\"></td>");
                } else {
                    int red = (int) Math.round(255 * v / Math.max(max, 1e-9));
                    out.write("<td title=\"" + esc(a) + " – " + esc(b) + ": " + fmt("%.2f", v)
                            + " ms\" style=\"background:rgb(" + red + "," + (220 - red * 200 / 255) + ",60)\"></td>");
                }
            }
            out.write("</tr>\n");
        }
        out.write("</table>\n");
        List<Design.PairLatency> missed = d.latency().stream()
                .filter(l -> !l.realtimeOk() || !l.businessOk())
                .sorted(java.util.Comparator.comparingDouble(Design.PairLatency::rttMs)
                        .reversed())
                .toList();
        out.write("<h3>Pairs over their distance band's target</h3>\n");
        if (missed.isEmpty()) {
            out.write("<p>None: every pair meets the real-time and business targets of its band.</p>\n");
        } else {
            out.write("<table><thead><tr><th>pair</th><th class=n>great circle</th><th class=n>round trip</th>"
                    + "<th>misses</th></tr></thead><tbody>\n");
            for (Design.PairLatency l : missed.subList(0, Math.min(missed.size(), MISSED_ROWS))) {
                out.write("<tr><td>" + esc(l.a()) + " – " + esc(l.b()) + "</td><td class=n>" + fmt("%,.0f km", l.km())
                        + "</td><td class=n>" + fmt("%.2f ms", l.rttMs()) + "</td><td>"
                        + (l.realtimeOk() ? "business" : l.businessOk() ? "real-time" : "real-time, business")
                        + "</td></tr>\n");
            }
            out.write("</tbody></table>\n");
            if (missed.size() > MISSED_ROWS) {
                out.write("<p>" + (missed.size() - MISSED_ROWS) + " more: <code>wanplan design --json</code> lists"
                        + " them.</p>\n");
            }
        }
        out.write("</section>\n");
    }

    private static void method(Writer out, Proposal p) throws IOException {
        out.write("<section class=\"page\"><h2 id=\"method\">Appendix D — how the figures are made</h2>\n<ul>\n"
                + "<li>Each site is homed on the nearest PoP (two PoPs for pop- and SRLG-diverse sites); a tail within"
                + " the PoP's metro footprint is on-net, otherwise it is an off-net tail through a partner in the"
                + " site's country, handed over at a PoP in that country; where the network has no PoP there, the"
                + " partner's circuit crosses the border, at a surcharge on its off-net band (30 % of it in the"
                + " built-in price book).</li>\n"
                + "<li>Traffic between sites is summed per pair of PoPs and placed on the shortest path by latency"
                + " with the spans' capacity; a round trip is twice the fibre propagation (1.468 refractive index)"
                + " of tails and path plus 0.05 ms per PoP crossed.</li>\n"
                + "<li>Availability: spans fail by cuts per 1,000 km and year, PoPs and access tails at published"
                + " rates, each repaired in its mean time: an off-net tail in its partner's time (the README lists"
                + " every figure with its source); a site is"
                + " down only in the failure states the backbone cannot reroute around — "
                + esc(basis(p.ours().design().availabilityBasis())) + ".</li>\n"
                + "<li>Prices from the price book (" + esc(p.ours().quote().currency()) + ", "
                + p.ours().quote().termMonths() + " months; "
                + String.join(
                        ", ",
                        p.sides().stream()
                                .map(x -> esc(x.network().name()) + ": " + esc(x.tariff()))
                                .toList())
                + "): access tiers by bandwidth, off-net distance bands, uplifts"
                + " for classes of service and resilience, management and installation.</li>\n"
                + "<li>Round trips are held, CE to CE, to the targets of each pair's distance band (great circle"
                + " between the sites; real-time / business / best effort): " + esc(bands(p.rtt()))
                + (p.rtt().equals(org.wanplan.model.RttTargets.defaults())
                        ? " (the defaults: the README cites the operators' service levels they come from)"
                        : " (the bid's own)")
                + ".</li>\n"
                + "</ul>\n<p class=\"muted\">Made with wanplan. Basemap: Natural Earth (public domain). Cities: GeoNames"
                + " (CC BY 4.0).</p></section>\n");
    }

    // ------------------------------------------------------------------------------------------ formats

    /** The most pairs over target the appendix lists. */
    static final int MISSED_ROWS = 50;

    /** The round-trip targets in words: "up to 1,000 km 30 / 50 / 2,000 ms; …; beyond 90 / 110 / 2,000 ms". */
    static String bands(org.wanplan.model.RttTargets t) {
        List<String> parts = new ArrayList<>();
        for (org.wanplan.model.RttTargets.Band b : t.bands()) {
            String targets = String.format(
                    Locale.ROOT, "%,.0f / %,.0f / %,.0f ms", b.realtimeMs(), b.businessMs(), b.bestEffortMs());
            parts.add(
                    b.upToKm() == Double.POSITIVE_INFINITY
                            ? (t.bands().size() == 1 ? "any distance " : "beyond ") + targets
                            : String.format(Locale.ROOT, "up to %,.0f km ", b.upToKm()) + targets);
        }
        return String.join("; ", parts);
    }

    static String basis(String b) {
        return switch (b) {
            case Design.EVERY_HUB -> "to every hub, with restoration";
            case Design.MEAN_OVER_PAIRS -> "as the mean over each site's pairs, with restoration";
            case Design.TO_ANCHOR -> "to the anchor site, with restoration";
            default -> "on the static path to the anchor site";
        };
    }

    static String pct(double share, int digits) {
        return fmt("%." + digits + "f %%", 100 * share);
    }

    static String km(double v) {
        return fmt(v < 10 ? "%,.1f km" : "%,.0f km", v);
    }

    static String ms(double v) {
        return fmt("%.2f ms", v);
    }

    static String mbps(double v) {
        return v >= 1000 && v % 1000 == 0 ? fmt("%,.0f Gbit/s", v / 1000) : fmt("%,.0f Mbit/s", v);
    }

    /** Outage a year at availability {@code a}: hours, or minutes below one hour. */
    static String hours(double a) {
        double h = (1 - a) * HOURS_A_YEAR;
        return h >= 1 ? fmt("%.1f hours", h) : fmt("%.0f minutes", 60 * h);
    }

    /** An amount to the cent with thousands separators, as a quote shows it. */
    static String money(String currency, BigDecimal v) {
        return (currency.isEmpty() ? "" : currency + " ") + fmt("%,.2f", v);
    }

    /** An amount rounded to the unit, for the summary. */
    static String roundMoney(String currency, BigDecimal v) {
        return (currency.isEmpty() ? "" : currency + " ")
                + fmt("%,.0f", v.setScale(0, java.math.RoundingMode.HALF_EVEN));
    }

    private static void write(Writer out, String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
