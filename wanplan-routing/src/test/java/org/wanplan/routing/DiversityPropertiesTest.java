package org.wanplan.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.wanplan.model.Network;
import org.wanplan.model.PopId;
import org.wanplan.model.SpanId;
import org.wanplan.model.SrlgId;

class DiversityPropertiesTest {
    static Network small(Random random, int pops, int spans, int srlgs) throws Exception {
        return TestNetworks.connected(random, pops, spans, srlgs, 9);
    }

    @Property(tries = 300, seed = "20261129")
    void a_pair_shares_nothing_at_the_level_it_claims(
            @ForAll @IntRange(min = 3, max = 9) int pops,
            @ForAll @IntRange(min = 2, max = 18) int spans,
            @ForAll long seed)
            throws Exception {
        Random random = new Random(seed);
        Network n = small(random, pops, Math.max(spans, pops - 1), 4);
        Router router = Router.of(n, Metric.KM);
        PopId from = n.pops().get(0).id();
        PopId to = n.pops().get(pops - 1).id();
        for (Diversity asked : Diversity.values()) {
            DiverseResult r = router.diverse(from, to, asked);
            if (r instanceof DiverseResult.Pair p) {
                assertThat(p.met()).isLessThanOrEqualTo(asked);
                assertDisjoint(n, p.working(), p.protection(), p.met());
                assertThat(p.shortfalls()).hasSize(asked.ordinal() - p.met().ordinal());
            }
        }
    }

    /** The SRLG-disjoint pair is the lightest of all pairs of simple paths that share no span, PoP or risk. */
    @Property(tries = 200, seed = "20261129")
    void the_srlg_disjoint_pair_is_optimal_by_exhaustive_search(
            @ForAll @IntRange(min = 3, max = 7) int pops,
            @ForAll @IntRange(min = 2, max = 12) int spans,
            @ForAll long seed)
            throws Exception {
        Random random = new Random(seed);
        Network n = small(random, pops, Math.max(spans, pops - 1), 3);
        Router router = Router.of(n, Metric.KM);
        List<Path> all = allSimplePaths(n, router, 0, pops - 1);
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                if (disjoint(n, all.get(i), all.get(j), Diversity.SRLG)) {
                    best = Math.min(best, all.get(i).weight() + all.get(j).weight());
                }
            }
        }
        DiverseResult r =
                router.diverse(n.pops().get(0).id(), n.pops().get(pops - 1).id(), Diversity.SRLG);
        if (best == Double.POSITIVE_INFINITY) {
            assertThat(r.levelMet()).isNotEqualTo(java.util.Optional.of(Diversity.SRLG));
        } else {
            assertThat(r).isInstanceOf(DiverseResult.Pair.class);
            DiverseResult.Pair p = (DiverseResult.Pair) r;
            assertThat(p.met()).isEqualTo(Diversity.SRLG);
            assertThat(p.totalWeight()).isCloseTo(best, within(1e-9));
        }
    }

    @Property(tries = 200, seed = "20261129")
    void failing_a_span_never_shortens_a_path(
            @ForAll @IntRange(min = 3, max = 20) int pops,
            @ForAll @IntRange(min = 2, max = 40) int spans,
            @ForAll long seed)
            throws Exception {
        Random random = new Random(seed);
        Network n = small(random, pops, Math.max(spans, pops - 1), 0);
        Router router = Router.of(n, Metric.KM);
        int s = random.nextInt(pops);
        int t = (s + 1 + random.nextInt(pops - 1)) % pops;
        double before = router.distance(s, t, Mask.none());
        int cut = random.nextInt(n.spans().size());
        assertThat(router.distance(s, t, Mask.none().withSpanIndex(cut))).isGreaterThanOrEqualTo(before);
    }

    static void assertDisjoint(Network n, Path a, Path b, Diversity level) {
        assertThat(disjoint(n, a, b, level))
                .as("%s and %s at %s", a.spans(), b.spans(), level)
                .isTrue();
    }

    static boolean disjoint(Network n, Path a, Path b, Diversity level) {
        Set<SpanId> spans = new HashSet<>(a.spans());
        if (b.spans().stream().anyMatch(spans::contains)) {
            return false;
        }
        if (level.compareTo(Diversity.NODE) >= 0) {
            Set<PopId> transit = new HashSet<>(a.pops().subList(1, a.pops().size() - 1));
            if (b.pops().subList(1, b.pops().size() - 1).stream().anyMatch(transit::contains)) {
                return false;
            }
        }
        if (level == Diversity.SRLG) {
            Set<SrlgId> risks = new HashSet<>();
            a.spans().forEach(s -> risks.addAll(n.span(s).orElseThrow().srlgs()));
            return b.spans().stream()
                    .flatMap(s -> n.span(s).orElseThrow().srlgs().stream())
                    .noneMatch(risks::contains);
        }
        return true;
    }

    /** Every simple path by depth-first search; an oracle for tiny graphs only. */
    static List<Path> allSimplePaths(Network n, Router router, int s, int t) {
        List<Path> out = new ArrayList<>();
        dfs(n, s, t, new ArrayList<>(List.of(s)), new ArrayList<>(), out);
        return out;
    }

    private static void dfs(Network n, int v, int t, List<Integer> pops, List<Integer> spans, List<Path> out) {
        if (v == t) {
            double w = spans.stream()
                    .mapToDouble(s -> n.spans().get(s).length().orElseThrow().km())
                    .sum();
            out.add(new Path(
                    pops.stream().map(p -> n.pops().get(p).id()).toList(),
                    spans.stream().map(s -> n.spans().get(s).id()).toList(),
                    w,
                    0,
                    w));
            return;
        }
        for (int s : n.incidentSpanIndices(v)) {
            int u = n.endA(s) == v ? n.endB(s) : n.endA(s);
            if (!pops.contains(u)) {
                pops.add(u);
                spans.add(s);
                dfs(n, u, t, pops, spans, out);
                pops.remove(pops.size() - 1);
                spans.remove(spans.size() - 1);
            }
        }
    }
}
