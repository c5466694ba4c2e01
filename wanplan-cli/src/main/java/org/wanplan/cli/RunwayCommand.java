package org.wanplan.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.wanplan.model.Network;
import org.wanplan.store.Database;
import org.wanplan.store.Reservations;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wanplan runway}: when each span of a network runs out if what orders hold grows. */
@Command(
        name = "runway",
        mixinStandardHelpOptions = true,
        description = "Each span's capacity, what reserved and active orders use, and the months until it is full"
                + " at the given growth: 12 · ln(capacity / used) / ln(1 + growth); soonest first (as GET"
                + " /api/v1/networks/NAME/runway).")
final class RunwayCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NETWORK", description = NetworkCommand.NETWORK_HELP)
    String network;

    @Option(
            names = "--growth",
            defaultValue = "0.30",
            paramLabel = "R",
            description = "growth a year of what the orders use (default: ${DEFAULT-VALUE}, the target's)")
    double growth;

    @Option(names = "--top", defaultValue = "20", paramLabel = "N", description = "rows (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--json", description = "print the API's JSON (every span)")
    boolean json;

    @Mixin
    StoreOptions store;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Reservations.validGrowth(growth)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--growth must be above 0 and at most 10 a year, was " + growth);
        }
        if (top < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--top must be ≥ 1, was " + top);
        }
        Network n = Networks.load(network);
        List<Reservations.Runway> spans;
        try (Database db = store.open()) {
            db.reservations().register(n); // spans the store has not seen yet: capacity, nothing used
            spans = db.reservations().runway(n.name(), growth);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            var o = Options.JSON.createObjectNode();
            o.put("network", n.name());
            o.put("growth", growth);
            var a = o.putArray("spans");
            for (Reservations.Runway r : spans) {
                var s = a.addObject()
                        .put("id", r.span())
                        .put("capacityGbps", r.capacityGbps())
                        .put("usedGbps", r.usedGbps())
                        .put("utilisation", r.utilisation());
                if (r.monthsToExhaustion().isPresent()) {
                    s.put("monthsToExhaustion", r.monthsToExhaustion().getAsDouble());
                } else {
                    s.putNull("monthsToExhaustion");
                }
            }
            Options.printJson(out, o);
        } else {
            long used = spans.stream()
                    .filter(r -> r.monthsToExhaustion().isPresent())
                    .count();
            out.printf(
                    Locale.ROOT,
                    "%s: %d spans, %d carrying orders; growth +%.0f %% a year%n%n  %-30s %10s %10s %6s %10s%n",
                    n.name(),
                    spans.size(),
                    used,
                    100 * growth,
                    "span",
                    "capacity",
                    "used",
                    "util",
                    "months");
            spans.stream()
                    .limit(top)
                    .forEach(r -> out.printf(
                            Locale.ROOT,
                            "  %-30s %10.1f %10.2f %5.1f%% %10s%n",
                            r.span(),
                            r.capacityGbps(),
                            r.usedGbps(),
                            100 * r.utilisation(),
                            r.monthsToExhaustion().isPresent()
                                    ? String.format(
                                            Locale.ROOT,
                                            "%.1f",
                                            r.monthsToExhaustion().getAsDouble())
                                    : "-"));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
