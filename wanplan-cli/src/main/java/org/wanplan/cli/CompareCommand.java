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

    @Option(
            names = "--tariff",
            paramLabel = "NETWORK=FILE",
            description = "quote NETWORK with the price book in FILE (JSON or YAML), e.g. the competitor's own tariff;"
                    + " repeatable; a network without one is quoted with --price-book or the built-in book")
    List<String> tariffs;

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
        Map<String, Path> tariffFiles = tariffFiles(names); // a bad --tariff is a usage error before anything is read
        List<Site> sites = inputs.sites();
        PriceBook book = inputs.priceBook();
        List<org.wanplan.model.Network> loaded = new java.util.ArrayList<>();
        for (String name : names) {
            loaded.add(Networks.load(name));
        }
        Map<String, Comparison.Tariff> byNetwork = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Path> t : tariffFiles.entrySet()) {
            byNetwork.put(
                    loaded.get(names.indexOf(t.getKey())).name(), // as given on the command line, then as loaded
                    new Comparison.Tariff(t.getValue().getFileName().toString(), Designs.priceBook(t.getValue())));
        }
        Comparison c = Comparison.of(
                loaded, sites, inputs.options(spec), new Comparison.Tariff(inputs.tariffName(), book), byNetwork);
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
                            cell(summaries.get(keys.get(0)).get(f)),
                            cell(summaries.get(keys.get(1)).get(f))));
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

    /** A figure as the table shows it: text as it is (the tariff's name), numbers formatted. */
    private static String cell(JsonNode v) {
        return v.isTextual() ? v.asText() : format(v.asDouble());
    }

    /** The {@code --tariff NETWORK=FILE} options by network; a malformed one, or one for another network, is a usage error. */
    private Map<String, Path> tariffFiles(List<String> names) {
        Map<String, Path> out = new java.util.LinkedHashMap<>();
        for (String t : tariffs == null ? List.<String>of() : tariffs) {
            int eq = t.indexOf('=');
            if (eq <= 0 || eq == t.length() - 1) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--tariff must be NETWORK=FILE, was '" + t + "'");
            }
            String network = t.substring(0, eq);
            if (!names.contains(network)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--tariff names " + network + ", which is not compared here (" + String.join(", ", names)
                                + ")");
            }
            if (out.put(network, Path.of(t.substring(eq + 1))) != null) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--tariff gives " + network + " two price books");
            }
        }
        return out;
    }
}
