package org.wanplan.planning.augment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wanplan.model.InvalidNetworkException;
import org.wanplan.model.Network;
import org.wanplan.model.NetworkFacts;
import org.wanplan.model.Pop;
import org.wanplan.model.Span;
import org.wanplan.model.SpanId;

/**
 * Growing a fibre topology over n points, in the steps a carrier backbone is planned: candidate spans
 * between neighbours, a minimum spanning tree, survivability by closing every bridge, pruning what
 * survivability no longer needs, and shortcuts where the fibre detours most. Each step works on a
 * distance or cost matrix (km, symmetric) and marks what is built in {@code built[i][j]} (symmetric);
 * candidates are (i, j) pairs with i &lt; j. Deterministic: ties go to the earlier candidate.
 */
public final class Augmentation {
    private Augmentation() {}

    /** Gabriel edges plus each city's k nearest neighbours, as (i, j) with i < j, in (i, j) order. */
    public static List<int[]> candidates(double[][] d, int k) {
        int n = d.length;
        boolean[][] chosen = new boolean[n][n];
        for (int[] e : gabriel(d)) {
            chosen[e[0]][e[1]] = true;
        }
        for (int i = 0; i < n; i++) {
            final int from = i;
            Integer[] order = new Integer[n];
            Arrays.setAll(order, j -> j);
            Arrays.sort(
                    order, Comparator.comparingDouble((Integer j) -> d[from][j]).thenComparingInt(j -> j));
            for (int r = 1; r <= Math.min(k, n - 1); r++) {
                int j = order[r];
                chosen[Math.min(i, j)][Math.max(i, j)] = true;
            }
        }
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (chosen[i][j]) {
                    edges.add(new int[] {i, j});
                }
            }
        }
        return edges;
    }

    /**
     * The Gabriel graph: i–j when no third point k has d(i,k)² + d(j,k)² &lt; d(i,j)², as (i, j) with i &lt; j.
     * O(n³).
     */
    public static List<int[]> gabriel(double[][] d) {
        int n = d.length;
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dij2 = d[i][j] * d[i][j];
                boolean empty = true;
                for (int k = 0; k < n && empty; k++) {
                    if (k != i && k != j && d[i][k] * d[i][k] + d[j][k] * d[j][k] < dij2) {
                        empty = false;
                    }
                }
                if (empty) {
                    edges.add(new int[] {i, j});
                }
            }
        }
        return edges;
    }

    /** Kruskal over the candidates by cost; ties broken by candidate order (deterministic). */
    public static void spanningTree(double[][] cost, List<int[]> candidates, boolean[][] built) {
        int[] parent = new int[cost.length];
        Arrays.setAll(parent, i -> i);
        List<int[]> byCost = new ArrayList<>(candidates);
        byCost.sort(Comparator.comparingDouble((int[] e) -> cost[e[0]][e[1]]));
        for (int[] e : byCost) {
            int a = find(parent, e[0]);
            int b = find(parent, e[1]);
            if (a != b) {
                parent[a] = b;
                built[e[0]][e[1]] = built[e[1]][e[0]] = true;
            }
        }
    }

    /**
     * Greedy 2-edge-connectivity augmentation: contract the 2-edge-connected components into the
     * bridge tree, then repeatedly add the candidate that removes the most bridges per unit of cost
     * (the bridges on the tree path between its endpoints), until none is left.
     */
    public static void closeBridges(double[][] cost, List<int[]> candidates, boolean[][] built) {
        while (true) {
            Network draft = draft(built);
            List<SpanId> bridges = NetworkFacts.of(draft).bridges();
            if (bridges.isEmpty()) {
                return;
            }
            int[] component = components(draft, new HashSet<>(bridges));
            int[][] treeDistance = treeDistances(draft, bridges, component);
            int[] best = null;
            double bestGain = 0;
            for (int[] e : candidates) {
                int covered = treeDistance[component[e[0]]][component[e[1]]];
                if (!built[e[0]][e[1]] && covered / cost[e[0]][e[1]] > bestGain) {
                    best = e;
                    bestGain = covered / cost[e[0]][e[1]];
                }
            }
            if (best == null) {
                throw new IllegalStateException("no candidate span closes bridge " + bridges.get(0));
            }
            built[best[0]][best[1]] = built[best[1]][best[0]] = true;
        }
    }

    /** The 2-edge-connected component of every PoP: connected components once bridges are removed. */
    private static int[] components(Network draft, Set<SpanId> bridges) {
        int n = draft.pops().size();
        int[] component = new int[n];
        Arrays.fill(component, -1);
        int next = 0;
        for (int root = 0; root < n; root++) {
            if (component[root] >= 0) {
                continue;
            }
            Deque<Integer> queue = new ArrayDeque<>(List.of(root));
            component[root] = next;
            while (!queue.isEmpty()) {
                int x = queue.poll();
                for (int s : draft.incidentSpanIndices(x)) {
                    int y = draft.endA(s) == x ? draft.endB(s) : draft.endA(s);
                    if (component[y] < 0
                            && !bridges.contains(draft.spans().get(s).id())) {
                        component[y] = next;
                        queue.add(y);
                    }
                }
            }
            next++;
        }
        return component;
    }

    /** Bridges between every two components: hop distances in the bridge tree. */
    private static int[][] treeDistances(Network draft, List<SpanId> bridges, int[] component) {
        int c = Arrays.stream(component).max().orElse(-1) + 1;
        List<List<Integer>> tree = new ArrayList<>();
        for (int i = 0; i < c; i++) {
            tree.add(new ArrayList<>());
        }
        for (SpanId b : bridges) {
            int s = draft.indexOf(b);
            tree.get(component[draft.endA(s)]).add(component[draft.endB(s)]);
            tree.get(component[draft.endB(s)]).add(component[draft.endA(s)]);
        }
        int[][] dist = new int[c][c];
        for (int from = 0; from < c; from++) {
            Arrays.fill(dist[from], -1);
            dist[from][from] = 0;
            Deque<Integer> queue = new ArrayDeque<>(List.of(from));
            while (!queue.isEmpty()) {
                int x = queue.poll();
                for (int y : tree.get(x)) {
                    if (dist[from][y] < 0) {
                        dist[from][y] = dist[from][x] + 1;
                        queue.add(y);
                    }
                }
            }
        }
        return dist;
    }

    /** Drops, costliest first, every built candidate the network can lose and stay 2-edge-connected. */
    public static void prune(double[][] cost, List<int[]> candidates, boolean[][] built) {
        List<int[]> byCost = new ArrayList<>();
        for (int[] e : candidates) {
            if (built[e[0]][e[1]]) {
                byCost.add(e);
            }
        }
        byCost.sort(Comparator.comparingDouble((int[] e) -> -cost[e[0]][e[1]]));
        for (int[] e : byCost) {
            built[e[0]][e[1]] = built[e[1]][e[0]] = false;
            if (!NetworkFacts.of(draft(built)).twoEdgeConnected()) {
                built[e[0]][e[1]] = built[e[1]][e[0]] = true;
            }
        }
    }

    /**
     * Stretch shortcuts: while some unbuilt candidate i–j has a stretch (shortest built path on {@code d}
     * ÷ its own build cost) above {@code maxStretch}, builds the one with the largest stretch, spending at
     * most {@code budgetShare} × the km already built: the worst detours get direct fibre first. Distances
     * are all-pairs (Floyd–Warshall, O(n³)), updated in O(n²) per shortcut.
     */
    public static void addShortcuts(
            double[][] d,
            double[][] cost,
            List<int[]> candidates,
            boolean[][] built,
            double maxStretch,
            double budgetShare) {
        int n = d.length;
        double[][] dist = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                dist[i][j] = i == j ? 0 : built[i][j] ? d[i][j] : Double.POSITIVE_INFINITY;
            }
        }
        for (int k = 0; k < n; k++) { // Floyd–Warshall
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (dist[i][k] + dist[k][j] < dist[i][j]) {
                        dist[i][j] = dist[i][k] + dist[k][j];
                    }
                }
            }
        }
        double budgetKm = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                budgetKm += built[i][j] ? d[i][j] * budgetShare : 0;
            }
        }
        while (true) {
            int[] worst = null;
            double worstStretch = maxStretch;
            for (int[] e : candidates) {
                double stretch = dist[e[0]][e[1]] / cost[e[0]][e[1]];
                if (!built[e[0]][e[1]] && stretch > worstStretch) {
                    worst = e;
                    worstStretch = stretch;
                }
            }
            if (worst == null || d[worst[0]][worst[1]] > budgetKm) {
                return;
            }
            int u = worst[0];
            int v = worst[1];
            double w = d[u][v];
            budgetKm -= w;
            built[u][v] = built[v][u] = true;
            for (int x = 0; x < n; x++) {
                for (int y = 0; y < n; y++) {
                    double via = Math.min(dist[x][u] + w + dist[v][y], dist[x][v] + w + dist[u][y]);
                    if (via < dist[x][y]) {
                        dist[x][y] = via;
                    }
                }
            }
        }
    }

    /** The built topology as a network (PoPs p0…pn−1, spans in (i, j) order): for bridges and connectivity. */
    private static Network draft(boolean[][] built) {
        Network.Builder b = Network.builder("draft");
        for (int i = 0; i < built.length; i++) {
            b.pop(Pop.of("p" + i, "p" + i, 0, 0));
        }
        for (int i = 0; i < built.length; i++) {
            for (int j = i + 1; j < built.length; j++) {
                if (built[i][j]) {
                    b.span(Span.of("p" + i + "-p" + j, "p" + i, "p" + j, 1, 0));
                }
            }
        }
        try {
            return b.build();
        } catch (InvalidNetworkException e) {
            throw new IllegalStateException("an invalid draft topology: " + e.getMessage(), e);
        }
    }

    /** The root of {@code x} in a union-find forest ({@code parent[r] == r} at a root), halving the path. */
    public static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
}
