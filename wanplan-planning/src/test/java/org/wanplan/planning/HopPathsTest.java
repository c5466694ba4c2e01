package org.wanplan.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.jgrapht.Graph;
import org.jgrapht.alg.shortestpath.AllDirectedPaths;
import org.jgrapht.graph.DirectedMultigraph;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.Span;

class HopPathsTest {
    /** As many paths within the hop limit as JGraphT's AllDirectedPaths finds on the bidirected multigraph. */
    @Property(tries = 200, seed = "20261129")
    void path_counts_agree_with_jgrapht(
            @ForAll @IntRange(min = 2, max = 8) int pops,
            @ForAll @IntRange(min = 1, max = 16) int spans,
            @ForAll @IntRange(min = 1, max = 5) int hops,
            @ForAll long seed)
            throws Exception {
        Random random = new Random(seed);
        Network.Builder b = Network.builder("r");
        Graph<Integer, Integer> g = new DirectedMultigraph<>(Integer.class);
        for (int i = 0; i < pops; i++) {
            b.pop(Pop.of("p" + i, "P" + i, 0, i));
            g.addVertex(i);
        }
        for (int s = 0; s < spans; s++) {
            int u = random.nextInt(pops);
            int v = (u + 1 + random.nextInt(pops - 1)) % pops;
            b.span(Span.of("s" + s, "p" + u, "p" + v, 1, 1));
            g.addEdge(u, v, 2 * s);
            g.addEdge(v, u, 2 * s + 1);
        }
        Network n = b.build();
        int expected =
                new AllDirectedPaths<>(g).getAllPaths(0, pops - 1, true, hops).size();
        assertThat(HopPaths.between(n, 0, pops - 1, hops)).hasSize(expected);
    }
}
