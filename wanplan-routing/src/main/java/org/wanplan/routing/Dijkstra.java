package org.wanplan.routing;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Dijkstra's algorithm on a {@link Graph}, allocation-free per search: distances live in arrays
 * reset lazily by a search stamp, and the priority queue is a binary heap of primitive
 * (key, node) pairs with lazy deletion. O((n + m) log m) per search; stops as soon as the target is
 * settled. Not thread-safe: one instance per thread.
 */
final class Dijkstra {
    private final Graph g;
    private final double[] dist;
    private final int[] prevSpan;
    private final int[] stamp;
    private final boolean[] settled;
    private int current;
    private double[] heapKey;
    private int[] heapNode;
    private int size;
    private double[] toTarget;
    private int[] wanted;
    private final int[] settledOrder;
    private int settledCount;
    private int wantedStamp;
    private double[] bound;

    Dijkstra(Graph g) {
        this.g = g;
        this.dist = new double[g.n];
        this.prevSpan = new int[g.n];
        this.stamp = new int[g.n];
        this.settled = new boolean[g.n];
        this.settledOrder = new int[g.n];
        this.heapKey = new double[Math.max(16, 2 * g.m + 1)];
        this.heapNode = new int[heapKey.length];
    }

    /**
     * Shortest distances from {@code source}, avoiding the masked spans and PoPs (a masked source or
     * target is unreachable). Stops when {@code target} is settled; pass -1 to settle everything.
     *
     * @return whether the target (or, for -1, anything) was reached
     */
    boolean run(int source, int target, Mask mask) {
        return run(source, target, mask.spans(), mask.pops());
    }

    boolean run(int source, int target, BitSet spansDown, BitSet popsDown) {
        return run(source, target, null, 0, spansDown, popsDown);
    }

    /**
     * Shortest distances from {@code source} until each of the first {@code count} PoPs in
     * {@code targets} is settled (or everything reachable is): one tree for many demands.
     */
    void runUntilAll(int source, int[] targets, int count, BitSet spansDown, BitSet popsDown) {
        run(source, -1, targets, count, spansDown, popsDown);
    }

    private boolean run(int source, int target, int[] targets, int count, BitSet spansDown, BitSet popsDown) {
        settledCount = 0;
        int remaining = 0;
        if (targets != null) {
            if (wanted == null) {
                wanted = new int[g.n];
            }
            wantedStamp++;
            for (int i = 0; i < count; i++) {
                if (wanted[targets[i]] != wantedStamp) {
                    wanted[targets[i]] = wantedStamp;
                    remaining++;
                }
            }
        }
        if (++current == Integer.MAX_VALUE) {
            Arrays.fill(stamp, 0);
            current = 1;
        }
        size = 0;
        if (popsDown.get(source) || (target >= 0 && popsDown.get(target))) {
            return false;
        }
        visit(source, 0.0, -1);
        push(0.0, source);
        final double[] w = g.weight;
        final int[] off = g.offset;
        final int[] arcSpan = g.arcSpan;
        final int[] arcTo = g.arcTo;
        while (size > 0) {
            double d = heapKey[0];
            int u = pop();
            if (settled[u] || d > dist[u]) {
                continue;
            }
            settled[u] = true;
            settledOrder[settledCount++] = u;
            if (u == target) {
                return true;
            }
            if (remaining > 0 && wanted[u] == wantedStamp && --remaining == 0) {
                return true;
            }
            for (int k = off[u], end = off[u + 1]; k < end; k++) {
                int s = arcSpan[k];
                double ws = w[s];
                if (ws != ws || spansDown.get(s)) { // NaN: span cannot be weighed in this metric
                    continue;
                }
                int v = arcTo[k];
                double nd = d + ws;
                if (stamp[v] != current) {
                    if (popsDown.get(v)) {
                        continue;
                    }
                    visit(v, nd, s);
                    push(nd, v);
                } else if (!settled[v] && nd < dist[v]) {
                    dist[v] = nd;
                    prevSpan[v] = s;
                    push(nd, v);
                }
            }
        }
        return target < 0;
    }

