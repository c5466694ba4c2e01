package org.wanplan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.wanplan.design.DesignOptions;
import org.wanplan.design.Topology;
import org.wanplan.io.NetworkFiles;
import org.wanplan.io.sites.SiteCsvReader;
import org.wanplan.model.PriceBook;
import org.wanplan.model.Site;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wanplan demo}: the operator's argument in one command — a French retailer's 120 sites designed
 * on euro350 and on the sparse incumbent, compared, and written up as an HTML report.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Design the sample French retailer (120 sites) on euro350 and on sparse, compare them and write"
                + " an HTML report.")
final class DemoCommand implements Callable<Integer> {
    static final String SAMPLES = "/org/wanplan/design/samples/";

    @Option(
            names = "--customer",
            defaultValue = "french-retailer",
            paramLabel = "NAME",
            description = "french-retailer or euro-manufacturer (default: ${DEFAULT-VALUE})")
    String customer;

    @Option(
            names = "--report",
            defaultValue = "wanplan-demo.html",
            paramLabel = "FILE",
            description = "where to write the report (default: ${DEFAULT-VALUE})")
    Path report;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!customer.equals("french-retailer") && !customer.equals("euro-manufacturer")) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--customer must be french-retailer or euro-manufacturer, was '" + customer + "'");
        }
        List<Site> sites = sample(customer);
        PrintWriter out = spec.commandLine().getOut();
        Comparison c = Comparison.of(
                List.of(Networks.load("euro350"), Networks.load("sparse")),
                sites,
                DesignOptions.defaults(Topology.HUB_SPOKE),
                PriceBook.defaults());
        Map<String, JsonNode> comparison = c.summaries();
        HtmlReport.Proposal proposal = c.proposal(
                customer.equals("french-retailer")
                        ? "A French retailer (sample customer)"
                        : "A European manufacturer (sample customer)");
        NetworkFiles.writeAtomically(report, w -> HtmlReport.write(w, proposal));
        out.printf(Locale.ROOT, "%s: %d sites, hub-and-spoke, on euro350 and on sparse%n", customer, sites.size());
        out.printf(Locale.ROOT, "%-22s %14s %14s%n", "", "euro350", "sparse");
        for (String f : List.of(
                "onNetShare",
                "meanTailKm",
                "p95TailKm",
                "meanRttMs",
                "maxRttMs",
                "realtimeBreaches",
                "businessBreaches",
                "meanAvailability",
                "refused",
                "totalContractValue")) {
            out.printf(
                    Locale.ROOT,
                    "%-22s %14s %14s%n",
                    f,
                    value(comparison.get("euro350").path(f).asDouble()),
                    value(comparison.get("sparse").path(f).asDouble()));
        }
        c.printWhatItTakes(out);
        out.println("report: " + report.toAbsolutePath());
        out.flush();
        return ExitCodes.OK;
    }

    static List<Site> sample(String name) throws Exception {
        try (InputStream in = DemoCommand.class.getResourceAsStream(SAMPLES + name + ".csv");
                Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return SiteCsvReader.read(r, name + ".csv");
        }
    }

    private static String value(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%,.4f", v);
    }
}
