package org.wanplan.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.wanplan.model.FibreLength;
import org.wanplan.model.Network;
import org.wanplan.model.Span;

/**
 * Exhaustive what-if: for every scenario, the demands it hits switch to their protection path when
 * that survives, are otherwise restored on the shortest surviving path (as the IGP would, whatever
 * the capacity: overloads show up as utilisation above 1), or are lost.
 *
 * <p>Incremental: the baseline load is computed once; a scenario only touches the demands whose
 * working path crosses a failed element (found through per-span and per-PoP indices), and restores
 * them with one shortest-path tree per distinct source PoP rather than one search per demand.
 * Scenarios run in parallel; results do not depend on the thread count.
 */
public final class FailureAnalysis {
    private final Router router;
    private final Graph g;
    private final Placement.Result baseline;
    private final List<Placement.Placed> placed;
    private final int[][] demandsOnSpan;
    private final int[][] demandsAtPop;
    private final int[][] workingSpans;
    private final int[][] protectionSpans;
    private final int[][] protectionPops;
    private final int[] source;
    private final int[] target;
    private final double[] gbps;
    private final double[] latencyPerSpan;

    private FailureAnalysis(Router router, Placement.Result baseline) {
        this.router = router;
        this.g = router.graph();
        this.baseline = baseline;
        this.placed = baseline.placed();
        Network n = g.network;
        int d = placed.size();
        workingSpans = new int[d][];
        protectionSpans = new int[d][];
        protectionPops = new int[d][];
        source = new int[d];
        target = new int[d];
        gbps = new double[d];
        List<List<Integer>> onSpan = lists(g.m);
        List<List<Integer>> atPop = lists(g.n);
        for (int i = 0; i < d; i++) {
            Placement.Placed p = placed.get(i);
            workingSpans[i] = p.working().spans().stream().mapToInt(n::indexOf).toArray();
            protectionSpans[i] = p.protection()
                    .map(q -> q.spans().stream().mapToInt(n::indexOf).toArray())
                    .orElse(null);
            protectionPops[i] = p.protection()
                    .map(q -> q.pops().stream().mapToInt(n::indexOf).toArray())
                    .orElse(null);
            source[i] = n.indexOf(p.demand().from());
            target[i] = n.indexOf(p.demand().to());
            gbps[i] = p.demand().gbps();
            for (int s : workingSpans[i]) {
                onSpan.get(s).add(i);
            }
            for (var pop : p.working().pops()) {
                atPop.get(n.indexOf(pop)).add(i);
            }
        }
        demandsOnSpan = arrays(onSpan);
        demandsAtPop = arrays(atPop);
        latencyPerSpan = new double[g.m];
        for (int s = 0; s < g.m; s++) {
            Span span = n.spans().get(s);
            latencyPerSpan[s] = span.length().map(FibreLength::latencyMs).orElse(0.0);
        }
    }

    /** Runs {@code scenarios} against the placed demands of {@code baseline}, reporting progress per scenario. */
    public static FailureReport run(
            Router router,
            Placement.Result baseline,
            List<FailureScenario> scenarios,
            int topScenariosPerSpan,
            IntConsumer progress) {
        return new FailureAnalysis(router, baseline).sweep(scenarios, topScenariosPerSpan, progress);
    }

    /** The outcome of one scenario: per-span load and per-demand latency (NaN: lost; untouched: baseline). */
    record Outcome(
            double[] load,
            int[] touched,
            double[] latency,
            int affected,
            int switched,
            int rerouted,
            int lost,
            double lostGbps) {}

