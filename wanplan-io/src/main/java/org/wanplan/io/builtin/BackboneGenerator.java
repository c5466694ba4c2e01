package org.wanplan.io.builtin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.wanplan.model.FibreLength;
import org.wanplan.model.GeoPoint;
import org.wanplan.model.Geodesy;
import org.wanplan.model.InvalidNetworkException;
import org.wanplan.model.Network;
import org.wanplan.model.NetworkFacts;
import org.wanplan.model.Pop;
import org.wanplan.model.PopId;
import org.wanplan.model.Span;
import org.wanplan.model.SpanId;
import org.wanplan.model.Srlg;
import org.wanplan.model.SrlgId;
import org.wanplan.model.SrlgKind;

/**
 * Builds a plausible carrier backbone over a set of cities, deterministically (same cities and
 * parameters → the same network, bit for bit; all geometry uses {@link StrictMath}).
 *
 * <ol>
 *   <li><b>Candidates</b>: the Gabriel graph of the cities on great-circle distance (i–j when no third
 *       city k has d(i,k)² + d(j,k)² &lt; d(i,j)²: planar-ish, fibre is laid between neighbours, not
 *       across another city) plus each city's {@link Parameters#nearestNeighbours()} nearest
 *       neighbours (islands and coasts, where the Gabriel graph may offer one way out only).
 *   <li><b>Cost</b>: a candidate's build cost is its great-circle km, with km at sea or over countries
 *       outside the footprint (no rights of way there) weighted by {@link Parameters#seaCostFactor()};
 *       the land mask is Natural Earth 1:50m, sampled every {@link Parameters#sampleKm()} km.
 *   <li><b>Tree</b>: the minimum spanning tree of the candidates by cost (Kruskal).
 *   <li><b>Survivability</b>: contract the 2-edge-connected components into the bridge tree and
 *       add, one at a time, the candidate that removes the most bridges per unit of cost (the bridges
 *       on the tree path between its ends), until no bridge is left. Every PoP is then on at least
 *       two spans and no single cut isolates anything.
 *   <li><b>Pruning</b>: costliest first, drop every span the network can lose and stay
 *       2-edge-connected (an added span often makes a long tree span redundant).
 *   <li><b>Shortcuts</b>: while some candidate i–j has a stretch (shortest fibre path ÷ its own build
 *       cost) above {@link Parameters#maxStretch()}, build the one with the largest stretch, spending
 *       at most {@link Parameters#shortcutBudget()} × the skeleton's km: the worst detours get direct
 *       fibre first, as backbones grow.
 *   <li><b>Lengths</b>: fibre km = great-circle × {@link Parameters#routeFactor()}, rounded to 0.1 km.
 *   <li><b>Sea</b>: a span with at least {@link Parameters#submarineSeaKm()} km of sea on its great
 *       circle is submarine.
 *   <li><b>SRLGs</b>: (a) spans leaving a PoP within {@link Parameters#ductAngleDeg()} of each other
 *       share the duct out of that city (kind duct; submarine-cable when all are submarine: a shared
 *       landing station); never all spans of a PoP, which always has two diverse building entries;
 *       (b) spans running side by side share a corridor or, at sea, a cable system (see
 *       {@link #sharedRoutes}).
 *   <li><b>Capacity</b>: by the smaller endpoint's metro population: ≥ 1 M → 1,600 Gbps, ≥ 300 k →
 *       800 Gbps, else 400 Gbps (16, 8 or 4 × 100G wavelengths).
 * </ol>
 *
 * Cost: O(n³) for candidates and all-pairs distances; augmentation and pruning check
 * 2-edge-connectivity (Tarjan, O(n + m)) once per step; each shortcut updates distances in O(n²).
 */
