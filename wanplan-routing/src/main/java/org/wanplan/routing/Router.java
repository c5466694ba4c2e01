package org.wanplan.routing;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.wanplan.model.Network;
import org.wanplan.model.PopId;
import org.wanplan.model.Span;

/**
 * Paths on one network for one metric: shortest, equal-cost, k-shortest, constrained (CSPF) and
 * diverse pairs. The entry point of the routing engine.
 *
 * <p>Built once per (network, metric): O(n + m) for the arrays plus {@value #LANDMARKS} shortest-path
 * trees for the landmarks. Point-to-point queries run A* with landmark bounds on primitive arrays,
 * without allocating per visited PoP. Thread-safe: each thread gets its own search state.
 */
public final class Router {
    /** Most equal-cost paths {@link #equalCost} returns. */
    public static final int MAX_ECMP_PATHS = 64;

    /** k-shortest candidates CSPF tries before declaring a latency bound unreachable. */
    static final int CSPF_CANDIDATES = 64;

    /** Landmarks for the A* bounds of point-to-point queries. */
    static final int LANDMARKS = 8;

    private final Graph graph;
    private final ThreadLocal<Dijkstra> searches;
    private final Landmarks landmarks;

    private Router(Graph graph) {
        this.graph = graph;
        this.searches = ThreadLocal.withInitial(() -> new Dijkstra(graph));
        this.landmarks = Landmarks.of(graph, new Dijkstra(graph), LANDMARKS);
    }

    public static Router of(Network network, Metric metric) {
        return new Router(new Graph(network, metric));
    }

    public Network network() {
        return graph.network;
    }

    public Metric metric() {
        return graph.metric;
    }

    /** The shortest path, or empty when the PoPs are not connected. */
    public Optional<Path> shortest(PopId from, PopId to) {
        return shortest(from, to, Mask.none());
    }

    /** The shortest path avoiding the masked elements. */
    public Optional<Path> shortest(PopId from, PopId to, Mask mask) {
        return shortestWalk(index(from), index(to), mask).map(w -> w.toPath(graph.network));
    }

    /** Weight of the shortest path between two PoPs by index, or +∞; for hot loops. */
    public double distance(int from, int to, Mask mask) {
        if (from == to) {
            return 0;
        }
        Dijkstra d = searches.get();
        return d.runToward(from, to, mask.spans(), mask.pops(), landmarks) ? d.distance(to) : Double.POSITIVE_INFINITY;
    }

    Optional<Walk> shortestWalk(int from, int to, Mask mask) {
        Dijkstra d = searches.get();
        if (from == to || !d.runToward(from, to, mask.spans(), mask.pops(), landmarks)) {
            return Optional.empty();
        }
        return Optional.of(d.walk(to));
    }

    /** Up to {@code k} shortest loopless paths, lightest first (Yen). */
    public List<Path> kShortest(PopId from, PopId to, int k) {
        return KShortest.find(graph, searches.get(), index(from), index(to), k, Mask.none()).stream()
                .map(w -> w.toPath(graph.network))
                .toList();
    }

    /**
     * Every shortest path (within a relative tolerance of 1e-9), up to {@link #MAX_ECMP_PATHS}, in
     * depth-first order: the paths ECMP hashing spreads traffic over.
     */
    public List<Path> equalCost(PopId from, PopId to) {
        int s = index(from);
        int t = index(to);
        Dijkstra d = searches.get();
        if (s == t || !d.run(t, -1, Mask.none())) {
            return List.of();
        }
        double[] toTarget = new double[graph.n];
        for (int v = 0; v < graph.n; v++) {
            toTarget[v] = d.distance(v);
        }
        double best = toTarget[s];
        if (best == Double.POSITIVE_INFINITY) {
            return List.of();
        }
        List<Walk> walks = new ArrayList<>();
        extend(s, t, 0, best, toTarget, new ArrayList<>(List.of(s)), new ArrayList<>(), walks);
        return walks.stream().map(w -> w.toPath(graph.network)).toList();
    }