    private FailureReport sweep(List<FailureScenario> scenarios, int top, IntConsumer progress) {
        Outcome[] outcomes = new Outcome[scenarios.size()];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, scenarios.size()).parallel().forEach(k -> {
            outcomes[k] = evaluate(scenarios.get(k));
            progress.accept(done.incrementAndGet());
        });
        return aggregate(scenarios, outcomes, top);
    }

    Outcome evaluate(FailureScenario scenario) {
        BitSet spansDown = scenario.spans();
        BitSet popsDown = scenario.pops();
        double[] load = baseline.loadGbps();
        BitSet hit = new BitSet(placed.size());
        spansDown.stream().forEach(s -> Arrays.stream(demandsOnSpan[s]).forEach(hit::set));
        popsDown.stream().forEach(p -> Arrays.stream(demandsAtPop[p]).forEach(hit::set));
        int affected = hit.cardinality();
        int[] touched = new int[affected];
        double[] latency = new double[affected];
        int switched = 0;
        int lost = 0;
        double lostGbps = 0;
        int[] order = new int[affected];
        int pending = 0;
        int k = 0;
        for (int i = hit.nextSetBit(0); i >= 0; i = hit.nextSetBit(i + 1), k++) {
            touched[k] = i;
            for (int s : workingSpans[i]) {
                load[s] -= gbps[i];
            }
            if (protectionSpans[i] != null) {
                if (survives(protectionSpans[i], protectionPops[i], spansDown, popsDown)) {
                    latency[k] = latencyOf(protectionSpans[i]);
                    switched++;
                    continue;
                }
                for (int s : protectionSpans[i]) {
                    load[s] -= gbps[i];
                }
            }
            if (popsDown.get(source[i]) || popsDown.get(target[i])) {
                latency[k] = Double.NaN;
                lost++;
                lostGbps += gbps[i];
                continue;
            }
            order[pending++] = k;
        }
        // restore the rest, grouped by source: one shortest-path tree per source PoP
        Integer[] bySource = new Integer[pending];
        for (int j = 0; j < pending; j++) {
            bySource[j] = order[j];
        }
        Arrays.sort(bySource, Comparator.comparingInt(j -> source[touched[j]]));
        Dijkstra dijkstra = router.search();
        int rerouted = 0;
        for (int j = 0; j < pending; ) {
            int from = source[touched[bySource[j]]];
            int end = j;
            while (end < pending && source[touched[bySource[end]]] == from) {
                end++;
            }
            dijkstra.run(from, end - j == 1 ? target[touched[bySource[j]]] : -1, spansDown, popsDown);
            for (int x = j; x < end; x++) {
                int slot = bySource[x];
                int i = touched[slot];
                if (!dijkstra.reached(target[i]) || dijkstra.distance(target[i]) == Double.POSITIVE_INFINITY) {
                    latency[slot] = Double.NaN;
                    lost++;
                    lostGbps += gbps[i];
                    continue;
                }
                double ms = 0;
                for (int v = target[i]; v != from; ) {
                    int s = dijkstra.previousSpan(v);
                    load[s] += gbps[i];
                    ms += latencyPerSpan[s];
                    v = g.other(s, v);
                }
                latency[slot] = ms;
                rerouted++;
            }
            j = end;
        }
        for (int s = spansDown.nextSetBit(0); s >= 0; s = spansDown.nextSetBit(s + 1)) {
            load[s] = Double.NaN; // a failed span carries nothing and is not reported
        }
        return new Outcome(load, touched, latency, affected, switched, rerouted, lost, lostGbps);
    }

    private static boolean survives(int[] spans, int[] pops, BitSet spansDown, BitSet popsDown) {
        for (int s : spans) {
            if (spansDown.get(s)) {
                return false;
            }
        }
        for (int p : pops) {
            if (popsDown.get(p)) {
                return false;
            }
        }
        return true;
    }

    private double latencyOf(int[] spans) {
        double ms = 0;
        for (int s : spans) {
            ms += latencyPerSpan[s];
        }
        return ms;
    }

    private FailureReport aggregate(List<FailureScenario> scenarios, Outcome[] outcomes, int top) {
        Network n = g.network;
        List<FailureReport.ScenarioImpact> impacts = new ArrayList<>();
        for (int k = 0; k < outcomes.length; k++) {
            Outcome o = outcomes[k];
            double maxUtil = 0;
            for (int s = 0; s < g.m; s++) {
                maxUtil = Math.max(maxUtil, utilisation(s, o.load()[s]));
            }
            impacts.add(new FailureReport.ScenarioImpact(
                    scenarios.get(k).name(),
                    o.affected(),
                    o.switched(),
                    o.rerouted(),
                    o.lost(),
                    o.lostGbps(),
                    maxUtil));
        }
        impacts.sort(Comparator.comparingDouble((FailureReport.ScenarioImpact i) -> -i.lostGbps())
                .thenComparingInt(i -> -i.lost())
                .thenComparing(FailureReport.ScenarioImpact::scenario));

        List<FailureReport.SpanWorst> spans = new ArrayList<>();
        for (int s = 0; s < g.m; s++) {
            final int span = s;
            Integer[] worst = IntStream.range(0, outcomes.length)
                    .filter(k -> !Double.isNaN(outcomes[k].load()[span]))
                    .boxed()
                    .sorted(Comparator.comparingDouble(
                                    (Integer k) -> -outcomes[k].load()[span])
                            .thenComparingInt(k -> k))
                    .limit(top)
                    .toArray(Integer[]::new);
            double worstUtil =
                    worst.length == 0 ? 0 : utilisation(s, outcomes[worst[0]].load()[s]);
            spans.add(new FailureReport.SpanWorst(
                    n.spans().get(s).id(),
                    n.spans().get(s).capacityGbps(),
                    baseline.utilisation(s),
                    Math.max(worstUtil, baseline.utilisation(s)),
                    Arrays.stream(worst)
                            .filter(k -> outcomes[k].load()[span] > baseline.loadGbps()[span] + 1e-9)
                            .map(k -> scenarios.get(k).name())
                            .toList()));
        }
        spans.sort(Comparator.comparingDouble((FailureReport.SpanWorst w) -> -w.worstUtilisation())
                .thenComparing(w -> w.span().value()));

        int d = placed.size();
        double[] worstLatency = new double[d];
        String[] worstScenario = new String[d];
        int[] lostIn = new int[d];
        for (int i = 0; i < d; i++) {
            worstLatency[i] = placed.get(i).working().latencyMs();
            worstScenario[i] = "";
        }
        for (int k = 0; k < outcomes.length; k++) {
            Outcome o = outcomes[k];
            for (int j = 0; j < o.touched().length; j++) {
                int i = o.touched()[j];
                double ms = o.latency()[j];
                if (Double.isNaN(ms)) {
                    lostIn[i]++;
                } else if (ms > worstLatency[i] + 1e-12) {
                    worstLatency[i] = ms;
                    worstScenario[i] = scenarios.get(k).name();
                }
            }
        }
        List<FailureReport.DemandWorst> demands = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            demands.add(new FailureReport.DemandWorst(
                    placed.get(i).demand().id(),
                    placed.get(i).working().latencyMs(),
                    worstLatency[i],
                    worstScenario[i],
                    lostIn[i]));
        }
        demands.sort(Comparator.comparingDouble(
                        (FailureReport.DemandWorst w) -> -(w.worstLatencyMs() - w.baselineLatencyMs()))
                .thenComparing(FailureReport.DemandWorst::demand));
        return new FailureReport(impacts, spans, demands);
    }

    private double utilisation(int s, double load) {
        if (Double.isNaN(load)) {
            return 0;
        }
        double capacity = g.network.spans().get(s).capacityGbps();
        return capacity > 0 ? load / capacity : load > 1e-9 ? Double.POSITIVE_INFINITY : 0;
    }

    private static List<List<Integer>> lists(int size) {
        List<List<Integer>> l = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            l.add(new ArrayList<>());
        }
        return l;
    }

    private static int[][] arrays(List<List<Integer>> lists) {
        return lists.stream()
                .map(l -> l.stream().mapToInt(Integer::intValue).distinct().toArray())
                .toArray(int[][]::new);
    }
}