final class BackboneGenerator {
    /**
     * The knobs of the procedure; {@link #defaults()} gives the values the shipped networks use.
     *
     * @param routeFactor fibre km per great-circle km (1.25)
     * @param seaCostFactor cost weight of km at sea or abroad (1.1: a mild preference for land)
     * @param nearestNeighbours candidates per city besides the Gabriel graph (8)
     * @param maxStretch shortcuts are built while some candidate's stretch exceeds this (1.4)
     * @param shortcutBudget km for shortcuts as a share of the survivable skeleton's km (0.08)
     * @param sampleKm land/sea sampling step along a span (5 km)
     * @param submarineSeaKm km of sea that make a span submarine (20 km)
     * @param ductAngleDeg spans this close in bearing share a duct or run parallel (40°)
     * @param corridorKm midpoints of terrestrial spans in one corridor lie this close (50 km)
     * @param cableSystemKm midpoints of submarine spans in one cable system lie this close (120 km)
     */
    record Parameters(
            double routeFactor,
            double seaCostFactor,
            int nearestNeighbours,
            double maxStretch,
            double shortcutBudget,
            double sampleKm,
            double submarineSeaKm,
            double ductAngleDeg,
            double corridorKm,
            double cableSystemKm) {
        static Parameters defaults() {
            return new Parameters(
                    org.wanplan.model.Fibre.DEFAULT_ROUTE_FACTOR, 1.1, 8, 1.4, 0.08, 5.0, 20.0, 40.0, 50.0, 120.0);
        }
    }

    private final LandMask land;
    private final Parameters parameters;

    BackboneGenerator(LandMask land, Parameters parameters) {
        this.land = land;
        this.parameters = parameters;
    }

