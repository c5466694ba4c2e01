package org.wanplan.routing;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.wanplan.model.Demand;
import org.wanplan.model.FibreLength;
import org.wanplan.model.Network;
import org.wanplan.model.Span;

/**
 * The failure what-if, prepared once and asked scenario by scenario: for each scenario, the demands it
 * hits switch to their protection path when that survives, are otherwise restored on the shortest
 * surviving path (as the IGP would, whatever the capacity: overloads show up as utilisation above 1),
 * or are lost. {@link #prepare} places the traffic; {@link #evaluate} gives one scenario's
 * {@link Outcome}; a {@link FailureAccumulator} folds outcomes into the report with bounded memory and
 * merges with others, so a sweep can be split across threads or machines and streamed.
 *
 * <p>Incremental: the baseline load is computed once; a scenario only touches the demands whose
 * working path crosses a failed element (found through per-span and per-PoP indices), and restores
 * them with one shortest-path tree per distinct source PoP rather than one search per demand.
 * Immutable after preparation and safe to evaluate from many threads; results do not depend on the
 * thread count.
 */
public final class FailureSweep {
    /**
     * How to place the traffic and how much of each ranking to keep.
     *
     * @param metric the routing metric of placement and restoration
     * @param protection the diversity of 1+1 protection asked of every demand; empty for none
     * @param topK scenarios kept in the ranking, and worst scenarios kept per span
     */
    public record Options(Metric metric, Optional<Diversity> protection, int topK) {
        public Options {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(protection, "protection");
            if (topK < 1) {
                throw new IllegalArgumentException("topK must be >= 1, was " + topK);
            }
        }

        /** By latency, unprotected, the top 10. */
        public static Options defaults() {
            return new Options(Metric.LATENCY, Optional.empty(), 10);
        }
    }

    private final Router router;
    private final Graph g;
    private final Placement.Result baseline;
    private final int topK;
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
    // the intact network's shortest-path tree from every PoP (null past TREE_LIMIT PoPs): distance, the span
    // into each PoP, the PoPs in settling order, one-way latency along the tree
    private final double[][] treeDist;
    private final int[][] treePrev;
    private final int[][] treeOrder;
    private final double[][] treeLatency;

    /** Networks up to this many PoPs keep every root's tree (n² numbers: 2,000 PoPs ≈ 100 MB). */
    static final int TREE_LIMIT = 2_000;

    private FailureSweep(Router router, Placement.Result baseline, int topK, boolean trees) {
        this.topK = topK;
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
        if (trees) {
            treeDist = new double[g.n][];
            treePrev = new int[g.n][];
            treeOrder = new int[g.n][];
            treeLatency = new double[g.n][];
            Dijkstra dijkstra = router.search();
            BitSet none = new BitSet();
            for (int r = 0; r < g.n; r++) {
                dijkstra.runUntilAll(r, null, 0, none, none);
                int count = dijkstra.settledCount();
                double[] dist = new double[g.n];
                int[] prev = new int[g.n];
                double[] lat = new double[g.n];
                int[] order = new int[count];
                Arrays.fill(dist, Double.POSITIVE_INFINITY);
                Arrays.fill(prev, -1);
                for (int x = 0; x < count; x++) {
                    int v = dijkstra.settled(x);
                    order[x] = v;
                    dist[v] = dijkstra.distance(v);
                    int sp = dijkstra.previousSpan(v);
                    prev[v] = sp;
                    lat[v] = sp < 0 ? 0 : lat[g.other(sp, v)] + latencyPerSpan[sp];
                }
                treeDist[r] = dist;
                treePrev[r] = prev;
                treeOrder[r] = order;
                treeLatency[r] = lat;
            }
        } else {
            treeDist = null;
            treePrev = null;
            treeOrder = null;
            treeLatency = null;
        }
    }

    /** Places {@code demands} on {@code network} as {@code options} say, ready to evaluate scenarios. */
    public static FailureSweep prepare(Network network, List<Demand> demands, Options options) {
        Router router = Router.of(network, options.metric());
        return of(router, Placement.place(router, demands, options.protection(), false), options.topK());
    }

