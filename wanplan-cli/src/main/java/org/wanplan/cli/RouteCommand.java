package org.wanplan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.wanplan.model.Network;
import org.wanplan.model.PopId;
import org.wanplan.model.SpanId;
import org.wanplan.routing.DiverseResult;
import org.wanplan.routing.Diversity;
import org.wanplan.routing.Metric;
import org.wanplan.routing.Path;
import org.wanplan.routing.Router;
import org.wanplan.routing.Shortfall;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wanplan route}: shortest, k-shortest and diverse paths between two PoPs. */
@Command(
        name = "route",
        mixinStandardHelpOptions = true,
        description = "Find the shortest path, the k shortest, or a diverse working/protection pair between two PoPs.")
final class RouteCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NETWORK", description = NetworkCommand.NETWORK_HELP)
    String network;

    @CommandLine.Mixin
    PopPair ends;

    @Option(
            names = "--metric",
            defaultValue = "latency",
            paramLabel = "M",
            description = "latency, km, cost, hops or igp (default: ${DEFAULT-VALUE})")
    String metric;

    @Option(names = "--k", defaultValue = "1", paramLabel = "N", description = "how many shortest paths (default: 1)")
    int k;

    @Option(names = "--diverse", paramLabel = "LEVEL", description = "span, node or srlg: a working/protection pair")
    String diverse;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Metric m = Options.metric(spec, metric);
        if (k < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--k must be ≥ 1, was " + k);
        }
        Diversity level = Options.diversity(spec, "--diverse", diverse).orElse(null);
        Network n = Networks.load(network);
        PopId[] pair = ends.resolve(n);
        PopId a = pair[0];
        PopId b = pair[1];
        Router router = Router.of(n, m);
        ObjectNode out = new ObjectMapper().createObjectNode();
        out.put("network", n.name()).put("from", a.value()).put("to", b.value()).put("metric", m.label());
        List<Path> paths = new ArrayList<>();
        List<Shortfall> shortfalls = List.of();
        String levelMet = null;
        if (level != null) {
            DiverseResult r = router.diverse(a, b, level);
            out.put("diverse", level.label());
            if (r instanceof DiverseResult.Pair p) {
                paths.add(p.working());
                paths.add(p.protection());
                levelMet = p.met().label();
            } else if (r instanceof DiverseResult.Single s) {
                paths.add(s.only());
            } else if (r instanceof DiverseResult.Unreachable u) {
                out.put("reason", u.reason());
            }
            shortfalls = r.shortfalls();
            if (levelMet != null) {
                out.put("levelMet", levelMet);
            } else {
                out.putNull("levelMet");
            }
            if (!shortfalls.isEmpty()) {
                out.put(
                        "reason",
                        String.join(
                                "; ", shortfalls.stream().map(Shortfall::reason).toList()));
            } else if (!out.has("reason")) {
                out.putNull("reason");
            }
        } else {
            paths.addAll(router.kShortest(a, b, k));
            if (paths.isEmpty()) {
                out.put("reason", "no path between " + a + " and " + b);
            }
        }
        ArrayNode array = out.putArray("paths");
        paths.forEach(p -> array.add(json(p)));
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            Options.printJson(w, out);
        } else {
            text(w, n, out, paths, level, levelMet, shortfalls);
        }
        w.flush();
        return paths.isEmpty() ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    static ObjectNode json(Path p) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        p.pops().forEach(x -> o.withArray("pops").add(x.value()));
        p.spans().forEach(x -> o.withArray("spans").add(x.value()));
        if (p.spans().isEmpty()) {
            o.putArray("spans");
        }
        o.put("km", Math.round(p.km() * 10) / 10.0);
        o.put("latencyMs", Math.round(p.latencyMs() * 1000) / 1000.0);
        o.put("hops", p.hops());
        o.put("weight", p.weight());
        return o;
    }

    private static void text(
            PrintWriter w,
            Network n,
            ObjectNode out,
            List<Path> paths,
            Diversity level,
            String met,
            List<Shortfall> shortfalls) {
        w.printf(
                Locale.ROOT,
                "%s → %s on %s by %s%n",
                out.get("from").asText(),
                out.get("to").asText(),
                n.name(),
                out.get("metric").asText());
        if (level != null) {
            w.printf(Locale.ROOT, "diversity: asked %s, met %s%n", level.label(), met == null ? "none" : met);
            shortfalls.forEach(s -> w.println("  " + s.level().label() + ": " + s.reason()));
        }
        for (int i = 0; i < paths.size(); i++) {
            Path p = paths.get(i);
            String label = level != null ? (i == 0 ? "working" : "protection") : "path " + (i + 1);
            w.printf(Locale.ROOT, "%s: %,.0f km, %.2f ms, %d hops%n", label, p.km(), p.latencyMs(), p.hops());
            w.println("  "
                    + String.join(
                            " – ",
                            p.pops().stream()
                                    .map(id -> n.pop(id).orElseThrow().name())
                                    .toList()));
            w.println("  spans: "
                    + String.join(", ", p.spans().stream().map(SpanId::value).toList()));
        }
        if (paths.isEmpty()) {
            w.println(out.path("reason").asText("no path"));
        }
    }
}