    Network generate(String name, String attribution, List<City> cities) {
        int n = cities.size();
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                d[i][j] = d[j][i] = Geodesy.greatCircleKm(
                        cities.get(i).location(), cities.get(j).location());
            }
        }
        List<int[]> candidates = candidates(d, parameters.nearestNeighbours());
        Set<String> countries = new HashSet<>();
        cities.forEach(c -> countries.add(c.countryCode()));
        double[][] cost = new double[n][n];
        for (int[] e : candidates) {
            cost[e[0]][e[1]] = cost[e[1]][e[0]] = cost(cities.get(e[0]), cities.get(e[1]), countries);
        }
        boolean[][] built = new boolean[n][n];
        List<String> ids = ids(cities);
        spanningTree(cost, candidates, built);
        closeBridges(cost, candidates, built, ids, cities);
        prune(cost, candidates, built, ids, cities);
        addShortcuts(d, cost, candidates, built);
        return assemble(name, attribution, cities, ids, built);
    }

    /** Drops, costliest first, every built span the network can lose and stay 2-edge-connected. */
    private static void prune(
            double[][] cost, List<int[]> candidates, boolean[][] built, List<String> ids, List<City> cities) {
        List<int[]> byCost = new ArrayList<>();
        for (int[] e : candidates) {
            if (built[e[0]][e[1]]) {
                byCost.add(e);
            }
        }
        byCost.sort(Comparator.comparingDouble((int[] e) -> -cost[e[0]][e[1]]));
        for (int[] e : byCost) {
            built[e[0]][e[1]] = built[e[1]][e[0]] = false;
            if (!NetworkFacts.of(assembleTopology(cities, ids, built)).twoEdgeConnected()) {
                built[e[0]][e[1]] = built[e[1]][e[0]] = true;
            }
        }
    }

    /** Kruskal over the candidates by cost; ties broken by candidate order (deterministic). */
    private static void spanningTree(double[][] cost, List<int[]> candidates, boolean[][] built) {
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
    private static void closeBridges(
            double[][] cost, List<int[]> candidates, boolean[][] built, List<String> ids, List<City> cities) {
        while (true) {
            Network draft = assembleTopology(cities, ids, built);
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

    /** Gabriel edges plus each city's k nearest neighbours, as (i, j) with i < j, in (i, j) order. */
    static List<int[]> candidates(double[][] d, int k) {
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

    static List<int[]> gabriel(double[][] d) {
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

    private void addShortcuts(double[][] d, double[][] cost, List<int[]> candidates, boolean[][] built) {
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
                budgetKm += built[i][j] ? d[i][j] * parameters.shortcutBudget() : 0;
            }
        }
        while (true) {
            int[] worst = null;
            double worstStretch = parameters.maxStretch();
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

    private static Network assembleTopology(List<City> cities, List<String> ids, boolean[][] built) {
        Network.Builder b = Network.builder("draft");
        for (int i = 0; i < cities.size(); i++) {
            b.pop(Pop.of(
                    ids.get(i),
                    cities.get(i).name(),
                    cities.get(i).location().latitude(),
                    cities.get(i).location().longitude()));
        }
        for (int i = 0; i < cities.size(); i++) {
            for (int j = i + 1; j < cities.size(); j++) {
                if (built[i][j]) {
                    b.span(Span.of(ids.get(i) + "-" + ids.get(j), ids.get(i), ids.get(j), 1, 0));
                }
            }
        }
        return build(b);
    }

    private Network assemble(String name, String attribution, List<City> cities, List<String> ids, boolean[][] built) {
        int n = cities.size();
        List<Pop> pops = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            City c = cities.get(i);
            pops.add(new Pop(
                    PopId.of(ids.get(i)),
                    c.name(),
                    Optional.of(c.countryCode()),
                    Optional.of(c.location()),
                    OptionalLong.of(c.population())));
        }
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (built[i][j]) {
                    edges.add(new int[] {i, j});
                }
            }
        }
        boolean[] submarine = new boolean[edges.size()];
        for (int s = 0; s < edges.size(); s++) {
            submarine[s] = seaKm(
                            cities.get(edges.get(s)[0]).location(),
                            cities.get(edges.get(s)[1]).location())
                    >= parameters.submarineSeaKm();
        }
        Map<Integer, List<String>> groupsOfSpan = new HashMap<>();
        List<Srlg> srlgs = new ArrayList<>();
        ducts(cities, ids, edges, submarine, srlgs, groupsOfSpan);
        sharedRoutes(cities, edges, submarine, srlgs, groupsOfSpan);
        Network.Builder b =
                Network.builder(name).attribution(attribution).pops(pops).srlgs(srlgs);
        for (int s = 0; s < edges.size(); s++) {
            int i = edges.get(s)[0];
            int j = edges.get(s)[1];
            double km = Math.round(Geodesy.greatCircleKm(
                                    cities.get(i).location(), cities.get(j).location())
                            * parameters.routeFactor()
                            * 10.0)
                    / 10.0;
            List<SrlgId> groups = groupsOfSpan.getOrDefault(s, List.of()).stream()
                    .map(SrlgId::of)
                    .toList();
            b.span(new Span(
                    SpanId.of(ids.get(i) + "-" + ids.get(j)),
                    PopId.of(ids.get(i)),
                    PopId.of(ids.get(j)),
                    Optional.of(new FibreLength(
                            Math.max(km, FibreLength.MIN_ESTIMATED_KM), org.wanplan.model.LengthSource.ESTIMATED)),
                    capacityGbps(
                            Math.min(cities.get(i).population(), cities.get(j).population())),
                    groups,
                    submarine[s]));
        }
        return build(b);
    }

    static double capacityGbps(long smallerPopulation) {
        return smallerPopulation >= 1_000_000 ? 1600 : smallerPopulation >= 300_000 ? 800 : 400;
    }

    /**
     * Build cost of a span in km-equivalents: km over the network's own countries count once, km at sea
     * or across other countries (no rights of way there) count {@link Parameters#seaCostFactor()} times.
     */
    private double cost(City a, City b, Set<String> countries) {
        double km = Geodesy.greatCircleKm(a.location(), b.location());
        int steps = Math.max(1, (int) Math.ceil(km / parameters.sampleKm()));
        int foreign = 0;
        for (int k = 0; k <= steps; k++) {
            Optional<String> country =
                    land.countryAt(Geodesy.intermediate(a.location(), b.location(), (double) k / steps));
            if (country.isEmpty() || !countries.contains(country.get())) {
                foreign++;
            }
        }
        return km + (parameters.seaCostFactor() - 1) * km * foreign / (steps + 1);
    }

    private double seaKm(GeoPoint a, GeoPoint b) {
        double km = Geodesy.greatCircleKm(a, b);
        int steps = Math.max(1, (int) Math.ceil(km / parameters.sampleKm()));
        int sea = 0;
        for (int k = 0; k <= steps; k++) {
            if (!land.isLand(Geodesy.intermediate(a, b, (double) k / steps))) {
                sea++;
            }
        }
        return km * sea / (steps + 1);
    }

    private void ducts(
            List<City> cities,
            List<String> ids,
            List<int[]> edges,
            boolean[] submarine,
            List<Srlg> srlgs,
            Map<Integer, List<String>> groupsOfSpan) {
        for (int pop = 0; pop < cities.size(); pop++) {
            final int p = pop;
            List<double[]> leaving = new ArrayList<>(); // {bearing, span}
            for (int s = 0; s < edges.size(); s++) {
                int[] e = edges.get(s);
                if (e[0] == p || e[1] == p) {
                    int other = e[0] == p ? e[1] : e[0];
                    leaving.add(new double[] {
                        Geodesy.initialBearingDeg(
                                cities.get(p).location(), cities.get(other).location()),
                        s
                    });
                }
            }
            if (leaving.size() < 2) {
                continue;
            }
            leaving.sort(Comparator.comparingDouble((double[] x) -> x[0]).thenComparingDouble(x -> x[1]));
            int start = largestGapEnd(leaving);
            List<List<Integer>> clusters = new ArrayList<>();
            List<Integer> current = new ArrayList<>();
            for (int k = 0; k < leaving.size(); k++) {
                double[] here = leaving.get((start + k) % leaving.size());
                if (!current.isEmpty()) {
                    double[] prev = leaving.get((start + k - 1) % leaving.size());
                    if (angle(prev[0], here[0]) > parameters.ductAngleDeg()) {
                        clusters.add(current);
                        current = new ArrayList<>();
                    }
                }
                current.add((int) here[1]);
            }
            clusters.add(current);
            int number = 0;
            for (List<Integer> cluster : clusters) {
                if (cluster.size() < 2 || cluster.size() == leaving.size()) {
                    continue; // a lone span has no one to share with; a PoP always has two diverse entries
                }
                boolean allSubmarine = cluster.stream().allMatch(s -> submarine[s]);
                String id = (allSubmarine ? "landing-" : "duct-") + ids.get(p) + "-" + (++number);
                srlgs.add(Srlg.of(
                        id,
                        allSubmarine ? SrlgKind.SUBMARINE_CABLE : SrlgKind.DUCT,
                        (allSubmarine ? "cable landing at " : "duct out of ")
                                + cities.get(p).name() + " towards "
                                + cluster.stream()
                                        .map(s -> cities.get(otherEnd(edges.get(s), p))
                                                .name())
                                        .sorted()
                                        .toList()));
                cluster.stream()
                        .sorted()
                        .forEach(s -> groupsOfSpan
                                .computeIfAbsent(s, x -> new ArrayList<>())
                                .add(id));
            }
        }
    }

    private static int otherEnd(int[] e, int p) {
        return e[0] == p ? e[1] : e[0];
    }

    /** Index (in the sorted list) just after the largest angular gap, so clusters never wrap around. */
    private static int largestGapEnd(List<double[]> sorted) {
        int best = 0;
        double bestGap = -1;
        for (int k = 0; k < sorted.size(); k++) {
            double prev = sorted.get((k - 1 + sorted.size()) % sorted.size())[0];
            double gap = (sorted.get(k)[0] - prev + 360.0) % 360.0;
            if (sorted.size() == 1 || gap > bestGap) {
                bestGap = gap;
                best = k;
            }
        }
        return best;
    }

    private static double angle(double a, double b) {
        double diff = Math.abs(a - b) % 360.0;
        return diff > 180 ? 360 - diff : diff;
    }

    /**
     * Spans that run side by side share a route: their midpoints lie within {@link
     * Parameters#corridorKm()} (terrestrial: a motorway or railway corridor) or {@link
     * Parameters#cableSystemKm()} (submarine: one cable system) and they run within {@link
     * Parameters#ductAngleDeg()} of parallel. Groups are the connected clusters of that relation.
     */
    private void sharedRoutes(
            List<City> cities,
            List<int[]> edges,
            boolean[] submarine,
            List<Srlg> srlgs,
            Map<Integer, List<String>> groupsOfSpan) {
        int m = edges.size();
        int[] parent = new int[m];
        Arrays.setAll(parent, i -> i);
        GeoPoint[] mid = new GeoPoint[m];
        double[] axis = new double[m];
        for (int s = 0; s < m; s++) {
            GeoPoint a = cities.get(edges.get(s)[0]).location();
            GeoPoint b = cities.get(edges.get(s)[1]).location();
            mid[s] = Geodesy.intermediate(a, b, 0.5);
            axis[s] = Geodesy.initialBearingDeg(mid[s], b) % 180.0;
        }
        for (int s = 0; s < m; s++) {
            for (int t = s + 1; t < m; t++) {
                double reach = submarine[s] && submarine[t] ? parameters.cableSystemKm() : parameters.corridorKm();
                double skew = Math.abs(axis[s] - axis[t]);
                if (submarine[s] == submarine[t]
                        && Geodesy.greatCircleKm(mid[s], mid[t]) <= reach
                        && Math.min(skew, 180 - skew) <= parameters.ductAngleDeg()) {
                    parent[find(parent, s)] = find(parent, t);
                }
            }
        }
        Map<Integer, List<Integer>> routes = new java.util.TreeMap<>();
        for (int s = 0; s < m; s++) {
            routes.computeIfAbsent(find(parent, s), x -> new ArrayList<>()).add(s);
        }
        int cables = 0;
        int corridors = 0;
        for (List<Integer> members : routes.values()) {
            if (members.size() < 2) {
                continue;
            }
            boolean sea = submarine[members.get(0)];
            String id = sea ? "cable-" + (++cables) : "corridor-" + (++corridors);
            List<String> names = members.stream()
                    .map(s -> cities.get(edges.get(s)[0]).name() + "–"
                            + cities.get(edges.get(s)[1]).name())
                    .toList();
            srlgs.add(Srlg.of(
                    id,
                    sea ? SrlgKind.SUBMARINE_CABLE : SrlgKind.CORRIDOR,
                    (sea ? "cable system " : "corridor ") + String.join(", ", names)));
            members.forEach(
                    s -> groupsOfSpan.computeIfAbsent(s, x -> new ArrayList<>()).add(id));
        }
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    /** PoP ids: the ASCII city name in lower case with dashes; the country code is appended on a clash. */
    static List<String> ids(List<City> cities) {
        Map<String, Integer> count = new HashMap<>();
        for (City c : cities) {
            count.merge(slug(c.asciiName()), 1, Integer::sum);
        }
        Set<String> used = new HashSet<>();
        List<String> ids = new ArrayList<>();
        for (City c : cities) {
            String id = slug(c.asciiName());
            if (count.get(id) > 1) {
                id = id + "-" + c.countryCode().toLowerCase(Locale.ROOT);
            }
            String unique = id;
            for (int k = 2; !used.add(unique); k++) {
                unique = id + "-" + k;
            }
            ids.add(unique);
        }
        return ids;
    }

    static String slug(String name) {
        String s = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-");
        return s.replaceAll("^-|-$", "");
    }

    private static Network build(Network.Builder b) {
        try {
            return b.build();
        } catch (InvalidNetworkException e) {
            throw new IllegalStateException("generated an invalid network: " + e.getMessage(), e);
        }
    }
}
