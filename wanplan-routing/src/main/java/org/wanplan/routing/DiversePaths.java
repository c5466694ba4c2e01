package org.wanplan.routing;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.wanplan.model.PopId;
import org.wanplan.model.Span;
import org.wanplan.model.SpanId;
import org.wanplan.model.SrlgId;

/**
 * Working/protection pairs with the planner's fallback SRLG → node → span → single path.
 *
 * <p>SRLG-disjoint pairs (NP-hard in general) are found by enumerating working paths in order of
 * weight (Yen) and giving each the shortest protection path that avoids its spans, its transit PoPs
 * and every span sharing a risk group with it. A pair (P, Q) has w(P) ≤ total/2 for its lighter
 * path, so once the next working path weighs more than half the best total the search stops with a
 * proven optimum; it also stops after {@link #MAX_WORKING_PATHS} working paths, keeping the best
 * pair found. It never returns a pair that shares a risk: that is checked, not assumed.
 */
final class DiversePaths {
    /** Working paths tried for an SRLG-disjoint pair before the search settles for the best found. */
    static final int MAX_WORKING_PATHS = 200;

    private final Graph g;
    private final Dijkstra dijkstra;
    private final Landmarks landmarks;

    /** With {@code landmarks} (of {@code g}'s metric) the SRLG search's paths are found by A*. */
    DiversePaths(Graph g, Dijkstra dijkstra, Landmarks landmarks) {
        this.g = g;
        this.dijkstra = dijkstra;
        this.landmarks = landmarks;
    }

    DiverseResult find(int source, int target, Diversity requested, Mask mask) {
        if (source == target || !dijkstra.run(source, target, mask)) {
            return new DiverseResult.Unreachable(
                    requested,
                    "no path between " + g.network.pops().get(source).id() + " and "
                            + g.network.pops().get(target).id());
        }
        Walk shortest = dijkstra.walk(target);
        List<Shortfall> shortfalls = new ArrayList<>();
        Optional<Diversity> level = Optional.of(requested);
        while (level.isPresent()) {
            Diversity d = level.get();
            Optional<Walk[]> pair = pair(source, target, d, mask);
            if (pair.isPresent()) {
                return new DiverseResult.Pair(requested, d, path(pair.get()[0]), path(pair.get()[1]), shortfalls);
            }
            shortfalls.add(shortfall(source, target, d, mask, shortest));
            level = d.weaker();
        }
        return new DiverseResult.Single(requested, path(shortest), shortfalls);
    }

    private Optional<Walk[]> pair(int source, int target, Diversity level, Mask mask) {
        return switch (level) {
            case SPAN -> DisjointPair.find(g, source, target, mask, false);
            case NODE -> DisjointPair.find(g, source, target, mask, true);
            case SRLG -> srlgPair(source, target, mask);
        };
    }

    private Optional<Walk[]> srlgPair(int source, int target, Mask mask) {
        // working paths one at a time: the search usually stops after a few, long before the cap
        KShortest.Lazy working = new KShortest.Lazy(g, dijkstra, source, target, mask, landmarks);
        Walk[] best = null;
        Walk p;
        for (int tried = 0; tried < MAX_WORKING_PATHS && (p = working.next()) != null; tried++) {
            if (best != null && p.weight() > (best[0].weight() + best[1].weight()) / 2) {
                break;
            }
            BitSet spans = mask.spanBits();
            BitSet pops = mask.popBits();
            Set<SrlgId> risks = risks(p);
            for (int s : p.spans()) {
                spans.set(s);
            }
            for (int i = 1; i < p.pops().length - 1; i++) {
                pops.set(p.pops()[i]);
            }
            for (int s = 0; s < g.m; s++) {
                if (!spans.get(s) && sharesAny(g.network.spans().get(s), risks)) {
                    spans.set(s);
                }
            }
            if (dijkstra.runToward(source, target, spans, pops, landmarks)) {
                Walk q = dijkstra.walk(target);
                if (best == null || p.weight() + q.weight() < best[0].weight() + best[1].weight()) {
                    best = p.weight() <= q.weight() ? new Walk[] {p, q} : new Walk[] {q, p};
                }
            }
        }
        if (best != null && !risks(best[0]).stream().anyMatch(risks(best[1])::contains)) {
            return Optional.of(best);
        }
        return Optional.empty();
    }

    private Shortfall shortfall(int source, int target, Diversity level, Mask mask, Walk shortest) {
        return switch (level) {
            case SRLG -> {
                Optional<Walk[]> nodePair = DisjointPair.find(g, source, target, mask, true);
                List<SrlgId> shared = nodePair.map(p -> {
                            Set<SrlgId> a = risks(p[0]);
                            return risks(p[1]).stream()
                                    .filter(a::contains)
                                    .sorted()
                                    .toList();
                        })
                        .orElse(List.of());
                yield new Shortfall(
                        level,
                        shared.isEmpty()
                                ? "no SRLG-disjoint pair: there is not even a node-disjoint one"
                                : "no SRLG-disjoint pair; the best node-disjoint pair shares " + shared,
                        shared,
                        List.of(),
                        List.of());
            }
            case NODE -> {
                Optional<Walk[]> spanPair = DisjointPair.find(g, source, target, mask, false);
                List<PopId> cut = spanPair.map(p -> sharedTransit(p[0], p[1])).orElse(List.of());
                yield new Shortfall(
                        level,
                        cut.isEmpty()
                                ? "no node-disjoint pair: there is not even a span-disjoint one"
                                : "no node-disjoint pair; every route crosses " + cut,
                        List.of(),
                        cut,
                        List.of());
            }
            case SPAN -> {
                List<SpanId> bridges = new ArrayList<>();
                for (int s : shortest.spans()) {
                    if (!dijkstra.run(source, target, mask.withSpanIndex(s))) {
                        bridges.add(g.network.spans().get(s).id());
                    }
                }
                yield new Shortfall(
                        level,
                        "no span-disjoint pair; every route crosses the bridge(s) " + bridges,
                        List.of(),
                        List.of(),
                        bridges);
            }
        };
    }

    /** PoPs both walks pass through, other than their ends. */
    private List<PopId> sharedTransit(Walk a, Walk b) {
        Set<Integer> transit = new LinkedHashSet<>();
        for (int i = 1; i < a.pops().length - 1; i++) {
            transit.add(a.pops()[i]);
        }
        List<PopId> shared = new ArrayList<>();
        for (int i = 1; i < b.pops().length - 1; i++) {
            if (transit.contains(b.pops()[i])) {
                shared.add(g.network.pops().get(b.pops()[i]).id());
            }
        }
        return shared;
    }

    Set<SrlgId> risks(Walk w) {
        Set<SrlgId> risks = new LinkedHashSet<>();
        for (int s : w.spans()) {
            risks.addAll(g.network.spans().get(s).srlgs());
        }
        return risks;
    }

    private static boolean sharesAny(Span span, Set<SrlgId> risks) {
        for (SrlgId r : span.srlgs()) {
            if (risks.contains(r)) {
                return true;
            }
        }
        return false;
    }

    private Path path(Walk w) {
        return w.toPath(g.network);
    }
}
