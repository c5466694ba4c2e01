package org.wanplan.routing;

import java.util.List;
import org.wanplan.model.SpanId;

/**
 * What a failure sweep found, in the shape Cisco's and Juniper's planners report it.
 *
 * @param scenarioCount how many scenarios were evaluated
 * @param scenarios the sweep's top-K scenarios, the most traffic lost first (then most demands lost, then
 *     name)
 * @param spans every span, the highest worst-case utilisation first
 * @param demands every placed demand, the largest worst-case latency increase first
 */
public record FailureReport(
        long scenarioCount, List<ScenarioImpact> scenarios, List<SpanWorst> spans, List<DemandWorst> demands) {
    public FailureReport {
        scenarios = List.copyOf(scenarios);
        spans = List.copyOf(spans);
        demands = List.copyOf(demands);
    }

    /**
     * The report as the {@code failures} commands print it in JSON, as maps, lists and records (written by
     * any JSON library that writes records by their components): the local engine and the Spark engine print
     * this one document, so their output is the same byte for byte.
     *
     * @param scenarioCount the scenarios swept (the sample's size, plus any listed ones)
     * @param top rows kept in each table
     */
    public java.util.Map<String, Object> document(
            String network, int order, long scenarioCount, Placement.Result baseline, int top) {
        java.util.Map<String, Object> o = new java.util.LinkedHashMap<>();
        o.put("network", network);
        o.put("order", order);
        o.put("scenarioCount", scenarioCount);
        o.put("demandCount", baseline.placed().size() + baseline.unplaced().size());
        o.put("placed", baseline.placed().size());
        o.put("unplaced", baseline.unplaced().size());
        o.put("scenarios", scenarios.stream().limit(top).toList());
        o.put(
                "spans",
                spans.stream()
                        .limit(top)
                        .map(w -> {
                            java.util.Map<String, Object> s = new java.util.LinkedHashMap<>();
                            s.put("span", w.span().value());
                            s.put("capacityGbps", w.capacityGbps());
                            s.put("baselineUtilisation", w.baselineUtilisation());
                            s.put("worstUtilisation", w.worstUtilisation());
                            s.put("worstScenarios", w.worstScenarios());
                            return s;
                        })
                        .toList());
        o.put("demands", demands.stream().limit(top).toList());
        return o;
    }

    /**
     * One scenario's effect.
     *
     * @param affected demands whose working path lost an element
     * @param switched protected demands that carried on on their protection path
     * @param rerouted demands restored on the surviving network
     * @param lost demands with no surviving path (or a failed end PoP)
     */
    public record ScenarioImpact(
            String scenario, int affected, int switched, int rerouted, int lost, double lostGbps, double maxUtilisation)
            implements java.io.Serializable {}

    /**
     * A span's worst case over all scenarios (in which it survives).
     *
     * @param worstScenarios up to the report's top-N scenarios causing the highest utilisation, worst first
     */
    public record SpanWorst(
            SpanId span,
            double capacityGbps,
            double baselineUtilisation,
            double worstUtilisation,
            List<String> worstScenarios) {
        public SpanWorst {
            worstScenarios = List.copyOf(worstScenarios);
        }
    }

    /** A demand's worst one-way latency over the scenarios in which it survives, and how often it is lost. */
    public record DemandWorst(
            String demand, double baselineLatencyMs, double worstLatencyMs, String worstScenario, int scenariosLost) {}
}
