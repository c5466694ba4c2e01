package org.wanplan.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wanplan.design.Design;
import org.wanplan.design.DesignOptions;
import org.wanplan.design.Designer;
import org.wanplan.design.Quote;
import org.wanplan.design.WhatItTakes;
import org.wanplan.model.Network;
import org.wanplan.model.PriceBook;
import org.wanplan.model.Site;
import org.wanplan.model.SpanCatalogue;

/**
 * The same customer on two networks, as {@code compare} and {@code demo} show it: each network's design,
 * quote and summary figures, and for the one that is slower on mean round trip, what it takes to win
 * ({@link WhatItTakes}).
 */
final class Comparison {
    /**
     * One network's side.
     *
     * @param tariff the name of the price book it is quoted with
     */
    record Side(Network network, Design design, Quote quote, WhatItTakes.Answer whatItTakes, String tariff) {}

    /** A price book and the name it goes by in the comparison (its file's name, or {@value #BUILT_IN}). */
    record Tariff(String name, PriceBook book) {}

    /** The name of the built-in price book. */
    static final String BUILT_IN = "built-in";

    private final List<Side> sides;
    private final org.wanplan.model.RttTargets rtt;

    private Comparison(List<Side> sides, org.wanplan.model.RttTargets rtt) {
        this.sides = List.copyOf(sides);
        this.rtt = rtt;
    }

    /** Both networks quoted with {@code book}, the built-in one. */
    static Comparison of(List<Network> networks, List<Site> sites, DesignOptions options, PriceBook book) {
        return of(networks, sites, options, new Tariff(BUILT_IN, book), Map.of());
    }

    /**
     * Each network quoted with its own tariff ({@code byNetwork}, by network name), or with {@code common} when it
     * has none.
     */
    static Comparison of(
            List<Network> networks,
            List<Site> sites,
            DesignOptions options,
            Tariff common,
            Map<String, Tariff> byNetwork) {
        List<Design> designs = new ArrayList<>();
        List<Quote> quotes = new ArrayList<>();
        List<Tariff> tariffs = new ArrayList<>();
        for (Network n : networks) {
            Design d = Designer.design(n, sites, options);
            Tariff t = byNetwork.getOrDefault(n.name(), common);
            designs.add(d);
            quotes.add(Quote.of(d, t.book()));
            tariffs.add(t);
        }
        List<Side> sides = new ArrayList<>();
        for (int i = 0; i < networks.size(); i++) {
            int other = networks.size() - 1 - i;
            double theirs = org.wanplan.design.DesignFigures.summary(designs.get(other), quotes.get(other))
                    .meanRttMs();
            sides.add(new Side(
                    networks.get(i),
                    designs.get(i),
                    quotes.get(i),
                    WhatItTakes.of(
                            networks.get(i),
                            sites,
                            options,
                            designs.get(i),
                            quotes.get(i).totalContractValue(),
                            networks.get(other).name(),
                            theirs,
                            SpanCatalogue.defaults()),
                    tariffs.get(i).name()));
        }
        return new Comparison(sides, options.rtt());
    }

    List<Side> sides() {
        return sides;
    }

    /** The proposal for {@code customer}: the first network's design against the second's. */
    HtmlReport.Proposal proposal(String customer) {
        return new HtmlReport.Proposal(
                customer,
                sides.stream()
                        .map(s -> new HtmlReport.Side(s.network(), s.design(), s.quote(), s.tariff()))
                        .toList(),
                java.util.Optional.of(sides.get(0).whatItTakes()),
                java.time.LocalDate.now(),
                rtt);
    }

    /** The summary figures per network, keyed by its name (no {@code whatItTakes}). */
    Map<String, com.fasterxml.jackson.databind.JsonNode> summaries() {
        Map<String, com.fasterxml.jackson.databind.JsonNode> m = new LinkedHashMap<>();
        sides.forEach(s ->
                m.put(s.network().name(), Designs.summary(s.design(), s.quote()).put("tariff", s.tariff())));
        return m;
    }

    /** {@code compare --json}: per network its summary figures and {@code whatItTakes}. */
    ObjectNode json() {
        ObjectNode o = Options.JSON.createObjectNode();
        for (Side s : sides) {
            ObjectNode side = Designs.summary(s.design(), s.quote());
            side.put("tariff", s.tariff());
            side.set("whatItTakes", json(s.whatItTakes()));
            o.set(s.network().name(), side);
        }
        return o;
    }

    static ObjectNode json(WhatItTakes.Answer a) {
        ObjectNode o = Options.JSON.valueToTree(a);
        o.put("shareOfContract", a.shareOfContract());
        return o;
    }

    /** The text lines saying what it takes, for each network that needs anything. */
    void printWhatItTakes(PrintWriter out) {
        for (Side s : sides) {
            WhatItTakes.Answer a = s.whatItTakes();
            if (!a.needed()) {
                continue;
            }
            out.printf(
                    Locale.ROOT,
                    "what it takes for %s to beat %s on mean RTT (%.2f vs %.2f ms): ",
                    s.network().name(),
                    a.competitor(),
                    a.meanRttMs(),
                    a.competitorMeanRttMs());
            if (!a.met()) {
                out.printf(
                        Locale.ROOT,
                        "no set of up to 30 leased waves does it (best found: %.2f ms)%n",
                        a.afterMeanRttMs());
                continue;
            }
            out.printf(
                    Locale.ROOT,
                    "%d leased wave(s), %,.0f km, %,.2f EUR a month, %,.0f EUR over %d months"
                            + " (%.2f %% of the %,.0f EUR contract) -> %.2f ms%n",
                    a.spans().size(),
                    a.km(),
                    a.mrc(),
                    a.termCost(),
                    a.termMonths(),
                    100 * a.shareOfContract(),
                    a.contractValue().doubleValue(),
                    a.afterMeanRttMs());
            for (WhatItTakes.Lease l : a.spans()) {
                out.printf(Locale.ROOT, "  %s - %s  %,.1f km  %,.2f EUR/month%n", l.a(), l.b(), l.lengthKm(), l.mrc());
            }
        }
    }
}
