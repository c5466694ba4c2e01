package org.wanplan.routing;

import org.wanplan.model.Network;
import org.wanplan.model.Span;

/**
 * A network's adjacency in compressed sparse rows, with one weight per span for one metric: the
 * array layout every search here runs on. Immutable once built; O(n + m) memory.
 */
final class Graph {
    final Network network;
    final Metric metric;
    final int n;
    final int m;
    /** Arcs of PoP v are offset[v] .. offset[v+1]-1. */
    final int[] offset;
    /** Span index of each arc. */
    final int[] arcSpan;
    /** Head PoP of each arc. */
    final int[] arcTo;
    /** Weight of each span in {@link #metric}; NaN when the span cannot be weighed. */
    final double[] weight;
    /** The sum of each span's two end PoPs: one end is the sum less the other (hot in the failure sweep). */
    private final int[] endSum;

    Graph(Network network, Metric metric) {
        this.network = network;
        this.metric = metric;
        this.n = network.pops().size();
        this.m = network.spans().size();
        this.offset = new int[n + 1];
        this.arcSpan = new int[2 * m];
        this.arcTo = new int[2 * m];
        this.weight = new double[m];
        this.endSum = new int[m];
        for (int s = 0; s < m; s++) {
            endSum[s] = network.endA(s) + network.endB(s);
        }
        for (int v = 0; v < n; v++) {
            offset[v + 1] = offset[v] + network.incidentSpanIndices(v).length;
        }
        for (int v = 0; v < n; v++) {
            int k = offset[v];
            for (int s : network.incidentSpanIndices(v)) {
                arcSpan[k] = s;
                arcTo[k] = network.endA(s) == v ? network.endB(s) : network.endA(s);
                k++;
            }
        }
        for (int s = 0; s < m; s++) {
            Span span = network.spans().get(s);
            weight[s] = metric.weight(span);
        }
    }

    int other(int span, int end) {
        return endSum[span] - end;
    }
}
