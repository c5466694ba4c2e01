package org.wanplan.routing.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.jgrapht.alg.shortestpath.FloydWarshallShortestPaths;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.WeightedPseudograph;
import org.junit.jupiter.api.Test;
import org.wanplan.routing.augment.SpanAugmenter.Budget;
import org.wanplan.routing.augment.SpanAugmenter.Candidate;
import org.wanplan.routing.augment.SpanAugmenter.Result;

class SpanAugmenterTest {
    /** One random instance: points in a 1,000 km square, a ring of fibre, random candidates and budgets. */
    record Instance(
            double[][] distance,
            double[][] weight,
            List<Candidate> candidates,
            Budget budget,
            List<int[]> edges,
            double[] km) {}

    static Instance instance(long seed) {
        Random r = new Random(seed);
        int n = 6 + r.nextInt(7);
        double[][] xy = new double[n][2];
        for (double[] p : xy) {
            p[0] = r.nextDouble() * 1000;
            p[1] = r.nextDouble() * 1000;
        }
        List<int[]> edges = new ArrayList<>();
        List<Double> lengths = new ArrayList<>();
        for (int i = 0; i < n; i++) { // a ring in index order: long detours, as a sparse mesh has
            edges.add(new int[] {i, (i + 1) % n});
            lengths.add(euclid(xy, i, (i + 1) % n) * 1.25);
        }
        double[] km = lengths.stream().mapToDouble(Double::doubleValue).toArray();
        double[][] d = SpanAugmenter.allPairs(n, edges, km);
        double[] population = new double[n];
        for (int i = 0; i < n; i++) {
            population[i] = 1 + r.nextInt(100);
        }
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w[i][j] = i == j ? 0 : population[i] * population[j];
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        int m = 6 + r.nextInt(9);
        while (candidates.size() < m) {
            int a = r.nextInt(n);
            int b = r.nextInt(n);
            if (a != b) {
                double len = euclid(xy, a, b) * 1.25 + 1;
                candidates.add(new Candidate(a, b, len, len * (0.5 + r.nextDouble() * 1.5)));
            }
        }
        double totalCost = candidates.stream().mapToDouble(Candidate::cost).sum();
        double totalKm = candidates.stream().mapToDouble(Candidate::km).sum();
        Budget budget = new Budget(
                totalCost * (0.1 + 0.5 * r.nextDouble()),
                r.nextBoolean() ? Double.POSITIVE_INFINITY : totalKm * (0.2 + 0.4 * r.nextDouble()),
                r.nextBoolean() ? Integer.MAX_VALUE : 1 + r.nextInt(4));
        return new Instance(d, w, candidates, budget, edges, km);
    }

    static double euclid(double[][] xy, int a, int b) {
        return Math.hypot(xy[a][0] - xy[b][0], xy[a][1] - xy[b][1]);
    }

