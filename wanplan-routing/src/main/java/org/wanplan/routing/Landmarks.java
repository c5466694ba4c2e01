package org.wanplan.routing;

import java.util.Arrays;

/**
 * ALT lower bounds (A*, landmarks, triangle inequality: A. V. Goldberg and C. Harrelson, "Computing
 * the shortest path: A* search meets graph theory", SODA 2005). For landmarks L with exact distances
 * d(L, ·) in the full network, d(v, t) ≥ max_L |d(L, t) − d(L, v)|. Removing spans or PoPs only makes
 * distances longer, so the bound stays admissible and consistent under every {@link Mask}: one set of
 * landmarks serves every failure scenario. Landmarks are chosen farthest-first.
 */
final class Landmarks {
    final int count;
    /** distance[v * count + l] = d(landmark l, v), node-major so one PoP's bounds share a cache line. */
    final double[] distance;
    /** Whether every distance is finite (a connected network): the bound then needs no checks. */
    private final boolean finite;

    private Landmarks(int count, double[] distance) {
        this.count = count;
        this.distance = distance;
        boolean all = true;
        for (double d : distance) {
            all &= d != Double.POSITIVE_INFINITY;
        }
        this.finite = all;
    }

    static Landmarks of(Graph g, Dijkstra dijkstra, int wanted) {
        int n = g.n;
        int count = Math.min(wanted, n);
        double[] distance = new double[count * n];
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        int next = 0;
        for (int l = 0; l < count; l++) {
            dijkstra.run(next, -1, Mask.none());
            for (int v = 0; v < n; v++) {
                distance[v * count + l] = dijkstra.distance(v);
                nearest[v] = Math.min(nearest[v], distance[v * count + l]);
            }
            // the next landmark: the PoP farthest from all chosen so far (unreachable ones first)
            int far = 0;
            for (int v = 1; v < n; v++) {
                if (nearest[v] > nearest[far]) {
                    far = v;
                }
            }
            next = far;
        }
        return new Landmarks(count, distance);
    }

    /** Fills {@code toTarget[l]} with d(l, target) for the bounds of one query. */
    void prepare(int target, double[] toTarget) {
        System.arraycopy(distance, target * count, toTarget, 0, count);
    }

    /** A lower bound on d(v, target), given {@link #prepare}d target distances. */
    double bound(int v, double[] toTarget) {
        double best = 0;
        int base = v * count;
        if (finite) {
            for (int l = 0; l < count; l++) {
                best = Math.max(best, Math.abs(toTarget[l] - distance[base + l]));
            }
            return best;
        }
        for (int l = 0; l < count; l++) {
            double lv = distance[base + l];
            double lt = toTarget[l];
            if (lv != Double.POSITIVE_INFINITY && lt != Double.POSITIVE_INFINITY) {
                best = Math.max(best, Math.abs(lt - lv));
            }
        }
        return best;
    }
}