    /**
     * A* from {@code source} to {@code target} with ALT bounds: the same distances and the same kind of
     * answer as {@link #run(int, int, BitSet, BitSet)} with a target, settling far fewer PoPs. Its
     * relaxation loop repeats the plain one on purpose: folding the bound into the plain loop would add
     * a lookup per arc to the failure sweep's full trees (P2), the other hot path.
     */
    boolean runToward(int source, int target, BitSet spansDown, BitSet popsDown, Landmarks landmarks) {
        if (++current == Integer.MAX_VALUE) {
            Arrays.fill(stamp, 0);
            current = 1;
        }
        size = 0;
        if (popsDown.get(source) || popsDown.get(target)) {
            return false;
        }
        if (toTarget == null) {
            toTarget = new double[landmarks.count];
            bound = new double[g.n];
        }
        landmarks.prepare(target, toTarget);
        visit(source, 0.0, -1);
        bound[source] = landmarks.bound(source, toTarget);
        push(bound[source], source);
        final double[] w = g.weight;
        final int[] off = g.offset;
        final int[] arcSpan = g.arcSpan;
        final int[] arcTo = g.arcTo;
        while (size > 0) {
            double f = heapKey[0];
            int u = pop();
            if (settled[u] || f > dist[u] + bound[u]) {
                continue;
            }
            settled[u] = true;
            if (u == target) {
                return true;
            }
            double d = dist[u];
            for (int k = off[u], end = off[u + 1]; k < end; k++) {
                int s = arcSpan[k];
                double ws = w[s];
                if (ws != ws || spansDown.get(s)) {
                    continue;
                }
                int v = arcTo[k];
                double nd = d + ws;
                if (stamp[v] != current) {
                    if (popsDown.get(v)) {
                        continue;
                    }
                    visit(v, nd, s);
                    bound[v] = landmarks.bound(v, toTarget);
                    push(nd + bound[v], v);
                } else if (!settled[v] && nd < dist[v]) {
                    dist[v] = nd;
                    prevSpan[v] = s;
                    push(nd + bound[v], v);
                }
            }
        }
        return false;
    }

    /** How many PoPs the last plain run settled; {@link #settled(int)} lists them in order. */
    int settledCount() {
        return settledCount;
    }

    int settled(int i) {
        return settledOrder[i];
    }

    boolean isSettled(int v) {
        return stamp[v] == current && settled[v];
    }

    boolean reached(int v) {
        return stamp[v] == current;
    }

    double distance(int v) {
        return stamp[v] == current ? dist[v] : Double.POSITIVE_INFINITY;
    }

    int previousSpan(int v) {
        return stamp[v] == current ? prevSpan[v] : -1;
    }

    /** The path found to {@code target} by the last run; {@code target} must have been reached. */
    Walk walk(int target) {
        int hops = 0;
        for (int v = target; prevSpan[v] >= 0; v = g.other(prevSpan[v], v)) {
            hops++;
        }
        int[] pops = new int[hops + 1];
        int[] spans = new int[hops];
        int v = target;
        pops[hops] = v;
        for (int i = hops - 1; i >= 0; i--) {
            spans[i] = prevSpan[v];
            v = g.other(prevSpan[v], v);
            pops[i] = v;
        }
        return new Walk(pops, spans, dist[target]);
    }

    private void visit(int v, double d, int viaSpan) {
        stamp[v] = current;
        dist[v] = d;
        prevSpan[v] = viaSpan;
        settled[v] = false;
    }

    private void push(double key, int node) {
        if (size == heapKey.length) {
            heapKey = Arrays.copyOf(heapKey, size * 2);
            heapNode = Arrays.copyOf(heapNode, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 2; // a 4-ary heap: shallower than a binary one, fewer moves per push
            if (heapKey[parent] <= key) {
                break;
            }
            heapKey[i] = heapKey[parent];
            heapNode[i] = heapNode[parent];
            i = parent;
        }
        heapKey[i] = key;
        heapNode[i] = node;
    }

    private int pop() {
        int top = heapNode[0];
        size--;
        if (size > 0) {
            double key = heapKey[size];
            int node = heapNode[size];
            int i = 0;
            while (true) {
                int first = 4 * i + 1;
                if (first >= size) {
                    break;
                }
                int child = first;
                int last = Math.min(first + 4, size);
                for (int c = first + 1; c < last; c++) {
                    if (heapKey[c] < heapKey[child]) {
                        child = c;
                    }
                }
                if (heapKey[child] >= key) {
                    break;
                }
                heapKey[i] = heapKey[child];
                heapNode[i] = heapNode[child];
                i = child;
            }
            heapKey[i] = key;
            heapNode[i] = node;
        }
        return top;
    }
}