    /** A sweep over traffic already placed by {@code router} (whose metric restores it). */
    public static FailureSweep of(Router router, Placement.Result baseline, int topK) {
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be >= 1, was " + topK);
        }
        return new FailureSweep(router, baseline, topK, router.graph().n <= TREE_LIMIT);
    }

    /** As {@link #of}, restoring from the intact trees or with a full search per root (for tests). */
    static FailureSweep of(Router router, Placement.Result baseline, int topK, boolean trees) {
        return new FailureSweep(router, baseline, topK, trees);
    }

    public Router router() {
        return router;
    }

    public Network network() {
        return g.network;
    }

    /** The traffic as placed on the intact network. */
    public Placement.Result baseline() {
        return baseline;
    }

    /** How many scenarios and worst cases per span the accumulators keep. */
    public int topK() {
        return topK;
    }

    /** An empty accumulator for this sweep's outcomes. */
    public FailureAccumulator accumulator() {
        return new FailureAccumulator(this);
    }

    /**
     * Evaluates every scenario in parallel on all cores and folds them into one accumulator; scenario
     * {@code k} of the list has sequence number {@code k} (ties in the rankings go to the lower number).
     * {@code progress} hears the count done after each scenario, from any thread.
     */
    public FailureAccumulator sweep(List<FailureScenario> scenarios, IntConsumer progress) {
        AtomicInteger done = new AtomicInteger();
        return IntStream.range(0, scenarios.size())
                .parallel()
                .collect(
                        this::accumulator,
                        (acc, k) -> {
                            acc.add(k, scenarios.get(k), evaluate(scenarios.get(k)));
                            progress.accept(done.incrementAndGet());
                        },
                        FailureAccumulator::merge);
    }

    /**
     * One scenario's effect on the placed traffic. The arrays belong to the receiver (they are not copied).
     *
     * @param load Gbps per span index after restoration; NaN for a failed span
     * @param touched indices (into {@link Placement.Result#placed()}) of the demands the scenario hit
     * @param latency one-way latency in ms of each touched demand after the failure; NaN when lost
     * @param affected demands whose working path lost an element
     * @param switched protected demands that carried on on their protection path
     * @param rerouted demands restored on the surviving network
     * @param lost demands with no surviving path (or a failed end PoP)
     */
    public record Outcome(
            double[] load,
            int[] touched,
            double[] latency,
            int affected,
            int switched,
            int rerouted,
            int lost,
            double lostGbps) {}

    /** Utilisation of span {@code s} under {@code load} Gbps (0 for a failed span, infinite when it has no capacity). */
    double utilisation(int s, double load) {
        if (Double.isNaN(load)) {
            return 0;
        }
        double capacity = g.network.spans().get(s).capacityGbps();
        return capacity > 0 ? load / capacity : load > 1e-9 ? Double.POSITIVE_INFINITY : 0;
    }

    /** What {@code scenario} does to the placed traffic. */
    public Outcome evaluate(FailureScenario scenario) {
        BitSet spansDown = scenario.down().spans();
        BitSet popsDown = scenario.down().pops();
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
        // restore the rest root by root: demands are undirected, so each is restored from whichever end more
        // of the pending demands share (fewer roots), from the intact trees or by a fresh search
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
        Restored r = treeDist != null
                ? restoreFromTrees(spansDown, popsDown, order, touched, start, byRoot, load, latency)
                : restoreBySearch(spansDown, popsDown, pending, order, touched, start, byRoot, load, latency);
        for (int s = spansDown.nextSetBit(0); s >= 0; s = spansDown.nextSetBit(s + 1)) {
            load[s] = Double.NaN; // a failed span carries nothing and is not reported
        }
        return new Outcome(
                load, touched, latency, affected, switched, r.rerouted, lost + r.lost, lostGbps + r.lostGbps);
    }

    /**
     * Restores the pending demands with a fresh shortest-path tree per root (networks past {@link #TREE_LIMIT}
     * PoPs, which keep no trees): a tree stops growing once all its demands' far ends are settled, and loads are
     * pushed up it once (O(settled PoPs)) rather than walked back per demand.
     */
    private Restored restoreBySearch(
            BitSet spansDown,
            BitSet popsDown,
            int pending,
            int[] order,
            int[] touched,
            int[] start,
            int[] byRoot,
            double[] load,
            double[] latency) {
        int[] far = new int[pending];
        double[] acc = new double[g.n];
        double[] latencyTo = new double[g.n];
        Dijkstra dijkstra = router.search();
        int rerouted = 0;
        int lost = 0;
        double lostGbps = 0;
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
        return new Restored(rerouted, lost, lostGbps);
    }

    /** What the restoration from the trees did: demands rerouted, and lost with their Gbps. */
    private record Restored(int rerouted, int lost, double lostGbps) {}

    /**
     * Restores the pending demands root by root from the intact network's trees, recomputing only what the
     * failure changed: in a root's tree, the PoPs whose tree path crosses a failed span or PoP lose their
     * distance; every other PoP keeps its distance and its path (deleting elements only lengthens paths, and
     * theirs survives). The cut-off PoPs are seeded from their surviving neighbours outside the cut and
     * settled by Dijkstra among themselves (decremental shortest paths, as in Ramalingam and Reps, "An
     * incremental algorithm for a generalization of the shortest-path problem", J. Algorithms 21, 1996).
     * A demand's load is walked back along its path. Same distances as a fresh search; among paths of exactly
     * equal weight the one kept may differ.
     */
    private Restored restoreFromTrees(
            BitSet spansDown,
            BitSet popsDown,
            int[] order,
            int[] touched,
            int[] start,
            int[] byRoot,
            double[] load,
            double[] latency) {
        int n = g.n;
        boolean[] cut = new boolean[n];
        double[] dist = new double[n];
        int[] prev = new int[n];
        double[] lat = new double[n];
        boolean[] done = new boolean[n];
        int[] cutList = new int[n];
        double[] heapKey = new double[16];
        int[] heapNode = new int[16];
        final double[] w = g.weight;
        final int[] off = g.offset;
        final int[] arcSpan = g.arcSpan;
        final int[] arcTo = g.arcTo;
        int rerouted = 0;
        int lostHere = 0;
        double lostGbpsHere = 0;
        for (int from = 0; from < n; from++) {
            int first = start[from];
            int end = start[from + 1];
            if (first == end) {
                continue;
            }
            double[] d0 = treeDist[from];
            int[] p0 = treePrev[from];
            double[] lat0 = treeLatency[from];
            int cuts = 0;
            for (int v : treeOrder[from]) { // root first: a PoP's parent is decided before it
                int sp = p0[v];
                boolean c = popsDown.get(v) || (sp >= 0 && (spansDown.get(sp) || cut[g.other(sp, v)]));
                cut[v] = c;
                if (c) {
                    cutList[cuts++] = v;
                }
            }
            // seed each cut-off PoP from its surviving neighbours outside the cut, then settle the cut
            int size = 0;
            for (int x = 0; x < cuts; x++) {
                int v = cutList[x];
                dist[v] = Double.POSITIVE_INFINITY;
                prev[v] = -1;
                done[v] = false;
                if (popsDown.get(v)) {
                    continue;
                }
                for (int k = off[v], e = off[v + 1]; k < e; k++) {
                    int sp = arcSpan[k];
                    int u = arcTo[k];
                    double ws = w[sp];
                    if (ws != ws
                            || spansDown.get(sp)
                            || cut[u]
                            || popsDown.get(u)
                            || d0[u] == Double.POSITIVE_INFINITY) {
                        continue;
                    }
                    double nd = d0[u] + ws;
                    if (nd < dist[v]) {
                        dist[v] = nd;
                        prev[v] = sp;
                    }
                }
                if (prev[v] >= 0) {
                    if (size == heapKey.length) {
                        heapKey = Arrays.copyOf(heapKey, size * 2);
                        heapNode = Arrays.copyOf(heapNode, size * 2);
                    }
                    size = heapPush(heapKey, heapNode, size, dist[v], v);
                }
            }
            while (size > 0) {
                double dv = heapKey[0];
                int v = heapNode[0];
                size = heapPop(heapKey, heapNode, size);
                if (done[v] || dv > dist[v]) {
                    continue;
                }
                done[v] = true;
                int pv = prev[v];
                int parent = g.other(pv, v);
                lat[v] = (cut[parent] ? lat[parent] : lat0[parent]) + latencyPerSpan[pv];
                for (int k = off[v], e = off[v + 1]; k < e; k++) {
                    int sp = arcSpan[k];
                    int u = arcTo[k];
                    double ws = w[sp];
                    if (!cut[u] || done[u] || popsDown.get(u) || ws != ws || spansDown.get(sp)) {
                        continue;
                    }
                    double nd = dv + ws;
                    if (nd < dist[u]) {
                        dist[u] = nd;
                        prev[u] = sp;
                        if (size == heapKey.length) {
                            heapKey = Arrays.copyOf(heapKey, size * 2);
                            heapNode = Arrays.copyOf(heapNode, size * 2);
                        }
                        size = heapPush(heapKey, heapNode, size, nd, u);
                    }
                }
            }
            for (int x = first; x < end; x++) {
                int slot = order[byRoot[x]];
                int i = touched[slot];
                int to = source[i] == from ? target[i] : source[i];
                boolean reached = cut[to] ? done[to] : d0[to] != Double.POSITIVE_INFINITY;
                if (!reached) {
                    latency[slot] = Double.NaN;
                    lostHere++;
                    lostGbpsHere += gbps[i];
                    continue;
                }
                latency[slot] = cut[to] ? lat[to] : lat0[to];
                for (int v = to; v != from; ) {
                    int sp = cut[v] ? prev[v] : p0[v];
                    load[sp] += gbps[i];
                    v = g.other(sp, v);
                }
                rerouted++;
            }
            for (int x = 0; x < cuts; x++) {
                cut[cutList[x]] = false;
            }
        }
        return new Restored(rerouted, lostHere, lostGbpsHere);
    }

    /** Pushes (key, node) on a binary min-heap of {@code size} entries; returns the new size. */
    private static int heapPush(double[] key, int[] node, int size, double k, int v) {
        int i = size;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (key[parent] <= k) {
                break;
            }
            key[i] = key[parent];
            node[i] = node[parent];
            i = parent;
        }
        key[i] = k;
        node[i] = v;
        return size + 1;
    }

    /** Removes the minimum of a binary min-heap of {@code size} entries; returns the new size. */
    private static int heapPop(double[] key, int[] node, int size) {
        int last = size - 1;
        double k = key[last];
        int v = node[last];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= last) {
                break;
            }
            if (child + 1 < last && key[child + 1] < key[child]) {
                child++;
            }
            if (key[child] >= k) {
                break;
            }
            key[i] = key[child];
            node[i] = node[child];
            i = child;
        }
        if (last > 0) {
            key[i] = k;
            node[i] = v;
        }
        return last;
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