    private void extend(
            int v,
            int t,
            double sofar,
            double best,
            double[] toTarget,
            List<Integer> pops,
            List<Integer> spans,
            List<Walk> out) {
        if (out.size() >= MAX_ECMP_PATHS) {
            return;
        }
        if (v == t) {
            out.add(new Walk(
                    pops.stream().mapToInt(Integer::intValue).toArray(),
                    spans.stream().mapToInt(Integer::intValue).toArray(),
                    sofar));
            return;
        }
        double tolerance = 1e-9 * Math.max(1.0, best);
        for (int k = graph.offset[v]; k < graph.offset[v + 1]; k++) {
            int s = graph.arcSpan[k];
            int u = graph.arcTo[k];
            double w = graph.weight[s];
            if (w == w && Math.abs(sofar + w + toTarget[u] - best) <= tolerance && !pops.contains(u)) {
                pops.add(u);
                spans.add(s);
                extend(u, t, sofar + w, best, toTarget, pops, spans, out);
                pops.remove(pops.size() - 1);
                spans.remove(spans.size() - 1);
            }
        }
    }

    /**
     * The shortest path that meets every constraint (CSPF): excluded elements and spans with less than
     * the asked bandwidth left are pruned, then the metric's shortest path is taken; if it breaks the
     * latency bound, the next shortest are tried (up to {@value #CSPF_CANDIDATES}).
     *
     * @param availableGbps capacity left on each span, by span index (null: the installed capacity)
     */
    public Route constrained(PopId from, PopId to, Constraints c, double[] availableGbps) {
        Network n = graph.network;
        Mask mask = Mask.none()
                .withPops(
                        n,
                        c.excludedPops().stream()
                                .filter(p -> n.pop(p).isPresent())
                                .toList())
                .withSpans(
                        n,
                        c.excludedSpans().stream()
                                .filter(s -> n.span(s).isPresent())
                                .toList())
                .withSrlgs(n, c.excludedSrlgs());
        BitSet thin = new BitSet();
        for (int s = 0; s < graph.m; s++) {
            double left = availableGbps == null ? n.spans().get(s).capacityGbps() : availableGbps[s];
            if (left < c.minAvailableGbps()) {
                thin.set(s);
            }
        }
        Mask pruned = mask.and(Mask.none().withSpanIndices(thin));
        int s = index(from);
        int t = index(to);
        if (c.excludedPops().contains(from) || c.excludedPops().contains(to)) {
            return new Route.NoRoute(
                    "an end PoP is excluded: " + (c.excludedPops().contains(from) ? from : to));
        }
        List<Walk> candidates =
                KShortest.find(graph, searches.get(), s, t, c.maxLatencyMs().isPresent() ? CSPF_CANDIDATES : 1, pruned);
        if (candidates.isEmpty()) {
            boolean withoutBandwidth = shortestWalk(s, t, mask).isPresent();
            return new Route.NoRoute(
                    withoutBandwidth
                            ? "no path with " + c.minAvailableGbps() + " Gbps available on every span from " + from
                                    + " to " + to
                            : "no path from " + from + " to " + to + " avoiding the excluded PoPs, spans and SRLGs");
        }
        if (c.maxLatencyMs().isEmpty()) {
            return new Route.Found(candidates.get(0).toPath(n));
        }
        double bound = c.maxLatencyMs().getAsDouble();
        double bestLatency = Double.POSITIVE_INFINITY;
        for (Walk w : candidates) {
            Path p = w.toPath(n);
            if (p.latencyMs() <= bound) {
                return new Route.Found(p);
            }
            bestLatency = Math.min(bestLatency, p.latencyMs());
        }
        Optional<Walk> fastest = graph.metric == Metric.LATENCY
                ? Optional.of(candidates.get(0))
                : Router.of(n, Metric.LATENCY).shortestWalk(s, t, pruned);
        double floor = fastest.map(w -> w.toPath(n).latencyMs()).orElse(bestLatency);
        return new Route.NoRoute(String.format(
                java.util.Locale.ROOT,
                "no path from %s to %s within %.3f ms: the fastest feasible path takes %.3f ms",
                from,
                to,
                bound,
                Math.min(floor, bestLatency)));
    }

    /** A working/protection pair at the requested diversity, falling back as a planner does. */
    public DiverseResult diverse(PopId from, PopId to, Diversity level) {
        return diverse(from, to, level, Mask.none());
    }

    public DiverseResult diverse(PopId from, PopId to, Diversity level, Mask mask) {
        return new DiversePaths(graph, searches.get(), landmarks).find(index(from), index(to), level, mask);
    }

    int index(PopId pop) {
        int i = graph.network.indexOf(pop);
        if (i < 0) {
            throw new IllegalArgumentException("no PoP '" + pop + "' in " + graph.network.name());
        }
        return i;
    }

    Graph graph() {
        return graph;
    }

    Dijkstra search() {
        return searches.get();
    }

    /** Whether span {@code s} can be weighed in this router's metric. */
    boolean usable(Span span) {
        return !Double.isNaN(graph.metric.weight(span));
    }
}
