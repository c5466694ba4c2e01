package org.wanplan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.wanplan.model.Network;
import org.wanplan.model.PopId;
import org.wanplan.routing.DiverseResult;
import org.wanplan.routing.Diversity;
import org.wanplan.routing.Metric;
import org.wanplan.routing.Path;
import org.wanplan.routing.Router;
import org.wanplan.routing.availability.Availability;
import org.wanplan.routing.availability.AvailabilityModel;
import org.wanplan.routing.availability.Restoration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wanplan availability}: predicted availability of a path or a protected pair between two PoPs. */
@Command(
        name = "availability",
        mixinStandardHelpOptions = true,
        description = {
            "Predict the availability between two PoPs: with restoration (the default: the pair is down only when"
                    + " no path is left), of the static shortest path (--no-restoration), or of a 1+1 diverse pair"
                    + " (--diverse).",
            "With restoration the figure is exact over every state of at most two failed spans, PoPs and SRLGs;"
                    + " lowerBound subtracts the most three or more failures can take away."
        })
final class AvailabilityCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NETWORK", description = NetworkCommand.NETWORK_HELP)
    String network;

    @CommandLine.Mixin
    PopPair ends;

    @Option(names = "--diverse", paramLabel = "LEVEL", description = "span, node or srlg: a protected pair")
    String diverse;

    @Option(names = "--cut-rate", paramLabel = "N", description = "cable cuts per 1,000 km per year (default 2.73)")
    Double cutRate;

    @Option(names = "--mttr", paramLabel = "HOURS", description = "mean time to repair a cut (default 12)")
    Double mttr;

    @Option(names = "--pop-availability", paramLabel = "A", description = "availability of a PoP (default 0.99999)")
    Double popAvailability;

    @Option(
            names = "--submarine-fault-rate",
            paramLabel = "N",
            description = "submarine cable faults per 1,000 km per year (default 0.167)")
    Double submarineRate;

    @Option(
            names = "--submarine-mttr-days",
            paramLabel = "DAYS",
            description = "mean time to repair a submarine fault (default 20)")
    Double submarineDays;

    @Option(
            names = {"--monte-carlo", "--samples"},
            paramLabel = "SAMPLES",
            description = "also estimate by simulation (seeded)")
    Integer samples;

    @Option(
            names = "--seed",
            defaultValue = "20261129",
            paramLabel = "S",
            description = "seed of --monte-carlo; the same seed and samples give the same estimate on every"
                    + " engine (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--no-restoration",
            description = "the static shortest path: down when any of its elements is (the figure before issue 14)")
    boolean noRestoration;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Diversity level = Options.diversity(spec, "--diverse", diverse).orElse(null);
        AvailabilityModel d = AvailabilityModel.defaults();
        AvailabilityModel model;
        try {
            model = d.with(
                    cutRate == null ? d.cutsPer1000KmYear() : cutRate,
                    mttr == null ? d.mttrHours() : mttr,
                    popAvailability == null ? d.popAvailability() : popAvailability);
            model = model.withSubmarine(
                    submarineRate == null ? d.submarineFaultsPer1000KmYear() : submarineRate,
                    submarineDays == null ? d.submarineMttrHours() : submarineDays * 24);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (samples != null && samples < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--monte-carlo must be ≥ 1, was " + samples);
        }
        Network n = Networks.load(network);
        PopId[] pair = ends.resolve(n);
        PopId a = pair[0];
        PopId b = pair[1];
        Router router = Router.of(n, Metric.LATENCY);
        Availability availability = new Availability(n, model);
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("network", n.name()).put("from", a.value()).put("to", b.value());
        Path working;
        Optional<Path> protection = Optional.empty();
        if (level == null) {
            working = router.shortest(a, b).orElseThrow(() -> new CliFailure("no path between " + a + " and " + b));
        } else {
            DiverseResult r = router.diverse(a, b, level);
            if (r instanceof DiverseResult.Pair p) {
                working = p.working();
                protection = Optional.of(p.protection());
                o.put("levelMet", p.met().label());
            } else if (r instanceof DiverseResult.Single s) {
                working = s.only();
                o.putNull("levelMet");
            } else {
                throw new CliFailure("no path between " + a + " and " + b);
            }
            if (!r.shortfalls().isEmpty()) {
                o.put("reason", r.shortfalls().get(0).reason());
            }
        }
        boolean restoring = level == null && !noRestoration;
        if (level != null && noRestoration) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--diverse is a static 1+1 pair already; drop --no-restoration");
        }
        Restoration.Result restored = restoring ? new Restoration(n, model).pair(a, b) : null;
        o.put("method", restoring ? "restoration" : level == null ? "static-path" : "1+1");
        double total = restoring
                ? restored.availability()
                : protection.map(p -> availability.pair(working, p)).orElse(availability.path(working));
        ObjectNode w = o.putObject("working");
        w.set("path", RouteCommand.json(working));
        w.put("availability", availability.path(working));
        protection.ifPresent(p -> {
            ObjectNode pj = o.putObject("protection");
            pj.set("path", RouteCommand.json(p));
            pj.put("availability", availability.path(p));
            availability
                    .shared(working, p)
                    .forEach(e -> o.withArray("sharedElements").add(e));
        });
        o.put("availability", total);
        o.put("downtimeMinutesPerYear", Availability.downtimeMinutesPerYear(total));
        if (restoring) {
            o.put("lowerBound", restored.lowerBound());
            o.put("singleCuts", restored.singleCuts());
            o.put("doubleCuts", restored.doubleCuts());
            restored.worstCuts().forEach(c -> o.withArray("worstCuts").add(c));
        }
        if (samples != null) {
            var est = restoring
                    ? new Restoration(n, model).monteCarlo(a, b, samples, seed)
                    : availability.monteCarlo(working, protection, samples, seed);
            o.putObject("monteCarlo")
                    .put("samples", samples)
                    .put("seed", seed)
                    .put("mean", est.mean())
                    .put("low", est.low())
                    .put("high", est.high());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Options.printJson(out, o);
        } else {
            out.printf(Locale.ROOT, "%s → %s on %s%n", a, b, n.name());
            out.printf(
                    Locale.ROOT,
                    "  working     %s  (%,.0f km, %d hops)%n",
                    percent(availability.path(working)),
                    working.km(),
                    working.hops());
            protection.ifPresent(p -> out.printf(
                    Locale.ROOT,
                    "  protection  %s  (%,.0f km, %d hops)%n",
                    percent(availability.path(p)),
                    p.km(),
                    p.hops()));
            if (o.has("levelMet") || level != null) {
                out.printf(
                        Locale.ROOT,
                        "  diversity   asked %s, met %s%s%n",
                        level.label(),
                        o.path("levelMet").asText("none"),
                        o.has("reason") ? " (" + o.get("reason").asText() + ")" : "");
            }
            if (restoring) {
                out.printf(
                        Locale.ROOT,
                        "  restoration %s  (at least %s; %d single and %d double cuts; most likely: %s)%n",
                        percent(total),
                        percent(restored.lowerBound()),
                        restored.singleCuts(),
                        restored.doubleCuts(),
                        String.join(", ", restored.worstCuts()));
            }
            out.printf(
                    Locale.ROOT,
                    "  service     %s  — %.1f minutes of downtime a year%n",
                    percent(total),
                    Availability.downtimeMinutesPerYear(total));
            if (o.has("monteCarlo")) {
                out.printf(
                        Locale.ROOT,
                        "  simulated   %s  (99.9%% interval %s – %s, %d samples)%n",
                        percent(o.get("monteCarlo").get("mean").asDouble()),
                        percent(o.get("monteCarlo").get("low").asDouble()),
                        percent(o.get("monteCarlo").get("high").asDouble()),
                        samples);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String percent(double a) {
        return String.format(Locale.ROOT, "%.5f%%", 100 * a);
    }
}
