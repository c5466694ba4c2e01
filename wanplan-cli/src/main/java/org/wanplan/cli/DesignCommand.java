package org.wanplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.wanplan.design.Design;
import org.wanplan.design.DesignView;
import org.wanplan.design.Designer;
import org.wanplan.design.Margin;
import org.wanplan.design.Quote;
import org.wanplan.model.Network;
import org.wanplan.model.PriceBook;
import org.wanplan.model.Site;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wanplan design}: a customer's sites → homing, VPN, latency, availability and a quote. */
@Command(
        name = "design",
        mixinStandardHelpOptions = true,
        description =
                "Design a multi-site VPN for a site list (CSV: " + "id,name,city,country,lat,lon,role,bandwidthMbps,"
                        + "realtimePct,businessPct,resilience) and price it.")
final class DesignCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NETWORK", description = NetworkCommand.NETWORK_HELP)
    String network;

    @CommandLine.Mixin
    DesignInputs inputs;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Option(names = "--report", paramLabel = "FILE", description = "also write a self-contained HTML report")
    Path report;

    @Option(
            names = "--l3sm",
            paramLabel = "FILE",
            description =
                    "also write the design as an RFC 8299 L3VPN service order (ietf-l3vpn-svc, JSON per RFC 7951)")
    Path l3sm;

    @Option(
            names = "--max-pairs",
            paramLabel = "N",
            defaultValue = "10000",
            description = "round trips listed in the JSON, the worst first when there are more; latencySummary"
                    + " counts every pair (default: ${DEFAULT-VALUE})")
    int maxPairs;

    @Option(
            names = "--cost-book",
            paramLabel = "FILE",
            description = "what each line costs you (own access and ports, partner charges per country and bandwidth,"
                    + " management; JSON or YAML): the quote then shows its margin. There is no built-in one.")
    Path costBook;

    @Option(
            names = "--margin-floor",
            paramLabel = "PCT",
            description = "with --cost-book: the least margin the deal may make, % of its price; prints whether it is"
                    + " met, the discount that keeps it or the rise it needs, and the sites under it")
    java.math.BigDecimal marginFloor;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        inputs.topology(spec); // a bad --topology is a usage error before anything is read
        if (marginFloor != null && costBook == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--margin-floor needs --cost-book");
        }
        if (marginFloor != null
                && (marginFloor.signum() < 0 || marginFloor.compareTo(new java.math.BigDecimal(100)) >= 0)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--margin-floor must be from 0 to under 100 (%), was " + marginFloor);
        }
        if (maxPairs < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-pairs must be ≥ 0, was " + maxPairs);
        }
        Network n = Networks.load(network);
        List<Site> sites = inputs.sites();
        PriceBook book = inputs.priceBook();
        org.wanplan.model.CostBook costs = Designs.costBook(costBook); // read before designing: a bad one stops here
        Design d = Designer.design(n, sites, inputs.options(spec));
        Quote q = Quote.of(d, book);
        Margin margin = costs == null ? null : Designs.margin(n, d, q, costs, costBook, inputs.tariffName());
        if (report != null) {
            HtmlReport.Proposal proposal = new HtmlReport.Proposal(
                    inputs.customerName(),
                    List.of(new HtmlReport.Side(n, d, q, inputs.tariffName())),
                    java.util.Optional.empty(),
                    java.time.LocalDate.now(),
                    inputs.rtt());
            org.wanplan.io.NetworkFiles.writeAtomically(report, w -> HtmlReport.write(w, proposal));
        }
        if (l3sm != null) {
            String name = inputs.customerName();
            Object order = org.wanplan.design.L3smExport.of(
                    d, inputs.options(spec), org.wanplan.design.L3smExport.vpnId(name), name);
            String text = Options.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(order) + "\n";
            org.wanplan.io.NetworkFiles.writeAtomically(l3sm, w -> w.write(text));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            // the same view as the API's (see DesignView), the worst --max-pairs round trips listed
            com.fasterxml.jackson.databind.node.ObjectNode view =
                    Options.JSON.valueToTree(DesignView.of(d, q, maxPairs));
            if (margin != null) {
                com.fasterxml.jackson.databind.node.ObjectNode m = Options.JSON.valueToTree(margin);
                if (marginFloor != null) {
                    m.set("floor", Options.JSON.valueToTree(margin.floor(marginFloor)));
                }
                view.set("margin", m);
            }
            Options.printJson(out, view);
        } else {
            text(out, d, q);
            if (margin != null) {
                text(out, margin);
                if (marginFloor != null) {
                    text(out, margin.floor(marginFloor));
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void text(PrintWriter w, Margin.Floor f) {
        w.printf(
                Locale.ROOT,
                f.met()
                        ? "margin floor %s %%: met; the price can fall by up to %s %% and keep it%n"
                        : "margin floor %s %%: NOT met; the price needs %s %% more%n",
                f.floorPct().toPlainString(),
                (f.met() ? f.discountHeadroomPct() : f.risePct()).toPlainString());
        if (!f.sitesBelow().isEmpty()) {
            w.printf(Locale.ROOT, "  sites under the floor: %s%n", String.join(", ", f.sitesBelow()));
        }
    }

    private static void text(PrintWriter w, Margin m) {
        w.printf(
                Locale.ROOT,
                "cost: NRC %s %,.2f, MRC %s %,.2f, %d months: %s %,.2f; margin %s %,.2f (%s %%) on %s %,.2f%n",
                m.currency(),
                m.costNrc(),
                m.currency(),
                m.costMrc(),
                m.termMonths(),
                m.currency(),
                m.costTotal(),
                m.currency(),
                m.margin(),
                m.marginPct().toPlainString(),
                m.currency(),
                m.priceTotal());
        m.costByKind().forEach((kind, total) -> w.printf(Locale.ROOT, "  %-28s %s %,.2f%n", kind, m.currency(), total));
        for (Margin.SiteMargin s : m.belowCost()) {
            w.printf(
                    Locale.ROOT,
                    "  below cost: %s by %s %,.2f%n",
                    s.site(),
                    m.currency(),
                    s.margin().negate());
        }
        if (!m.costOnRequest().isEmpty()) {
            w.printf(
                    Locale.ROOT,
                    "  not costed (above the cost book's tiers; left out of price and cost): %s%n",
                    String.join(", ", m.costOnRequest()));
        }
    }

    private static void text(PrintWriter w, Design d, Quote q) {
        w.printf(
                Locale.ROOT,
                "%s on %s (%s): %d sites, %d refused%n",
                "design",
                d.network(),
                d.topology().label(),
                d.sites().size(),
                d.sites().size() - d.accepted().size());
        for (Design.SiteDesign s : d.sites()) {
            var t = s.tails().get(0);
            w.printf(
                    Locale.ROOT,
                    "  %-20s %-18s %6.1f km %-7s %s%n",
                    s.site().id(),
                    String.join(
                            "+",
                            s.tails().stream()
                                    .map(x -> x.pop().value())
                                    .distinct()
                                    .toList()),
                    t.km(),
                    t.onNet() ? "on-net" : "off-net",
                    s.refused()
                            ? "REFUSED: " + s.refusal().get()
                            : String.format(Locale.ROOT, "%.5f %%", 100 * s.availability()));
        }
        org.wanplan.design.DesignFigures.Summary figures = org.wanplan.design.DesignFigures.summary(d, q);
        w.printf(
                Locale.ROOT,
                "latency: %d site pairs, worst round trip %.2f ms; over their distance band's target: %d real-time,"
                        + " %d business%n",
                d.latency().size(),
                figures.maxRttMs(),
                figures.realtimeBreaches(),
                figures.businessBreaches());
        w.printf(
                Locale.ROOT,
                "quote: NRC %s %,.2f, MRC %s %,.2f, %d months: %s %,.2f%n",
                q.currency(),
                q.nrc(),
                q.currency(),
                q.mrc(),
                q.termMonths(),
                q.currency(),
                q.totalContractValue());
    }
}
