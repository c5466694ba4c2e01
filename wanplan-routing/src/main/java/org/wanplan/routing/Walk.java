package org.wanplan.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wanplan.model.FibreLength;
import org.wanplan.model.Network;
import org.wanplan.model.PopId;
import org.wanplan.model.Span;
import org.wanplan.model.SpanId;

/** A path by dense indices, as the searches produce it; turned into a {@link Path} at the API edge. */
record Walk(int[] pops, int[] spans, double weight) {
    int hops() {
        return spans.length;
    }

    int source() {
        return pops[0];
    }

    int target() {
        return pops[pops.length - 1];
    }

    boolean sameSpans(Walk other) {
        return Arrays.equals(spans, other.spans);
    }

    Path toPath(Network network) {
        List<PopId> popIds = new ArrayList<>(pops.length);
        for (int p : pops) {
            popIds.add(network.pops().get(p).id());
        }
        List<SpanId> spanIds = new ArrayList<>(spans.length);
        double km = 0;
        for (int s : spans) {
            Span span = network.spans().get(s);
            spanIds.add(span.id());
            km += span.length().map(FibreLength::km).orElse(0.0);
        }
        return new Path(popIds, spanIds, km, org.wanplan.model.Fibre.latencyMs(km), weight);
    }

    /** Concatenation of this walk and {@code next}, which must start where this one ends. */
    Walk then(Walk next, Graph g) {
        int[] p = Arrays.copyOf(pops, pops.length + next.pops.length - 1);
        System.arraycopy(next.pops, 1, p, pops.length, next.pops.length - 1);
        int[] s = Arrays.copyOf(spans, spans.length + next.spans.length);
        System.arraycopy(next.spans, 0, s, spans.length, next.spans.length);
        double w = 0;
        for (int x : s) {
            w += g.weight[x];
        }
        return new Walk(p, s, w);
    }
}
