package org.wanplan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
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
                + " tails, latency, availability, refusals and price; for the network slower on mean round trip, the"
                + " cheapest leased waves that make it faster and their cost beside the contract.")
final class CompareCommand implements Callable<Integer> {
    @CommandLine.Mixin
    DesignInputs inputs;

    @Parameters(arity = "0..2", paramLabel = "NETWORK", description = "two networks (default: euro350 sparse)")
    List<String> networks;

    @Option(names = "--json", description = "print one JSON object, keyed by network name: the figures and whatItTakes")
    boolean json;

    @Option(
            names = "--report",
            paramLabel = "FILE",
            description =
                    "also write the proposal: one self-contained HTML file, print-ready (the first network's design"
                            + " against the second's)")
    Path report;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        inputs.topology(spec); // a bad --topology is a usage error before anything is read
        List<String> names = networks == null || networks.isEmpty() ? List.of("euro350", "sparse") : networks;
        if (names.size() != 2) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "give two networks, or none for euro350 and sparse");
        }
        List<Site> sites = inputs.sites();
        PriceBook book = inputs.priceBook();
        List<org.wanplan.model.Network> loaded = new java.util.ArrayList<>();
        for (String name : names) {
            loaded.add(Networks.load(name));
        }
        Comparison c = Comparison.of(loaded, sites, inputs.options(spec), book);
        Map<String, JsonNode> summaries = c.summaries();
        if (report != null) {
            HtmlReport.Proposal proposal = c.proposal(inputs.customerName());
            org.wanplan.io.NetworkFiles.writeAtomically(report, w -> HtmlReport.write(w, proposal));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Options.printJson(out, c.json());
        } else {
            List<String> keys = new java.util.ArrayList<>(summaries.keySet());
            out.printf(Locale.ROOT, "%-20s %18s %18s%n", "", keys.get(0), keys.get(1));
            summaries
                    .get(keys.get(0))
                    .fieldNames()
                    .forEachRemaining(f -> out.printf(
                            Locale.ROOT,
                            "%-20s %18s %18s%n",
                            f,
                            format(summaries.get(keys.get(0)).get(f).asDouble()),
                            format(summaries.get(keys.get(1)).get(f).asDouble())));
            c.printWhatItTakes(out);
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
