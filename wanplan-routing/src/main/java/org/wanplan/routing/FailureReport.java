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
     * One scenario's effect.
     *
     * @param affected demands whose working path lost an element
     * @param switched protected demands that carried on on their protection path
     * @param rerouted demands restored on the surviving network
     * @param lost demands with no surviving path (or a failed end PoP)
     */
    public record ScenarioImpact(
            String scenario,
            int affected,
            int switched,
            int rerouted,
            int lost,
            double lostGbps,
            double maxUtilisation) {}

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
