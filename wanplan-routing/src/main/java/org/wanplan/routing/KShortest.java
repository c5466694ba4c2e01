package org.wanplan.routing;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Yen's k shortest loopless paths (J. Y. Yen, "Finding the k shortest loopless paths in a network",
 * Management Science 17(11), 1971). Paths are told apart by their spans, so parallel spans give
 * distinct paths. O(k · n · Dijkstra).
 */
final class KShortest {
    private KShortest() {}

    static List<Walk> find(Graph g, Dijkstra dijkstra, int source, int target, int k, Mask mask) {
        List<Walk> found = new ArrayList<>();
        if (k <= 0 || source == target || !dijkstra.run(source, target, mask)) {
            return found;
        }
        found.add(dijkstra.walk(target));
        PriorityQueue<Walk> candidates = new PriorityQueue<>((a, b) -> a.weight() != b.weight()
                ? Double.compare(a.weight(), b.weight())
                : Integer.compare(a.hops(), b.hops()));
        while (found.size() < k) {
            Walk last = found.get(found.size() - 1);
            for (int i = 0; i < last.hops(); i++) {
                int spur = last.pops()[i];
                BitSet spans = mask.spanBits();
                BitSet pops = mask.popBits();
                for (Walk p : found) {
                    if (p.hops() > i && samePrefix(p, last, i)) {
                        spans.set(p.spans()[i]);
                    }
                }
                for (int r = 0; r < i; r++) {
                    pops.set(last.pops()[r]);
                }
                if (!dijkstra.run(spur, target, spans, pops)) {
                    continue;
                }
                Walk root = new Walk(
                        java.util.Arrays.copyOf(last.pops(), i + 1), java.util.Arrays.copyOf(last.spans(), i), 0);
                Walk candidate = root.then(dijkstra.walk(target), g);
                if (candidates.stream().noneMatch(c -> c.sameSpans(candidate))
                        && found.stream().noneMatch(c -> c.sameSpans(candidate))) {
                    candidates.add(candidate);
                }
            }
            if (candidates.isEmpty()) {
                break;
            }
            found.add(candidates.poll());
        }
        return found;
    }

    /** Whether a and b take the same first {@code i} spans. */
    private static boolean samePrefix(Walk a, Walk b, int i) {
        for (int r = 0; r < i; r++) {
            if (a.spans()[r] != b.spans()[r]) {
                return false;
            }
        }
        return true;
    }
}
