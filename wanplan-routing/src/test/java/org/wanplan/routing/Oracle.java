package org.wanplan.routing;

import java.util.List;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.BhandariKDisjointShortestPaths;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.alg.shortestpath.YenKShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.wanplan.model.Network;

/**
 * JGraphT 1.5.3 views of a network, the independent oracle for the routing tests. Some JGraphT
 * algorithms want simple graphs; parallel spans are kept by subdividing every span (or arc) with a
 * vertex of its own: a–x (weight w), x–b (weight 0). Paths map one to one, weights are unchanged.
 */
final class Oracle {
    private Oracle() {}

    /** Undirected, one extra vertex per usable span (vertex n + s). */
    static Graph<Integer, DefaultWeightedEdge> undirected(Network n, Metric metric) {
        Graph<Integer, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        int pops = n.pops().size();
        for (int v = 0; v < pops; v++) {
            g.addVertex(v);
        }
        for (int s = 0; s < n.spans().size(); s++) {
            double w = metric.weight(n.spans().get(s));
            if (!Double.isNaN(w)) {
                int x = pops + s;
                g.addVertex(x);
                g.setEdgeWeight(g.addEdge(n.endA(s), x), w);
                g.setEdgeWeight(g.addEdge(x, n.endB(s)), 0);
            }
        }
        return g;
    }

    /**
     * Directed for Bhandari: each span as two opposite arcs, each subdivided; with {@code splitNodes},
     * PoP v becomes 2v → 2v+1 so that edge-disjointness there is node-disjointness here.
     */
    static Graph<Integer, DefaultWeightedEdge> directed(Network n, Metric metric, boolean splitNodes) {
        Graph<Integer, DefaultWeightedEdge> g = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        int pops = n.pops().size();
        for (int v = 0; v < pops; v++) {
            if (splitNodes) {
                g.addVertex(2 * v);
                g.addVertex(2 * v + 1);
                g.setEdgeWeight(g.addEdge(2 * v, 2 * v + 1), 0);
            } else {
                g.addVertex(v);
            }
        }
        int next = splitNodes ? 2 * pops : pops;
        for (int s = 0; s < n.spans().size(); s++) {
            double w = metric.weight(n.spans().get(s));
            if (Double.isNaN(w)) {
                continue;
            }
            int a = n.endA(s);
            int b = n.endB(s);
            next = arc(g, splitNodes ? 2 * a + 1 : a, splitNodes ? 2 * b : b, w, next);
            next = arc(g, splitNodes ? 2 * b + 1 : b, splitNodes ? 2 * a : a, w, next);
        }
        return g;
    }

    private static int arc(Graph<Integer, DefaultWeightedEdge> g, int from, int to, double w, int x) {
        g.addVertex(x);
        g.setEdgeWeight(g.addEdge(from, x), w);
        g.setEdgeWeight(g.addEdge(x, to), 0);
        return x + 1;
    }

    static double shortest(Graph<Integer, DefaultWeightedEdge> g, int s, int t) {
        GraphPath<Integer, DefaultWeightedEdge> p = new DijkstraShortestPath<>(g).getPath(s, t);
        return p == null ? Double.POSITIVE_INFINITY : p.getWeight();
    }

    static List<Double> yen(Graph<Integer, DefaultWeightedEdge> g, int s, int t, int k) {
        return new YenKShortestPath<>(g)
                .getPaths(s, t, k).stream().map(GraphPath::getWeight).toList();
    }

    /** Total weight of the best two disjoint paths, or NaN when there are fewer than two. */
    static double bhandariPair(Graph<Integer, DefaultWeightedEdge> directed, int s, int t) {
        List<GraphPath<Integer, DefaultWeightedEdge>> paths =
                new BhandariKDisjointShortestPaths<>(directed).getPaths(s, t, 2);
        return paths.size() < 2
                ? Double.NaN
                : paths.get(0).getWeight() + paths.get(1).getWeight();
    }
}
