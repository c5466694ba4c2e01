package org.wanplan.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.wanplan.model.Demand;
import org.wanplan.model.Network;
import org.wanplan.routing.FailureAccumulator;
import org.wanplan.routing.FailureReport;
import org.wanplan.routing.FailureScenario;
import org.wanplan.routing.FailureSweep;
import org.wanplan.routing.Gravity;
import org.wanplan.routing.Mask;
import org.wanplan.routing.Metric;
import org.wanplan.routing.Path;
import org.wanplan.routing.Placement;
import org.wanplan.routing.Router;

/**
 * One failure what-if for the UI: gravity traffic placed on the intact network by latency, then the
 * chosen spans, PoPs and SRLGs fail together; the routing engine's sweep gives the counts and
 * utilisations, and each hit demand's restored path (or its loss) is listed.
 */
final class FailureView {
    static final Set<String> FIELDS = Set.of("network", "fail", "gravityGbps", "maxDemands");

    private FailureView() {}

    static ObjectNode run(JsonRequest req, NetworkCatalog networks) {
        String name = req.string("network", 100);
        JsonNode fail = req.array("fail");
        Optional<Double> asked = req.optionalNumber("gravityGbps", 1, 1_000_000);
        int maxDemands =
                (int) (double) req.optionalNumber("maxDemands", 1, 5000).orElse(300.0);
        Optional<Network> found = name == null ? Optional.empty() : networks.find(name);
        if (name != null && found.isEmpty()) {
            req.error("network", "no such network: '" + name + "'");
        }
        Mask mask = Mask.none();
        List<String> elements = new ArrayList<>();
        if (fail != null && found.isPresent()) {
            Network n = found.get();
            if (fail.isEmpty()) {
                req.error("fail", "name at least one element: span:ID, pop:ID or srlg:ID");
            }
            for (int i = 0; i < fail.size(); i++) {
                String e = fail.get(i).asText("");
                Optional<Mask> with = mask.withElement(n, e);
                if (with.isEmpty()) {
                    req.errors(List.of(new ApiProblem.FieldError(
                            "/fail/" + i, "unknown element '" + e + "' (span:ID, pop:ID or srlg:ID of " + name + ")")));
                    continue;
                }
                mask = with.get();
                elements.add(e);
            }
        }
        req.throwIfInvalid();
        Mask down = mask;
        Network n = found.orElseThrow();
        Router router = Router.of(n, Metric.LATENCY);
        double gravity = asked.orElseGet(() -> defaultGravity(n, router, maxDemands));
        List<Demand> demands = Gravity.fromPopulation(n, gravity, maxDemands);
        FailureSweep sweep =
                FailureSweep.of(router, Placement.place(router, demands, Optional.empty(), false), WORST_SPANS);
        Placement.Result base = sweep.baseline();
        FailureScenario scenario = new FailureScenario(String.join(", ", elements), FailureScenario.Kind.MULTI, mask);
        FailureAccumulator acc = sweep.accumulator();
        acc.add(0, scenario, sweep.evaluate(scenario));
        FailureReport report = acc.report();
        FailureReport.ScenarioImpact impact = report.scenarios().get(0);

        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("network", n.name()).put("scenario", scenario.name());
        o.put("demands", base.placed().size()).put("gravityGbps", gravity);
        o.put("affected", impact.affected())
                .put("rerouted", impact.rerouted())
                .put("lost", impact.lost())
                .put("lostGbps", impact.lostGbps())
                .put("maxUtilisation", impact.maxUtilisation());
        ArrayNode failed = o.putArray("failedSpans");
        mask.spanBits().stream().forEach(s -> failed.add(n.spans().get(s).id().value()));
        ArrayNode failedPops = o.putArray("failedPops");
        mask.popBits().stream().forEach(p -> failedPops.add(n.pops().get(p).id().value()));
        ArrayNode spans = o.putArray("worstSpans");
        report.spans().stream()
                .limit(WORST_SPANS)
                .forEach(s -> spans.addObject()
                        .put("id", s.span().value())
                        .put("capacityGbps", s.capacityGbps())
                        .put("baselineUtilisation", s.baselineUtilisation())
                        .put("utilisation", s.worstUtilisation()));
        ArrayNode rerouted = o.putArray("reroutedDemands");
        ArrayNode lost = o.putArray("lostDemands");
        List<Placement.Placed> hit = base.placed().stream()
                .filter(p -> crosses(n, p.working(), down))
                .sorted((a, b) -> Double.compare(b.demand().gbps(), a.demand().gbps()))
                .toList();
        for (Placement.Placed p : hit) {
            Demand d = p.demand();
            boolean endDown = mask.popDown(n.indexOf(d.from())) || mask.popDown(n.indexOf(d.to()));
            Optional<Path> after = endDown ? Optional.empty() : router.shortest(d.from(), d.to(), mask);
            ObjectNode j = (after.isPresent() ? rerouted : lost)
                    .addObject()
                    .put("id", d.id())
                    .put("from", d.from().value())
                    .put("to", d.to().value())
                    .put("gbps", d.gbps());
            j.set("before", DesignView.path(p.working()));
            after.ifPresent(a -> j.set("after", DesignView.path(a)));
        }
        return o;
    }

    /**
     * Without an asked total, the gravity matrix is scaled so that the busiest span runs at
     * {@link #DEFAULT_PEAK} before the failure: placement by latency ignores capacity, so loads scale
     * linearly with the total, and the what-if then shows what a failure adds rather than a network that
     * was overloaded to begin with.
     */
    static double defaultGravity(Network n, Router router, int maxDemands) {
        double probe = 1000;
        Placement.Result base =
                Placement.place(router, Gravity.fromPopulation(n, probe, maxDemands), Optional.empty(), false);
        double peak = 0;
        for (int s = 0; s < n.spans().size(); s++) {
            peak = Math.max(peak, base.utilisation(s));
        }
        return peak > 0 ? probe * DEFAULT_PEAK / peak : probe;
    }

    static final double DEFAULT_PEAK = 0.5;

    /** Rows of the worst-span table. */
    private static final int WORST_SPANS = 10;

    private static boolean crosses(Network n, Path p, Mask mask) {
        return p.spans().stream().anyMatch(s -> mask.spanDown(n.indexOf(s)))
                || p.pops().stream().anyMatch(x -> mask.popDown(n.indexOf(x)));
    }
}
