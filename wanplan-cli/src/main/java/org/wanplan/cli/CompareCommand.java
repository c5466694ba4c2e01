package org.wanplan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.wanplan.design.Design;
import org.wanplan.design.DesignOptions;
import org.wanplan.design.Designer;
import org.wanplan.design.Quote;
import org.wanplan.design.Topology;
import org.wanplan.model.Network;
import org.wanplan.model.PriceBook;
import org.wanplan.model.Site;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wanplan compare}: the same customer on two networks, side by side — the density argument. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = "Design the same sites on two networks (default euro350 and sparse) and compare on-net share,"
                + " tails, latency, availability, refusals and price.")
final class CompareCommand implements Callable<Integer> {
    @CommandLine.Mixin
    DesignInputs inputs;

    @Parameters(arity = "0..2", paramLabel = "NETWORK", description = "two networks (default: euro350 sparse)")
    List<String> networks;

    @Option(names = "--json", description = "print one JSON object, keyed by network name")
    boolean json;

    @Option(
            names = "--report",
            paramLabel = "FILE",
            description =
                    "also write a self-contained HTML report (first network's" + " design, both networks side by side)")
    Path report;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Topology t = inputs.topology(spec);
        List<String> names = networks == null || networks.isEmpty() ? List.of("euro350", "sparse") : networks;
        if (names.size() != 2) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "give two networks, or none for euro350 and sparse");
        }
        List<Site> sites = inputs.sites();
        PriceBook book = inputs.priceBook();
        ObjectNode o = new ObjectMapper().createObjectNode();
        Network first = null;
        Design firstDesign = null;
        Quote firstQuote = null;
        for (String name : names) {
            Network n = Networks.load(name);
            Design d = Designer.design(n, sites, DesignOptions.defaults(t));
            Quote q = Quote.of(d, book);
            o.set(n.name(), Designs.summary(d, q));
            if (first == null) {
                first = n;
                firstDesign = d;
                firstQuote = q;
            }
        }
        if (report != null) {
            java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> side = new java.util.LinkedHashMap<>();
            o.fields().forEachRemaining(e -> side.put(e.getKey(), e.getValue()));
            Network n = first;
            Design d = firstDesign;
            Quote q = firstQuote;
            org.wanplan.io.NetworkFiles.writeAtomically(report, w -> HtmlReport.write(w, n, d, q, side));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Options.printJson(out, o);
        } else {
            List<String> keys = new java.util.ArrayList<>();
            o.fieldNames().forEachRemaining(keys::add);
            out.printf(Locale.ROOT, "%-20s %18s %18s%n", "", keys.get(0), keys.get(1));
            o.get(keys.get(0))
                    .fieldNames()
                    .forEachRemaining(f -> out.printf(
                            Locale.ROOT,
                            "%-20s %18s %18s%n",
                            f,
                            format(o.get(keys.get(0)).get(f).asDouble()),
                            format(o.get(keys.get(1)).get(f).asDouble())));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? String.format(Locale.ROOT, "%,.0f", v)
                : String.format(Locale.ROOT, "%,.4f", v);
    }
}
