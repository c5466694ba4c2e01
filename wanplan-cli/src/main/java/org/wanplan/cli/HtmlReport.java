package org.wanplan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wanplan.design.Design;
import org.wanplan.design.Quote;
import org.wanplan.design.WhatItTakes;
import org.wanplan.model.GeoPoint;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.Span;
import org.wanplan.model.SpanId;

/**
 * One self-contained HTML file, readable offline: an SVG map (Natural Earth countries, backbone, PoPs,
 * sites, tails and the paths the service uses), the latency matrix as a heat map, availability per
 * site, the quote, and, when given, the comparison of two networks. No script, no external resource.
 */
final class HtmlReport {
    private static final String BASEMAP = "/org/wanplan/io/builtin/ne_50m_europe_countries.geojson";
    private static final int WIDTH = 900;
    private static final int HEIGHT = 700;

    private HtmlReport() {}

    static void write(Writer out, Network n, Design d, Quote q, Map<String, JsonNode> comparison) throws IOException {
        write(out, n, d, q, comparison, java.util.Optional.empty());
    }

    /**
     * The report of design {@code d} on {@code n}; with the comparison figures per network, and, when {@code n}
     * is the slower one, what it takes to win (drawn on the map as well).
     */
    static void write(
            Writer out,
            Network n,
            Design d,
            Quote q,
            Map<String, JsonNode> comparison,
            java.util.Optional<WhatItTakes.Answer> whatItTakes)
            throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>wanplan design on "
                + esc(n.name()) + "</title>\n<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
                + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:3px 6px;font-size:13px}"
                + "th{background:#eee}td.n{text-align:right}.heat td{width:14px;height:14px;padding:0;border:0}"
                + "svg{border:1px solid #999;background:#dfefff}</style></head><body>\n");
        out.write("<h1>" + esc(n.name()) + ": " + d.sites().size() + " sites, "
                + d.topology().label() + "</h1>\n");
        if (!comparison.isEmpty()) {
            comparison(out, comparison);
        }
        List<WhatItTakes.Lease> waves = whatItTakes
                .filter(a -> a.needed() && a.met())
                .map(WhatItTakes.Answer::spans)
                .orElse(List.of());
        if (whatItTakes.isPresent() && whatItTakes.get().needed()) {
            whatItTakes(out, n, whatItTakes.get());
        }
        out.write("<h2>Map</h2>\n");
        map(out, n, d, waves);
        out.write("<h2>Sites</h2>\n<p>Availability measured " + esc(basis(d.availabilityBasis())) + ".</p>\n"
                + "<table><tr><th>site</th><th>PoPs</th><th>tail km</th><th>on-net</th>"
                + "<th>availability</th><th>NRC</th><th>MRC</th></tr>\n");
        for (Design.SiteDesign s : d.sites()) {
            out.write("<tr><td>" + esc(s.site().id()) + "</td><td>"
                    + esc(String.join(
                            " + ",
                            s.tails().stream()
                                    .map(t -> t.pop().value())
                                    .distinct()
                                    .toList()))
                    + "</td><td class=n>" + fmt("%.1f", s.tails().get(0).km()) + "</td><td>"
                    + (s.tails().get(0).onNet() ? "yes" : "no") + "</td><td class=n>"
                    + (s.refused() ? "refused: " + esc(s.refusal().get()) : fmt("%.5f %%", 100 * s.availability()))
                    + "</td><td class=n>" + Designs.siteNrc(q, s.site().id()) + "</td><td class=n>"
                    + Designs.siteMrc(q, s.site().id()) + "</td></tr>\n");
        }
        out.write("</table>\n");
        heatMap(out, d);
        out.write("<h2>Quote</h2>\n<table><tr><th>site</th><th>item</th><th>NRC</th><th>MRC</th></tr>\n");
        for (Quote.Line l : q.lines()) {
            out.write("<tr><td>" + esc(l.site()) + "</td><td>" + esc(l.item()) + "</td><td class=n>" + l.nrc()
                    + "</td><td class=n>" + l.mrc() + "</td></tr>\n");
        }
        out.write("<tr><th colspan=2>total (" + q.currency() + ", " + q.termMonths() + " months: "
                + money(q.totalContractValue()) + ")</th><th class=n>" + q.nrc() + "</th><th class=n>" + q.mrc()
                + "</th></tr>\n</table>\n");
        out.write(
                "<p style=\"font-size:11px\">Basemap: Natural Earth (public domain). Cities: GeoNames (CC BY 4.0).</p>"
                        + "\n</body></html>\n");
    }

    private static void comparison(Writer out, Map<String, JsonNode> comparison) throws IOException {
        out.write("<h2>The same customer on two networks</h2>\n<table><tr><th></th>");
        for (String name : comparison.keySet()) {
            out.write("<th>" + esc(name) + "</th>");
        }
        out.write("</tr>\n");
        JsonNode first = comparison.values().iterator().next();
        for (var it = first.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!first.path(f).isValueNode()) {
                continue;
            }
            out.write("<tr><td>" + esc(f) + "</td>");
            for (JsonNode v : comparison.values()) {
                double x = v.path(f).asDouble();
                out.write("<td class=n>" + (x == Math.rint(x) ? fmt("%,.0f", x) : fmt("%,.4f", x)) + "</td>");
            }
            out.write("</tr>\n");
        }
        out.write("</table>\n");
    }

    private static void whatItTakes(Writer out, Network n, WhatItTakes.Answer a) throws IOException {
        out.write("<h2 id=\"what-it-takes\">What it takes to win on latency</h2>\n<p>On " + esc(n.name())
                + " this customer's mean round trip is " + fmt("%.2f", a.meanRttMs()) + " ms, on "
                + esc(a.competitor()) + " " + fmt("%.2f", a.competitorMeanRttMs()) + " ms. ");
        if (!a.met()) {
            out.write("No set of up to 30 leased waves makes it faster (the best found gives "
                    + fmt("%.2f", a.afterMeanRttMs()) + " ms).</p>\n");
            return;
        }
        out.write("Leasing " + a.spans().size() + " wave(s), " + fmt("%,.0f", a.km()) + " km, brings it to "
                + fmt("%.2f", a.afterMeanRttMs()) + " ms (the customer designed again with them) for "
                + fmt("%,.2f", a.mrc()) + " EUR a month, " + fmt("%,.0f", a.termCost()) + " EUR over "
                + a.termMonths() + " months: " + fmt("%.2f", 100 * a.shareOfContract()) + " % of the "
                + money(a.contractValue()) + " contract value. Waves at 1.25 EUR per km and month (the"
                + " <code>augment</code> catalogue); drawn dashed blue on the map.</p>\n"
                + "<table><tr><th>from</th><th>to</th><th>km</th><th>EUR a month</th></tr>\n");
        for (WhatItTakes.Lease l : a.spans()) {
            out.write("<tr><td>" + esc(name(n, l.a())) + "</td><td>" + esc(name(n, l.b())) + "</td><td class=n>"
                    + fmt("%,.1f", l.lengthKm()) + "</td><td class=n>" + fmt("%,.2f", l.mrc()) + "</td></tr>\n");
        }
        out.write("</table>\n");
    }

    private static String name(Network n, String pop) {
        return n.pop(org.wanplan.model.PopId.of(pop)).map(Pop::name).orElse(pop);
    }

    private static String basis(String b) {
        return switch (b) {
            case Design.EVERY_HUB -> "to every hub, with restoration";
            case Design.MEAN_OVER_PAIRS -> "as the mean over each site's pairs, with restoration";
            case Design.TO_ANCHOR -> "to the anchor site, with restoration";
            default -> "on the static path to the anchor site";
        };
    }

    private static void heatMap(Writer out, Design d) throws IOException {
        List<String> ids = d.accepted().stream().map(s -> s.site().id()).toList();
        Map<String, Double> rtt = new HashMap<>();
        double max = 0;
        for (Design.PairLatency l : d.latency()) {
            rtt.put(l.a() + "|" + l.b(), l.rttMs());
            rtt.put(l.b() + "|" + l.a(), l.rttMs());
            max = Math.max(max, l.rttMs());
        }
        out.write("<h2>Round-trip latency between sites (CE to CE)</h2>\n<p>From green (0 ms) to red ("
                + fmt("%.1f", max) + " ms); hover a cell for the pair.</p>\n<table class=heat>\n");
        for (String a : ids) {
            out.write("<tr>");
            for (String b : ids) {
                Double ms = rtt.get(a + "|" + b);
                if (ms == null) {
                    out.write("<td style=\"background:#fff\"></td>");
                } else {
                    int red = (int) Math.round(255 * ms / Math.max(max, 1e-9));
                    out.write("<td title=\"" + esc(a) + " – " + esc(b) + ": " + fmt("%.2f", ms)
                            + " ms\" style=\"background:rgb(" + red + "," + (220 - red * 200 / 255) + ",60)\"></td>");
                }
            }
            out.write("</tr>\n");
        }
        out.write("</table>\n");
    }

    private static void map(Writer out, Network n, Design d, List<WhatItTakes.Lease> waves) throws IOException {
        List<GeoPoint> extent = new ArrayList<>();
        d.sites().forEach(s -> extent.add(s.site().location()));
        d.sites()
                .forEach(s -> s.tails()
                        .forEach(t -> n.pop(t.pop()).flatMap(Pop::location).ifPresent(extent::add)));
        double minLat = extent.stream().mapToDouble(GeoPoint::latitude).min().orElse(35) - 1.5;
        double maxLat = extent.stream().mapToDouble(GeoPoint::latitude).max().orElse(70) + 1.5;
        double minLon = extent.stream().mapToDouble(GeoPoint::longitude).min().orElse(-10) - 2;
        double maxLon = extent.stream().mapToDouble(GeoPoint::longitude).max().orElse(30) + 2;
        double kx = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double scale = Math.min(WIDTH / ((maxLon - minLon) * kx), HEIGHT / (maxLat - minLat));
        Projection p = new Projection(minLon, maxLat, kx, scale);
        out.write("<svg width=\"" + WIDTH + "\" height=\"" + HEIGHT + "\">\n");
        basemap(out, p);
        Map<SpanId, Double> load = d.spanLoadGbps();
        for (Span s : n.spans()) {
            var a = n.pop(s.a()).flatMap(Pop::location);
            var b = n.pop(s.b()).flatMap(Pop::location);
            if (a.isPresent() && b.isPresent()) {
                boolean used = load.containsKey(s.id());
                out.write("<line x1=\"" + p.x(a.get()) + "\" y1=\"" + p.y(a.get()) + "\" x2=\"" + p.x(b.get())
                        + "\" y2=\""
                        + p.y(b.get()) + "\" stroke=\"" + (used ? "#c0392b" : "#7f8c8d") + "\" stroke-width=\""
                        + (used ? 2.5 : 1) + "\"" + (s.submarine() ? " stroke-dasharray=\"4 3\"" : "") + "><title>"
                        + esc(s.id().value()) + (used ? fmt(": %.3f Gbps", load.get(s.id())) : "")
                        + "</title></line>\n");
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
                            "<circle cx=\"" + p.x(l) + "\" cy=\"" + p.y(l) + "\" r=\"2.5\" fill=\"#2c3e50\"><title>"
                                    + esc(pop.name()) + "</title></circle>\n"));
        }
        for (Design.SiteDesign s : d.sites()) {
            GeoPoint at = s.site().location();
            for (var t : s.tails()) {
                n.pop(t.pop())
                        .flatMap(Pop::location)
                        .ifPresent(l -> write(
                                out,
                                "<line x1=\"" + p.x(at) + "\" y1=\""
                                        + p.y(at) + "\" x2=\"" + p.x(l) + "\" y2=\"" + p.y(l) + "\" stroke=\""
                                        + (t.onNet() ? "#27ae60" : "#e67e22") + "\" stroke-width=\"1.2\"/>\n"));
            }
            write(
                    out,
                    "<rect x=\"" + p.dx(at, -3) + "\" y=\"" + p.dy(at, -3) + "\" width=\"6\" height=\"6\" fill=\""
                            + (s.refused() ? "#000" : "#8e44ad") + "\"><title>"
                            + esc(s.site().name()) + "</title></rect>\n");
        }
        out.write("</svg>\n<p>Backbone grey (used spans red, submarine dashed), PoPs dark, sites purple, "
                + "tails green on-net and orange off-net"
                + (waves.isEmpty() ? "" : ", waves that would win the bid dashed blue") + ".</p>\n");
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

    private static void basemap(Writer out, Projection p) throws IOException {
        JsonNode fc;
        try (InputStream in = HtmlReport.class.getResourceAsStream(BASEMAP)) {
            fc = new ObjectMapper().readTree(in);
        }
        StringBuilder path = new StringBuilder();
        for (JsonNode f : fc.path("features")) {
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
                    GeoPoint pt = new GeoPoint(
                            ring.get(i).get(1).asDouble(), ring.get(i).get(0).asDouble());
                    double x = (pt.longitude() - p.lon0()) * p.kx() * p.scale();
                    double y = (p.lat0() - pt.latitude()) * p.scale();
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

    private static void write(Writer out, String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String money(BigDecimal v) {
        return fmt("%,.2f", v.doubleValue());
    }

    private static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static Map<String, JsonNode> none() {
        return new LinkedHashMap<>();
    }
}
