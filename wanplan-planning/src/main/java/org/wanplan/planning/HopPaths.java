package org.wanplan.planning;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.wanplan.model.Network;
import org.wanplan.routing.Mask;

/**
 * Every simple path between two PoPs with at most a given number of spans, by depth-first search
 * pruned with hop distances to the target (a branch is cut as soon as it cannot arrive in time).
 * Parallel spans give distinct paths. Output-sensitive; refuses to list more than a cap.
 */
final class HopPaths {
    /** Most paths listed for one demand: beyond this the hop limit hardly restricts anything. */
    static final int MAX_PATHS = 5_000;

    private HopPaths() {}

    /** The spans of each path, by span index. */
    static List<int[]> between(Network n, int source, int target, int maxHops) {
        int[] hopsToTarget = hopsTo(n, target);
        List<int[]> out = new ArrayList<>();
        boolean[] onPath = new boolean[n.pops().size()];
        onPath[source] = true;
        extend(n, source, target, maxHops, hopsToTarget, onPath, new ArrayDeque<>(), out);
        return out;
    }

    private static void extend(
            Network n,
            int v,
            int target,
            int budget,
            int[] hopsToTarget,
            boolean[] onPath,
            Deque<Integer> spans,
            List<int[]> out) {
        if (v == target) {
            if (out.size() == MAX_PATHS) {
                throw new IllegalArgumentException("more than " + MAX_PATHS + " paths within the hop limit");
            }
            out.add(spans.stream().mapToInt(Integer::intValue).toArray());
            return;
        }
        for (int s : n.incidentSpanIndices(v)) {
            int u = n.endA(s) == v ? n.endB(s) : n.endA(s);
            if (!onPath[u] && hopsToTarget[u] <= budget - 1) {
                onPath[u] = true;
                spans.addLast(s);
                extend(n, u, target, budget - 1, hopsToTarget, onPath, spans, out);
                spans.removeLast();
                onPath[u] = false;
            }
        }
    }

    private static int[] hopsTo(Network n, int target) {
        int[] hops = new int[n.pops().size()];
        Arrays.fill(hops, Integer.MAX_VALUE);
        hops[target] = 0;
        Deque<Integer> queue = new ArrayDeque<>(List.of(target));
        while (!queue.isEmpty()) {
            int v = queue.poll();
            for (int s : n.incidentSpanIndices(v)) {
                int u = n.endA(s) == v ? n.endB(s) : n.endA(s);
                if (hops[u] == Integer.MAX_VALUE) {
                    hops[u] = hops[v] + 1;
                    queue.add(u);
                }
            }
        }
        return hops;
    }

    /** Whether {@code path} (span indices) uses a span that {@code down} fails. */
    static boolean crosses(int[] path, Mask down) {
        for (int e : path) {
            if (down.spanDown(e)) {
                return true;
            }
        }
        return false;
    }
}
