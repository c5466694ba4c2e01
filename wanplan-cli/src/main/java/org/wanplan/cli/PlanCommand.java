package org.wanplan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.wanplan.io.NetworkFiles;
import org.wanplan.io.csv.DemandCsvReader;
import org.wanplan.io.input.InputException;
import org.wanplan.io.input.InputProblem;
import org.wanplan.io.sndlib.SndlibModelReader;
import org.wanplan.model.Demand;
import org.wanplan.model.Network;
import org.wanplan.model.sndlib.SndlibModel;
import org.wanplan.model.sndlib.SndlibNetwork;
import org.wanplan.planning.CapacityPlan;
import org.wanplan.planning.CapacityPlanner;
import org.wanplan.planning.FeasibilityCheck;
import org.wanplan.planning.PlanningProblem;
import org.wanplan.planning.Survivability;
import org.wanplan.planning.sndlib.SndlibPlanning;
import org.wanplan.planning.sndlib.UnsupportedModelException;
import org.wanplan.routing.Gravity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wanplan plan}: the cheapest modular capacity for a traffic matrix, optionally surviving span cuts. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description =
                "Cheapest modular capacity that carries the demands (and survives any single span cut, and"
                        + " grows): an SNDlib instance (--sndlib with --model) or a wanplan network with --demands or --gravity.")
