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
        int[][] workingPops = new int[d][];
        for (int i = 0; i < d; i++) {
            Placement.Placed p = placed.get(i);
            workingSpans[i] = indices(p.working().spans(), n::indexOf);
            workingPops[i] = indices(p.working().pops(), n::indexOf);
            protectionSpans[i] =
                    p.protection().map(q -> indices(q.spans(), n::indexOf)).orElse(null);
            protectionPops[i] =
                    p.protection().map(q -> indices(q.pops(), n::indexOf)).orElse(null);
            source[i] = n.indexOf(p.demand().from());
            target[i] = n.indexOf(p.demand().to());
            gbps[i] = p.demand().gbps();
        }
        demandsOnSpan = invert(workingSpans, g.m);
        demandsAtPop = invert(workingPops, g.n);
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
        // restore the rest with one shortest-path tree per root PoP. Demands are undirected, so each is
        // grown from whichever end more of the pending demands share (fewer trees); a tree stops
        // growing once all its demands' far ends are settled, and loads are pushed up the tree once
        // per tree (O(settled PoPs)) rather than walked back per demand.
        int[] endCount = new int[g.n];
        for (int j = 0; j < pending; j++) {
            int i = touched[order[j]];
            endCount[source[i]]++;
            endCount[target[i]]++;
        }
        int[] root = new int[pending];
        int[] start = new int[g.n + 1];
        for (int j = 0; j < pending; j++) {
            int i = touched[order[j]];
            root[j] = endCount[source[i]] >= endCount[target[i]] ? source[i] : target[i];
            start[root[j] + 1]++;
        }
        for (int v = 0; v < g.n; v++) {
            start[v + 1] += start[v];
        }
        int[] byRoot = new int[pending];
        int[] fill = Arrays.copyOf(start, g.n);
        for (int j = 0; j < pending; j++) {
            byRoot[fill[root[j]]++] = j;
        }
        int[] far = new int[pending];
        double[] acc = new double[g.n];
        double[] latencyTo = new double[g.n];
        Dijkstra dijkstra = router.search();
        int rerouted = 0;
        for (int from = 0; from < g.n; from++) {
            int first = start[from];
            int end = start[from + 1];
            if (first == end) {
                continue;
            }
            for (int x = first; x < end; x++) {
                int i = touched[order[byRoot[x]]];
                far[x - first] = source[i] == from ? target[i] : source[i];
            }
            dijkstra.runUntilAll(from, far, end - first, spansDown, popsDown);
            int settledCount = dijkstra.settledCount();
            for (int x = 0; x < settledCount; x++) {
                int v = dijkstra.settled(x);
                acc[v] = 0;
                int s = dijkstra.previousSpan(v);
                latencyTo[v] = s < 0 ? 0 : latencyTo[g.other(s, v)] + latencyPerSpan[s];
            }
            for (int x = first; x < end; x++) {
                int slot = order[byRoot[x]];
                int i = touched[slot];
                int to = far[x - first];
                if (!dijkstra.isSettled(to)) {
                    latency[slot] = Double.NaN;
                    lost++;
                    lostGbps += gbps[i];
                    continue;
                }
                acc[to] += gbps[i];
                latency[slot] = latencyTo[to];
                rerouted++;
            }
            for (int x = settledCount - 1; x > 0; x--) { // leaves first: each PoP hands its traffic up
                int v = dijkstra.settled(x);
                if (acc[v] != 0) {
                    int s = dijkstra.previousSpan(v);
                    load[s] += acc[v];
                    acc[g.other(s, v)] += acc[v];
                }
            }
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
        double[] base = baseline.loadGbps();
        for (int s = 0; s < g.m; s++) {
            int[] worst = topScenarios(outcomes, s, top);
            double worstUtil =
                    worst.length == 0 ? 0 : utilisation(s, outcomes[worst[0]].load()[s]);
            List<String> names = new ArrayList<>();
            for (int k : worst) {
                if (outcomes[k].load()[s] > base[s] + 1e-9) {
                    names.add(scenarios.get(k).name());
                }
            }
            spans.add(new FailureReport.SpanWorst(
                    n.spans().get(s).id(),
                    n.spans().get(s).capacityGbps(),
                    baseline.utilisation(s),
                    Math.max(worstUtil, baseline.utilisation(s)),
                    names));
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

    /** Indices of the scenarios with the highest load on span {@code s} (failed excluded), highest first. */
    private static int[] topScenarios(Outcome[] outcomes, int s, int top) {
        int[] best = new int[top];
        int size = 0;
        for (int k = 0; k < outcomes.length; k++) {
            double load = outcomes[k].load()[s];
            if (Double.isNaN(load)) {
                continue;
            }
            int at = size < top ? size++ : top;
            // insertion into a short sorted array: keeps ties in scenario order
            while (at > 0 && outcomes[best[at - 1]].load()[s] < load) {
                if (at < top) {
                    best[at] = best[at - 1];
                }
                at--;
            }
            if (at < top) {
                best[at] = k;
            }
        }
        return Arrays.copyOf(best, size);
    }

    private double utilisation(int s, double load) {
        if (Double.isNaN(load)) {
            return 0;
        }
        double capacity = g.network.spans().get(s).capacityGbps();
        return capacity > 0 ? load / capacity : load > 1e-9 ? Double.POSITIVE_INFINITY : 0;
    }

    private static <T> int[] indices(List<T> ids, java.util.function.ToIntFunction<T> index) {
        int[] out = new int[ids.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = index.applyAsInt(ids.get(k));
        }
        return out;
    }

    /** For each element, the demands whose list holds it (loopless paths: each demand once). */
    private static int[][] invert(int[][] byDemand, int elements) {
        int[] count = new int[elements];
        for (int[] list : byDemand) {
            for (int e : list) {
                count[e]++;
            }
        }
        int[][] out = new int[elements][];
        for (int e = 0; e < elements; e++) {
            out[e] = new int[count[e]];
            count[e] = 0;
        }
        for (int i = 0; i < byDemand.length; i++) {
            for (int e : byDemand[i]) {
                out[e][count[e]++] = i;
            }
        }
        return out;
    }
}