    @Test
    void greedy_is_within_budget_never_worse_and_never_better_than_the_exact_optimum_on_100_instances() {
        double worst = 1;
        long worstSeed = -1;
        int optimal = 0;
        for (long seed = 1; seed <= 100; seed++) {
            Instance x = instance(seed);
            Result g = SpanAugmenter.greedy(x.distance(), x.weight(), x.candidates(), x.budget());
            Result e = SpanAugmenter.exhaustive(x.distance(), x.weight(), x.candidates(), x.budget());
            assertThat(g.cost())
                    .as("seed %d cost", seed)
                    .isLessThanOrEqualTo(x.budget().cost() * (1 + 1e-12));
            assertThat(g.km())
                    .as("seed %d km", seed)
                    .isLessThanOrEqualTo(x.budget().km() * (1 + 1e-12));
            assertThat(g.chosen().size())
                    .as("seed %d spans", seed)
                    .isLessThanOrEqualTo(x.budget().spans());
            assertThat(g.after()).as("seed %d never worse", seed).isLessThanOrEqualTo(g.before());
            assertThat(e.after()).as("seed %d exact ≤ greedy", seed).isLessThanOrEqualTo(g.after() * (1 + 1e-9));
            // the reported objective is the one of the chosen set, recomputed from scratch
            assertThat(g.after())
                    .isCloseTo(
                            SpanAugmenter.objective(fromScratch(x, g.chosen()), x.weight()), within(1e-6 * g.before()));
            double ratio = g.after() / e.after();
            if (ratio <= 1 + 1e-9) {
                optimal++;
            }
            if (ratio > worst) {
                worst = ratio;
                worstSeed = seed;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "SpanAugmenter on 100 seeded instances: optimal on %d, worst greedy ÷ exact %.4f (seed %d)%n",
                optimal,
                worst,
                worstSeed);
        assertThat(worst).as("worst greedy ÷ exact (seed %d)", worstSeed).isLessThan(1.10);
    }

    @Test
    void incremental_distances_equal_jgrapht_floyd_warshall_and_never_increase() {
        for (long seed = 1; seed <= 30; seed++) {
            Instance x = instance(seed);
            double[][] d = SpanAugmenter.with(
                    x.distance(),
                    x.candidates(),
                    java.util.stream.IntStream.range(0, x.candidates().size())
                            .boxed()
                            .toList());
            WeightedPseudograph<Integer, DefaultWeightedEdge> g = new WeightedPseudograph<>(DefaultWeightedEdge.class);
            int n = x.distance().length;
            for (int i = 0; i < n; i++) {
                g.addVertex(i);
            }
            for (int e = 0; e < x.edges().size(); e++) {
                g.setEdgeWeight(g.addEdge(x.edges().get(e)[0], x.edges().get(e)[1]), x.km()[e]);
            }
            for (Candidate c : x.candidates()) {
                g.setEdgeWeight(g.addEdge(c.a(), c.b()), c.km());
            }
            var oracle = new FloydWarshallShortestPaths<>(g);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertThat(d[i][j]).isCloseTo(oracle.getPathWeight(i, j), within(1e-6));
                    assertThat(d[i][j]).isLessThanOrEqualTo(x.distance()[i][j] + 1e-9);
                }
            }
        }
    }

    @Test
    void a_shortcut_gains_what_it_saves_by_hand() {
        // a path 0 — 1 — 2 of 100 + 100 km; a direct 0–2 span of 150 km saves 50 km between 0 and 2 only
        double[][] d = SpanAugmenter.allPairs(3, List.of(new int[] {0, 1}, new int[] {1, 2}), new double[] {100, 100});
        double[][] w = {{0, 1, 2}, {1, 0, 1}, {2, 1, 0}};
        assertThat(SpanAugmenter.objective(d, w)).isEqualTo(1 * 100 + 2 * 200 + 1 * 100);
        assertThat(SpanAugmenter.gain(d, w, new Candidate(0, 2, 150, 1))).isEqualTo(2 * 50);
        Result r = SpanAugmenter.greedy(
                d,
                w,
                List.of(new Candidate(0, 2, 150, 10), new Candidate(0, 2, 190, 1)),
                new Budget(5, Double.POSITIVE_INFINITY, 5));
        assertThat(r.chosen()).containsExactly(1); // the better span is over budget
        assertThat(r.after()).isEqualTo(600 - 2 * 10);
    }

    private static double[][] fromScratch(Instance x, List<Integer> chosen) {
        List<int[]> edges = new ArrayList<>(x.edges());
        List<Double> km = new ArrayList<>();
        for (double k : x.km()) {
            km.add(k);
        }
        for (int c : chosen) {
            edges.add(
                    new int[] {x.candidates().get(c).a(), x.candidates().get(c).b()});
            km.add(x.candidates().get(c).km());
        }
        return SpanAugmenter.allPairs(
                x.distance().length,
                edges,
                km.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