final class PlanCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "NETWORK", description = NetworkCommand.NETWORK_HELP)
    String network;

    @Option(names = "--sndlib", paramLabel = "NETWORK_FILE", description = "SNDlib network file (native or XML)")
    Path sndlib;

    @Option(names = "--model", paramLabel = "MODEL_FILE", description = "SNDlib model file, e.g. U-U-M-N-C-A-N-N.txt")
    Path model;

    @Option(names = "--demands", paramLabel = "FILE", description = "traffic matrix CSV: from,to,gbps[,class][,id]")
    Path demands;

    @Option(names = "--gravity", paramLabel = "GBPS", description = "gravity demands totalling GBPS")
    Double gravity;

    @Option(
            names = "--max-demands",
            defaultValue = "500",
            paramLabel = "N",
            description = "with --gravity: the N heaviest PoP pairs (default: ${DEFAULT-VALUE})")
    int maxDemands;

    @Option(
            names = "--survive",
            defaultValue = "none",
            paramLabel = "none|span",
            description = "survive nothing, or any single span cut (default: ${DEFAULT-VALUE}; SNDlib: from the model)")
    String survive;

    @Option(names = "--years", defaultValue = "1", paramLabel = "N", description = "planning horizon (default: 1)")
    int years;

    @Option(
            names = "--growth",
            defaultValue = "0.30",
            paramLabel = "RATE",
            description = "demand growth per year (default: 0.30)")
    double growth;

    @Option(
            names = "--time-limit",
            defaultValue = "60",
            paramLabel = "S",
            description = "time limit, s, from reading the files to the answer (default: 60)")
    double timeLimit;

    @Option(names = "--max-hops", paramLabel = "N", description = "with NETWORK: every demand within N spans")
    Integer maxHops;

    @Option(names = "--no-check", description = "skip the independent feasibility check of the plan")
    boolean noCheck;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime(); // --time-limit counts from here: reading the files is part of it
        PlanningProblem problem = problem();
        CapacityPlan plan = CapacityPlanner.solve(problem, Duration.ofMillis((long) (timeLimit * 1000)), start);
        long checking = System.nanoTime();
        Optional<String> violation =
                plan.hasPlan() && !noCheck ? FeasibilityCheck.violation(problem, plan) : Optional.empty();
        double checkSeconds = (System.nanoTime() - checking) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        ObjectNode o = json(problem, plan, violation);
        // the independent check runs after the answer, outside --time-limit, and says how long it took
        o.put("checkSeconds", Math.round(checkSeconds * 1000) / 1000.0);
        if (json) {
            Options.printJson(out, o);
        } else {
            text(out, problem, plan, violation);
        }
        out.flush();
        if (violation.isPresent()) {
            spec.commandLine().getErr().println("the plan failed the independent check: " + violation.get());
            return ExitCodes.FAILURE;
        }
        return plan.hasPlan() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private PlanningProblem problem() throws Exception {
        CommandLine cli = spec.commandLine();
        if (years < 1 || !(growth >= 0) || !(timeLimit > 0) || maxDemands < 1) {
            throw new CommandLine.ParameterException(
                    cli, "--years and --max-demands must be ≥ 1, --growth ≥ 0, --time-limit > 0");
        }
        if (sndlib != null || model != null) {
            if (sndlib == null
                    || model == null
                    || network != null
                    || demands != null
                    || gravity != null
                    || maxHops != null) {
                throw new CommandLine.ParameterException(
                        cli, "--sndlib and --model go together, without NETWORK, --demands or --gravity");
            }
            SndlibNetwork s = NetworkFiles.withDefaults().readSndlib(sndlib);
            SndlibModel m;
            try (Reader in = org.wanplan.io.input.TextInput.reader(model)) {
                m = SndlibModelReader.read(
                        in, model.toString(), model.getFileName().toString());
            }
            try {
                return SndlibPlanning.problem(s, m, years, growth);
            } catch (UnsupportedModelException e) {
                throw new InputException(e.unsupported().stream()
                        .map(u -> new InputProblem(model.toString(), 0, "not supported: " + u))
                        .toList());
            }
        }
        if (network == null || (demands == null) == (gravity == null)) {
            throw new CommandLine.ParameterException(
                    cli, "give --sndlib FILE --model FILE, or NETWORK with one of --demands or --gravity");
        }
        Survivability survivability = switch (survive) {
            case "none" -> Survivability.NONE;
            case "span" -> Survivability.SPAN;
            default ->
                throw new CommandLine.ParameterException(cli, "--survive must be none or span, was '" + survive + "'");
        };
        Network n = Networks.load(network);
        List<Demand> d;
        if (demands != null) {
            try (Reader in = org.wanplan.io.input.TextInput.reader(demands)) {
                d = DemandCsvReader.read(in, demands.toString(), n);
            }
        } else {
            if (!(gravity > 0)) {
                throw new CommandLine.ParameterException(cli, "--gravity must be > 0, was " + gravity);
            }
            d = Gravity.fromPopulation(n, gravity, maxDemands);
        }
        if (maxHops != null && maxHops < 1) {
            throw new CommandLine.ParameterException(cli, "--max-hops must be ≥ 1, was " + maxHops);
        }
        return PlanInputs.fromNetwork(
                n, d, survivability, years, growth, maxHops == null ? PlanningProblem.UNLIMITED : maxHops);
    }

    private static ObjectNode json(PlanningProblem p, CapacityPlan plan, Optional<String> violation) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode o = mapper.createObjectNode();
        o.put("network", p.network().name());
        o.put("survivability", p.survivability().name().toLowerCase(Locale.ROOT));
        o.put("years", p.years());
        o.put("growth", p.growth());
        o.put("status", plan.status());
        o.put("objective", plan.objective());
        o.put("bound", plan.bound());
        o.put("gap", plan.gap());
        o.put("seconds", Math.round(plan.seconds() * 1000) / 1000.0);
        o.put("buildSeconds", Math.round(plan.buildSeconds() * 1000) / 1000.0);
        o.put("solveSeconds", Math.round(plan.solveSeconds() * 1000) / 1000.0);
        o.put("check", violation.orElse(plan.hasPlan() ? "passed" : "no plan"));
        var spans = o.putArray("spans");
        for (CapacityPlan.LinkPlan l : plan.links()) {
            if (l.added().isEmpty()) {
                continue;
            }
            ObjectNode s = spans.addObject().put("span", l.span().value());
            s.set("modules", mapper.valueToTree(l.added()));
            if (p.years() > 1) {
                s.set("byYear", mapper.valueToTree(l.addedByYear()));
            }
            s.put("capacity", l.capacity());
        }
        return o;
    }

    private static void text(PrintWriter w, PlanningProblem p, CapacityPlan plan, Optional<String> violation) {
        w.printf(
                Locale.ROOT,
                "%s: %d demands, survive %s, %d year(s)%s%n",
                p.network().name(),
                p.demands().size(),
                p.survivability() == Survivability.SPAN ? "any span cut" : "nothing",
                p.years(),
                p.years() > 1 ? String.format(Locale.ROOT, " at %.0f %% growth", 100 * p.growth()) : "");
        w.printf(
                Locale.ROOT,
                "status %s in %.1f s: cost %,.2f, bound %,.2f, gap %.2f %%%n",
                plan.status(),
                plan.seconds(),
                plan.objective(),
                plan.bound(),
                100 * plan.gap());
        w.println("independent check: " + violation.orElse(plan.hasPlan() ? "passed" : "no plan to check"));
        for (CapacityPlan.LinkPlan l : plan.links()) {
            if (!l.added().isEmpty()) {
                w.printf(
                        Locale.ROOT,
                        "  %-30s +%s → %,.0f%s%n",
                        l.span().value(),
                        l.added(),
                        l.capacity(),
                        p.years() > 1 ? "  by year " + l.addedByYear() : "");
            }
        }
    }
}
