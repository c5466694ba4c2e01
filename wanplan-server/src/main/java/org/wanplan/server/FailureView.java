package org.wanplan.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.wanplan.design.DesignView.PathView;
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
        req.optionalNumber("gravityGbps", 1, 1_000_000);
        req.optionalNumber("maxDemands", 1, 5000);
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
        Requests.WhatIfRequest body = req.as(Requests.WhatIfRequest.class);
        Optional<Double> asked = body.gravityGbps();
        int maxDemands = (int) (double) body.maxDemands().orElse(300.0);
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

        List<HitDemand> rerouted = new ArrayList<>();
        List<HitDemand> lost = new ArrayList<>();
        base.placed().stream()
                .filter(p -> crosses(n, p.working(), down))
                .sorted((a, b) -> Double.compare(b.demand().gbps(), a.demand().gbps()))
                .forEach(p -> {
                    Demand d = p.demand();
                    boolean endDown = down.popDown(n.indexOf(d.from())) || down.popDown(n.indexOf(d.to()));
                    Optional<Path> after = endDown ? Optional.empty() : router.shortest(d.from(), d.to(), down);
                    (after.isPresent() ? rerouted : lost)
                            .add(new HitDemand(
                                    d.id(),
                                    d.from().value(),
                                    d.to().value(),
                                    d.gbps(),
                                    PathView.of(p.working()),
                                    after.map(PathView::of)));
                });
        return (ObjectNode) Json.tree(new WhatIf(
                n.name(),
                scenario.name(),
                base.placed().size(),
                gravity,
                impact.affected(),
                impact.rerouted(),
                impact.lost(),
                impact.lostGbps(),
                impact.maxUtilisation(),
                mask.spanBits().stream()
                        .mapToObj(i -> n.spans().get(i).id().value())
                        .toList(),
                mask.popBits().stream()
                        .mapToObj(i -> n.pops().get(i).id().value())
                        .toList(),
                report.spans().stream()
                        .limit(WORST_SPANS)
                        .map(w -> new SpanUse(
                                w.span().value(), w.capacityGbps(), w.baselineUtilisation(), w.worstUtilisation()))
                        .toList(),
                rerouted,
                lost));
    }

    /** The what-if's answer: the scenario, its counts, the failed elements, the worst spans, the hit demands. */
    record WhatIf(
            String network,
            String scenario,
            int demands,
            double gravityGbps,
            int affected,
            int rerouted,
            int lost,
            double lostGbps,
            double maxUtilisation,
            List<String> failedSpans,
            List<String> failedPops,
            List<SpanUse> worstSpans,
            List<HitDemand> reroutedDemands,
            List<HitDemand> lostDemands) {}

    /** A span's utilisation before and under the failure. */
    record SpanUse(String id, double capacityGbps, double baselineUtilisation, double utilisation) {}

    /** A demand the failure hit: its path before, and after when it was restored. */
    record HitDemand(String id, String from, String to, double gbps, PathView before, Optional<PathView> after) {}

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
