package org.wanplan.cli;

import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.wanplan.io.csv.DemandCsvReader;
import org.wanplan.model.Demand;
import org.wanplan.model.Network;
import org.wanplan.routing.Diversity;
import org.wanplan.routing.FailureReport;
import org.wanplan.routing.FailureScenario;
import org.wanplan.routing.FailureSweep;
import org.wanplan.routing.Gravity;
import org.wanplan.routing.Metric;
import org.wanplan.routing.Placement;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wanplan failures}: every single failure (and any listed scenario) against a traffic matrix. */
@Command(
        name = "failures",
        mixinStandardHelpOptions = true,
        description = "Fail every span, PoP and SRLG in turn (plus the scenarios of --scenarios): rerouted and lost"
                + " demands, worst-case utilisation per span, worst-case latency per demand.")
final class FailuresCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NETWORK", description = NetworkCommand.NETWORK_HELP)
    String network;

    static final class Traffic {
        @Option(names = "--demands", paramLabel = "FILE", description = "traffic matrix CSV: from,to,gbps[,class][,id]")
        Path demands;

        @Option(names = "--gravity", paramLabel = "TOTAL_GBPS", description = "gravity model from PoP populations")
        Double gravityGbps;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Traffic traffic;

    @Option(
            names = "--max-demands",
            paramLabel = "N",
            defaultValue = "20000",
            description = "with --gravity: keep the N heaviest PoP pairs (default: ${DEFAULT-VALUE})")
    int maxDemands;

    @Option(
            names = "--scenarios",
            paramLabel = "FILE",
            description = "extra scenarios, one per line: NAME: span:ID, pop:ID, srlg:ID")
    Path scenarioFile;

    @Option(
            names = "--metric",
            defaultValue = "latency",
            paramLabel = "M",
            description = "routing metric (default: ${DEFAULT-VALUE})")
    String metric;

    @Option(
            names = "--protect",
            paramLabel = "LEVEL",
            description = "place every demand 1+1 at span, node or srlg diversity")
    String protect;

    @Option(
            names = "--top",
            defaultValue = "10",
            paramLabel = "N",
            description = "rows per table (default: ${DEFAULT-VALUE})")
    int top;

    @Option(
            names = "--order",
            defaultValue = "1",
            paramLabel = "K",
            description = "1: every single failure; 2: every unordered pair of them, without the pairs one element"
                    + " already implies (a PoP and its own spans, an SRLG and its members) (default: ${DEFAULT-VALUE})")
    int order;

    @Option(
            names = "--kinds",
            defaultValue = "span,pop,srlg",
            paramLabel = "K,…",
            description = "which elements fail: span, pop, srlg (default: ${DEFAULT-VALUE})")
    String kinds;

    @Option(names = "--sample", paramLabel = "N", description = "evaluate N scenarios drawn at random (seeded)")
    Integer sample;

    @Option(
            names = "--seed",
            defaultValue = "1",
            paramLabel = "S",
            description = "seed of --sample (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Metric m = Options.metric(spec, metric);
        Optional<Diversity> protection = Options.diversity(spec, "--protect", protect);
        if (top < 1 || maxDemands < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--top and --max-demands must be ≥ 1");
        }
        if (traffic.gravityGbps != null && !(traffic.gravityGbps > 0)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--gravity must be > 0, was " + traffic.gravityGbps);
        }
        if (order != 1 && order != 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--order must be 1 or 2, was " + order);
        }
        if (sample != null && sample < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--sample must be ≥ 1, was " + sample);
        }
        java.util.Set<FailureScenario.Kind> chosen;
        try {
            chosen = FailureScenario.kinds(kinds);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--" + e.getMessage());
        }
        Network n = Networks.load(network);
        List<Demand> demands = demands(n);
        List<FailureScenario> scenarios = FailureScenario.sweep(
                n,
                order,
                chosen,
                sample == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(sample),
                seed);
        if (scenarioFile != null) {
            scenarios = FailureScenario.concat(scenarios, ScenarioFile.read(scenarioFile, n));
        }
        FailureSweep sweep = FailureSweep.prepare(n, demands, new FailureSweep.Options(m, protection, top));
        Placement.Result base = sweep.baseline();
        FailureReport report;
        try (ProgressBar bar = progressBar(scenarios.size())) {
            IntConsumer tick = bar == null ? k -> {} : k -> bar.stepTo(k);
            report = sweep.sweep(scenarios, tick).report();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Options.printJson(
                    out, Options.JSON.valueToTree(report.document(n.name(), order, scenarios.size(), base, top)));
        } else {
            text(out, n, base, scenarios, report);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private List<Demand> demands(Network n) throws Exception {
        if (traffic.demands != null) {
            try (Reader in = org.wanplan.io.input.TextInput.reader(traffic.demands)) {
                return DemandCsvReader.read(in, traffic.demands.toString(), n);
            }
        }
        return Gravity.fromPopulation(n, traffic.gravityGbps, maxDemands);
    }

    /** A progress bar on stderr when it is a terminal; none when output goes to a file or pipe. */
    private static ProgressBar progressBar(int total) {
        if (System.console() == null) {
            return null;
        }
        return new ProgressBarBuilder()
                .setTaskName("scenarios")
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                .build();
    }

    private void text(
            PrintWriter w, Network n, Placement.Result base, List<FailureScenario> scenarios, FailureReport r) {
        w.printf(
                Locale.ROOT,
                "%s: %d scenarios, %d demands placed (%d not placed)%n",
                n.name(),
                scenarios.size(),
                base.placed().size(),
                base.unplaced().size());
        w.printf(Locale.ROOT, "%nscenarios by traffic lost (top %d)%n", top);
        w.printf(
                Locale.ROOT,
                "  %-40s %9s %9s %9s %6s %10s %8s%n",
                "scenario",
                "affected",
                "switched",
                "rerouted",
                "lost",
                "lost Gbps",
                "max util");
        r.scenarios().stream()
                .limit(top)
                .forEach(i -> w.printf(
                        Locale.ROOT,
                        "  %-40s %9d %9d %9d %6d %10.1f %7.0f%%%n",
                        i.scenario(),
                        i.affected(),
                        i.switched(),
                        i.rerouted(),
                        i.lost(),
                        i.lostGbps(),
                        100 * i.maxUtilisation()));
        w.printf(Locale.ROOT, "%nspans by worst-case utilisation (top %d)%n", top);
        r.spans().stream()
                .limit(top)
                .forEach(s -> w.printf(
                        Locale.ROOT,
                        "  %-40s %6.0f%% (normally %3.0f%%) under %s%n",
                        s.span().value(),
                        100 * s.worstUtilisation(),
                        100 * s.baselineUtilisation(),
                        s.worstScenarios().isEmpty()
                                ? "-"
                                : String.join(
                                                ", ",
                                                s.worstScenarios()
                                                        .subList(
                                                                0,
                                                                Math.min(
                                                                        3,
                                                                        s.worstScenarios()
                                                                                .size())))
                                        + (s.worstScenarios().size() > 3 ? ", …" : "")));
        w.printf(Locale.ROOT, "%ndemands by worst-case latency increase (top %d)%n", top);
        r.demands().stream()
                .limit(top)
                .forEach(d -> w.printf(
                        Locale.ROOT,
                        "  %-40s %6.2f → %6.2f ms under %s; lost in %d scenario(s)%n",
                        d.demand(),
                        d.baselineLatencyMs(),
                        d.worstLatencyMs(),
                        d.worstScenario().isEmpty() ? "-" : d.worstScenario(),
                        d.scenariosLost()));
    }
}
