package org.wanplan.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.wanplan.model.PriceBook;
import org.wanplan.store.Database;
import org.wanplan.store.Portfolio;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wanplan portfolio}: revenue against the growth target, from the store's orders. */
@Command(
        name = "portfolio",
        mixinStandardHelpOptions = true,
        description = "Active and pipeline revenue, orders by state, the monthly history against the target"
                + " growth curve and whether the last full month is on track (as GET /api/v1/portfolio).")
final class PortfolioCommand implements Callable<Integer> {
    @Option(
            names = "--target-growth",
            defaultValue = "0.30",
            paramLabel = "R",
            description = "revenue growth a year to measure against (default: ${DEFAULT-VALUE}, the operator's plan)")
    double targetGrowth;

    @Option(names = "--json", description = "print the API's JSON")
    boolean json;

    @Mixin
    StoreOptions store;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Portfolio.validTargetGrowth(targetGrowth)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--target-growth must be above -1 and at most 10, was " + targetGrowth);
        }
        Portfolio.Report r;
        try (Database db = store.open()) {
            r = db.portfolio().report(targetGrowth, PriceBook.defaults().currency());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            // the report's components, as the API writes them: an absent last full month is null
            var o = (com.fasterxml.jackson.databind.node.ObjectNode) Options.JSON
                    .copy()
                    .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
                    .valueToTree(r);
            Options.printJson(out, o);
        } else {
            out.printf(
                    Locale.ROOT,
                    "active %s %,.2f a month, pipeline %,.2f (submitted and reserved); target +%.0f %% a year: %s%n",
                    r.currency(),
                    r.activeMrc(),
                    r.pipelineMrc(),
                    100 * r.targetGrowth(),
                    r.status() + r.lastFullMonth().map(m -> " (" + m + ")").orElse(""));
            out.printf(Locale.ROOT, "orders: %s%n", r.orders());
            if (!r.history().isEmpty()) {
                out.printf(Locale.ROOT, "%n  %-8s %14s %14s%n", "month", "active MRC", "target");
                for (Portfolio.Month m : r.history()) {
                    out.printf(
                            Locale.ROOT,
                            "  %-8s %,14.2f %,14.2f%s%n",
                            m.month(),
                            m.activeMrc(),
                            m.targetMrc(),
                            m.complete() ? "" : "  (so far)");
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
