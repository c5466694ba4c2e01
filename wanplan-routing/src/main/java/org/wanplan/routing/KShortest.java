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
        Lazy paths = new Lazy(g, dijkstra, source, target, mask);
        for (Walk w; found.size() < k && (w = paths.next()) != null; ) {
            found.add(w);
        }
        return found;
    }

    /**
     * The same paths one at a time, each computed when asked: a search that stops early (the SRLG-disjoint
     * pair, once the next working path weighs more than half the best pair) pays only for the paths it
     * looks at. Holds no state in the {@link Dijkstra} between calls, so the caller may use it in between.
     */
    static final class Lazy {
        private final Graph g;
        private final Dijkstra dijkstra;
        private final int source;
        private final int target;
        private final Mask mask;
        private final List<Walk> found = new ArrayList<>();
        private final PriorityQueue<Walk> candidates = new PriorityQueue<>((a, b) -> a.weight() != b.weight()
                ? Double.compare(a.weight(), b.weight())
                : Integer.compare(a.hops(), b.hops()));
        private final Landmarks landmarks;
        private boolean started;
        private boolean exhausted;

        Lazy(Graph g, Dijkstra dijkstra, int source, int target, Mask mask) {
            this(g, dijkstra, source, target, mask, null);
        }

        /**
         * With {@code landmarks} (of {@code g}'s metric), every search is A* with their bounds: the same
         * distances (a bound stays a lower bound when spans and PoPs are taken away), far fewer PoPs settled.
         */
        Lazy(Graph g, Dijkstra dijkstra, int source, int target, Mask mask, Landmarks landmarks) {
            this.g = g;
            this.dijkstra = dijkstra;
            this.source = source;
            this.target = target;
            this.mask = mask;
            this.landmarks = landmarks;
        }

        private boolean search(int from, BitSet spans, BitSet pops) {
            return landmarks != null
                    ? dijkstra.runToward(from, target, spans, pops, landmarks)
                    : dijkstra.run(from, target, spans, pops);
        }

        /** The next shortest loopless path, or null when there are no more. */
        Walk next() {
            if (exhausted) {
                return null;
            }
            if (!started) {
                started = true;
                if (source == target || !search(source, mask.spans(), mask.pops())) {
                    exhausted = true;
                    return null;
                }
                Walk first = dijkstra.walk(target);
                found.add(first);
                return first;
            }
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
                if (!search(spur, spans, pops)) {
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
                exhausted = true;
                return null;
            }
            Walk next = candidates.poll();
            found.add(next);
            return next;
        }
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
