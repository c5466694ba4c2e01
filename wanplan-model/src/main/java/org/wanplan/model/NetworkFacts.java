package org.wanplan.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Structural facts about a network: connectivity, bridges, degrees, fibre totals.
 *
 * <p>Bridges are found with Tarjan's low-link method in O(V + E), iteratively (no recursion, so a
 * 10,000-PoP chain does not overflow the stack) and by span, so parallel spans are never bridges.
 *
 * @param bridges spans whose loss disconnects the network, in span order
 */
public record NetworkFacts(
        int pops,
        int spans,
        int srlgs,
        int popsWithoutLocation,
        int spansWithoutLength,
        double fibreKm,
        Set<String> countries,
        int minDegree,
        double meanDegree,
        int components,
        List<SpanId> bridges) {
    public NetworkFacts {
        countries = Set.copyOf(countries);
        bridges = List.copyOf(bridges);
    }

    public static NetworkFacts of(Network network) {
        int n = network.pops().size();
        int minDegree = Integer.MAX_VALUE;
        for (int p = 0; p < n; p++) {
            minDegree = Math.min(minDegree, network.incidentSpanIndices(p).length);
        }
        Set<String> countries = new TreeSet<>();
        network.pops().forEach(p -> p.countryCode().ifPresent(countries::add));
        Tarjan tarjan = new Tarjan(network);
        return new NetworkFacts(
                n,
                network.spans().size(),
                network.srlgs().size(),
                (int) network.pops().stream()
                        .filter(p -> p.location().isEmpty())
                        .count(),
                (int) network.spans().stream().filter(s -> s.length().isEmpty()).count(),
                network.totalFibreKm(),
                countries,
                n == 0 ? 0 : minDegree,
                n == 0 ? 0 : 2.0 * network.spans().size() / n,
                tarjan.components,
                tarjan.bridges);
    }

    public boolean connected() {
        return components <= 1;
    }

    /** Connected and without bridges: every single span failure leaves every PoP pair connected. */
    public boolean twoEdgeConnected() {
        return connected() && bridges.isEmpty() && pops > 1;
    }

    /** Sorted country codes, for printing. */
    public List<String> countryList() {
        return new ArrayList<>(new TreeSet<>(countries));
    }

    private static final class Tarjan {
        final List<SpanId> bridges = new ArrayList<>();
        int components;

        Tarjan(Network network) {
            int n = network.pops().size();
            int[] disc = new int[n];
            int[] low = new int[n];
            int[] parentSpan = new int[n];
            int[] next = new int[n];
            int[][] adj = new int[n][];
            for (int p = 0; p < n; p++) {
                adj[p] = network.incidentSpanIndices(p);
            }
            List<Integer> found = new ArrayList<>();
            int time = 0;
            int[] stack = new int[n];
            for (int root = 0; root < n; root++) {
                if (disc[root] != 0) {
                    continue;
                }
                components++;
                int top = 0;
                stack[top++] = root;
                disc[root] = low[root] = ++time;
                parentSpan[root] = -1;
                while (top > 0) {
                    int u = stack[top - 1];
                    if (next[u] < adj[u].length) {
                        int s = adj[u][next[u]++];
                        if (s == parentSpan[u]) {
                            continue;
                        }
                        int v = network.endA(s) == u ? network.endB(s) : network.endA(s);
                        if (disc[v] == 0) {
                            parentSpan[v] = s;
                            disc[v] = low[v] = ++time;
                            stack[top++] = v;
                        } else {
                            low[u] = Math.min(low[u], disc[v]);
                        }
                    } else {
                        top--;
                        if (top > 0) {
                            int parent = stack[top - 1];
                            low[parent] = Math.min(low[parent], low[u]);
                            if (low[u] > disc[parent]) {
                                found.add(parentSpan[u]);
                            }
                        }
                    }
                }
            }
            found.stream()
                    .sorted()
                    .forEach(s -> bridges.add(network.spans().get(s).id()));
        }
    }
}
