package org.wanplan.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * The span- or node-disjoint pair of paths of least total weight, as a min-cost flow of two units
 * with successive shortest paths and Johnson potentials: Suurballe's algorithm (J. W. Suurballe,
 * "Disjoint paths in a network", Networks 4, 1974) in the arc-reversal form Bhandari describes
 * ("Survivable Networks", 1999). Undirected spans become two opposite arcs; for node-disjointness
 * every PoP is split into an in- and an out-node joined by a unit-capacity arc. O(Dijkstra) × 2.
 */
final class DisjointPair {
    private final Graph g;
    private final boolean nodeDisjoint;
    private final int nodes;
    // arcs: parallel arrays; arc i and i^1 are a residual pair
    private int[] head;
    private int[] next;
    private int[] tail;
    private int[] cap;
    private double[] cost;
    private int[] span; // -1 for the in→out arcs of split PoPs
    private int arcs;
    private final int[] first;

    private DisjointPair(Graph g, boolean nodeDisjoint) {
        this.g = g;
        this.nodeDisjoint = nodeDisjoint;
        this.nodes = nodeDisjoint ? 2 * g.n : g.n;
        this.first = new int[nodes];
        Arrays.fill(first, -1);
        int capacity = 4 * g.m + 2 * g.n + 4;
        head = new int[capacity];
        next = new int[capacity];
        tail = new int[capacity];
        cap = new int[capacity];
        cost = new double[capacity];
        span = new int[capacity];
    }

    /** The least-weight disjoint pair from source to target avoiding the mask, or empty if none. */
    static Optional<Walk[]> find(Graph g, int source, int target, Mask mask, boolean nodeDisjoint) {
        if (source == target || mask.popDown(source) || mask.popDown(target)) {
            return Optional.empty();
        }
        DisjointPair flow = new DisjointPair(g, nodeDisjoint);
        flow.build(source, target, mask.spans(), mask.pops());
        return flow.solve(source, target);
    }

    private int in(int v) {
        return nodeDisjoint ? 2 * v : v;
    }

    private int out(int v) {
        return nodeDisjoint ? 2 * v + 1 : v;
    }

    private void build(int source, int target, BitSet spansDown, BitSet popsDown) {
        if (nodeDisjoint) {
            for (int v = 0; v < g.n; v++) {
                if (!popsDown.get(v)) {
                    addArc(in(v), out(v), v == source || v == target ? 2 : 1, 0, -1);
                }
            }
        }
        for (int s = 0; s < g.m; s++) {
            double w = g.weight[s];
            int a = g.network.endA(s);
            int b = g.network.endB(s);
            if (w != w || spansDown.get(s) || popsDown.get(a) || popsDown.get(b)) {
                continue;
            }
            addArc(out(a), in(b), 1, w, s);
            addArc(out(b), in(a), 1, w, s);
        }
    }

    private void addArc(int from, int to, int capacity, double c, int spanIndex) {
        link(from, to, capacity, c, spanIndex);
        link(to, from, 0, -c, spanIndex);
    }

    private void link(int from, int to, int capacity, double c, int spanIndex) {
        tail[arcs] = from;
        head[arcs] = to;
        cap[arcs] = capacity;
        cost[arcs] = c;
        span[arcs] = spanIndex;
        next[arcs] = first[from];
        first[from] = arcs++;
    }

    private Optional<Walk[]> solve(int source, int target) {
        int s = in(source);
        int t = out(target);
        double[] potential = new double[nodes];
        for (int unit = 0; unit < 2; unit++) {
            double[] dist = new double[nodes];
            int[] via = new int[nodes];
            if (!shortest(s, t, potential, dist, via)) {
                return Optional.empty();
            }
            for (int v = 0; v < nodes; v++) {
                if (dist[v] < Double.POSITIVE_INFINITY) {
                    potential[v] += dist[v];
                }
            }
            for (int v = t; v != s; v = tail[via[v]]) {
                cap[via[v]]--;
                cap[via[v] ^ 1]++;
            }
        }
        return Optional.of(decompose(s, t));
    }

    /** Dijkstra on reduced costs (non-negative thanks to the potentials). */
    private boolean shortest(int s, int t, double[] potential, double[] dist, int[] via) {
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        Arrays.fill(via, -1);
        boolean[] done = new boolean[nodes];
        java.util.PriorityQueue<double[]> queue = new java.util.PriorityQueue<>((x, y) -> Double.compare(x[0], y[0]));
        dist[s] = 0;
        queue.add(new double[] {0, s});
        while (!queue.isEmpty()) {
            double[] top = queue.poll();
            int u = (int) top[1];
            if (done[u]) {
                continue;
            }
            done[u] = true;
            for (int a = first[u]; a >= 0; a = next[a]) {
                if (cap[a] <= 0) {
                    continue;
                }
                int v = head[a];
                double reduced = cost[a] + potential[u] - potential[v];
                double nd = dist[u] + Math.max(0.0, reduced); // clamp rounding noise below zero
                if (nd < dist[v] - 1e-12) {
                    dist[v] = nd;
                    via[v] = a;
                    queue.add(new double[] {nd, v});
                }
            }
        }
        return dist[t] < Double.POSITIVE_INFINITY;
    }

    /** Follows the two units of flow from s to t; arcs used both ways cancel out. */
    private Walk[] decompose(int s, int t) {
        int[] flowOnArc = new int[arcs];
        for (int a = 0; a < arcs; a += 2) {
            int f = cap[a ^ 1]; // flow = residual capacity of the reverse arc
            flowOnArc[a] = f;
        }
        Walk[] pair = new Walk[2];
        for (int k = 0; k < 2; k++) {
            List<Integer> pops = new ArrayList<>();
            List<Integer> spans = new ArrayList<>();
            int v = s;
            pops.add(popOf(v));
            double w = 0;
            while (v != t) {
                int chosen = -1;
                for (int a = first[v]; a >= 0; a = next[a]) {
                    if ((a & 1) == 0 && flowOnArc[a] > 0) {
                        chosen = a;
                        break;
                    }
                }
                flowOnArc[chosen]--;
                if (span[chosen] >= 0) {
                    spans.add(span[chosen]);
                    pops.add(popOf(head[chosen]));
                    w += g.weight[span[chosen]];
                }
                v = head[chosen];
            }
            pair[k] = new Walk(
                    pops.stream().mapToInt(Integer::intValue).toArray(),
                    spans.stream().mapToInt(Integer::intValue).toArray(),
                    w);
        }
        if (pair[1].weight() < pair[0].weight()) {
            return new Walk[] {pair[1], pair[0]};
        }
        return pair;
    }

    private int popOf(int node) {
        return nodeDisjoint ? node / 2 : node;
    }
}
