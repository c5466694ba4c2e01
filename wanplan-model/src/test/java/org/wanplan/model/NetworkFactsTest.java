package org.wanplan.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.BiconnectivityInspector;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.Pseudograph;
import org.junit.jupiter.api.Test;

class NetworkFactsTest {
    @Test
    void a_chain_is_all_bridges_and_a_ring_has_none() throws Exception {
        Network chain = ring(4, false);
        assertThat(NetworkFacts.of(chain).bridges()).extracting(SpanId::value).containsExactly("s0", "s1", "s2");
        assertThat(NetworkFacts.of(chain).twoEdgeConnected()).isFalse();
        Network ring = ring(4, true);
        assertThat(NetworkFacts.of(ring).bridges()).isEmpty();
        assertThat(NetworkFacts.of(ring).twoEdgeConnected()).isTrue();
        assertThat(NetworkFacts.of(ring).minDegree()).isEqualTo(2);
    }

    @Test
    void two_triangles_joined_by_one_span_have_that_span_as_their_only_bridge() throws Exception {
        Network.Builder b = Network.builder("bowtie");
        for (String p : List.of("a", "b", "c", "d", "e", "f")) {
            b.pop(Pop.of(p, p, 0, p.charAt(0) - 'a'));
        }
        b.span(Span.of("ab", "a", "b", 1, 1))
                .span(Span.of("bc", "b", "c", 1, 1))
                .span(Span.of("ca", "c", "a", 1, 1));
        b.span(Span.of("de", "d", "e", 1, 1))
                .span(Span.of("ef", "e", "f", 1, 1))
                .span(Span.of("fd", "f", "d", 1, 1));
        b.span(Span.of("cd", "c", "d", 1, 1));
        NetworkFacts f = NetworkFacts.of(b.build());
        assertThat(f.bridges()).extracting(SpanId::value).containsExactly("cd");
        assertThat(f.connected()).isTrue();
        assertThat(f.meanDegree()).isEqualTo(14.0 / 6);
    }

    @Test
    void a_parallel_span_is_never_a_bridge() throws Exception {
        Network n = Network.builder("double")
                .pop(Pop.of("a", "A", 0, 0))
                .pop(Pop.of("b", "B", 0, 1))
                .span(Span.of("s1", "a", "b", 1, 1))
                .span(Span.of("s2", "a", "b", 1, 1))
                .build();
        assertThat(NetworkFacts.of(n).twoEdgeConnected()).isTrue();
    }

    /** Bridges and components agree with JGraphT's on random multigraphs (an independent implementation). */
    @Property(tries = 300, seed = "20261129")
    void bridges_and_components_agree_with_jgrapht(
            @ForAll @IntRange(min = 1, max = 30) int n,
            @ForAll @IntRange(min = 0, max = 60) int m,
            @ForAll("seeds") long seed)
            throws Exception {
        java.util.Random random = new java.util.Random(seed);
        Network.Builder b = Network.builder("random");
        Graph<Integer, String> oracle = new Pseudograph<>(String.class);
        for (int i = 0; i < n; i++) {
            b.pop(Pop.of("p" + i, "P" + i, 0, 0));
            oracle.addVertex(i);
        }
        for (int s = 0; s < m && n > 1; s++) {
            int u = random.nextInt(n);
            int v = random.nextInt(n - 1);
            v = v >= u ? v + 1 : v;
            b.span(Span.of("s" + s, "p" + u, "p" + v, 1, 1));
            oracle.addEdge(u, v, "s" + s);
        }
        NetworkFacts f = NetworkFacts.of(b.build());
        Set<String> expected = new BiconnectivityInspector<>(oracle).getBridges();
        Set<String> actual = f.bridges().stream().map(SpanId::value).collect(Collectors.toCollection(TreeSet::new));
        assertThat(actual).isEqualTo(new TreeSet<>(expected));
        assertThat(f.components())
                .isEqualTo(new ConnectivityInspector<>(oracle).connectedSets().size());
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Long> seeds() {
        return net.jqwik.api.Arbitraries.longs();
    }

    private static Network ring(int n, boolean closed) throws Exception {
        Network.Builder b = Network.builder("ring");
        for (int i = 0; i < n; i++) {
            b.pop(Pop.of("p" + i, "P" + i, 0, i));
        }
        for (int i = 0; i < (closed ? n : n - 1); i++) {
            b.span(Span.of("s" + i, "p" + i, "p" + ((i + 1) % n), 100, 10));
        }
        return b.build();
    }
}
