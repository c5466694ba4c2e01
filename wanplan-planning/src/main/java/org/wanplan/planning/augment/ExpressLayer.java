package org.wanplan.planning.augment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.wanplan.model.Fibre;
import org.wanplan.model.FibreLength;
import org.wanplan.routing.augment.SpanAugmenter;
import org.wanplan.routing.augment.SpanAugmenter.Budget;
import org.wanplan.routing.augment.SpanAugmenter.Candidate;

/**
 * The express layer over a regional fibre mesh, chosen the way {@code wanplan augment} chooses spans:
 * real operators with hundreds of PoPs run regional rings under a long-haul core and lease the routes their
 * own fibre lacks. Two steps, both on population gravity (w(i, j) = population(i) × population(j)):
 *
 * <ol>
 *   <li><b>Metros</b>: while one of the {@link Parameters#metros()} most populous PoPs is on fewer than
 *       {@link Parameters#metroDegree()} spans, add the candidate at such a metro with the largest gain per
 *       km, a candidate joining two such metros counting twice (the core a carrier builds between its
 *       largest markets first, and the diversity a metro hub has).
 *   <li><b>Targets</b>: lazy greedy on gain per km ({@link SpanAugmenter#greedy}) until the p90 stretch is at
 *       most {@link Parameters#p90Stretch()} and the population-weighted stretch at most {@link
 *       Parameters#weightedStretch()} ({@link NetworkAugment#figures(double[][], double[][], double[][])}).
 * </ol>
 *
 * Both steps share one budget: {@link Parameters#kmShare()} × the own fibre's km. Candidates are the PoP
 * pairs whose great circle lies in [{@link Parameters#minKm()}, {@link Parameters#maxKm()}] and whose span
 * (great circle × the route factor, {@link Fibre#DEFAULT_ROUTE_FACTOR} in the shipped networks) would beat the current path. Deterministic: ties go
 * to the lower candidate index (pairs in (i, j) order).
 */
public final class ExpressLayer {
    private ExpressLayer() {}

    /**
     * @param kmShare express km at most this share of the own fibre's km (0 builds no express layer)
     * @param p90Stretch stop once the 90th percentile of path km ÷ great circle is at most this
     * @param weightedStretch … and its population-weighted mean is at most this
     * @param metros how many of the most populous PoPs must reach {@code metroDegree}
     * @param metroDegree spans at each of those metros, own and express
     * @param minKm shortest candidate, great circle
     * @param maxKm longest candidate, great circle
     */
    public record Parameters(
            double kmShare,
            double p90Stretch,
            double weightedStretch,
            int metros,
            int metroDegree,
            double minKm,
            double maxKm) {
        public Parameters {
            if (!(kmShare >= 0) || !(minKm >= 0) || !(maxKm >= minKm) || metros < 0 || metroDegree < 0) {
                throw new IllegalArgumentException("express parameters out of range: " + kmShare + ", " + metros + ", "
                        + metroDegree + ", " + minKm + "–" + maxKm);
            }
        }

        /** No express layer. */
        public static Parameters none() {
            return new Parameters(0, 0, 0, 0, 0, 0, 0);
        }
    }

    /** One express span between PoPs {@code a} &lt; {@code b} (indices), {@code km} long. */
    public record Span(int a, int b, double km) {}

    /**
     * What the layer adds, in the order chosen, and the stretch figures before and after; {@code
     * targetMet} says whether both targets were reached within the budget.
     */
    public record Result(
            List<Span> spans, NetworkAugment.Figures before, NetworkAugment.Figures after, boolean targetMet) {}

    /**
     * @param gc great-circle km between every two PoPs
     * @param population each PoP's population
     * @param own the own spans as (i, j), with their km in {@code ownKm}
     * @param routeFactor a candidate's km per great-circle km
     */
    public static Result choose(
            double[][] gc, long[] population, List<int[]> own, double[] ownKm, double routeFactor, Parameters p) {
        int n = gc.length;
        double[][] d = SpanAugmenter.allPairs(n, own, ownKm);
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w[i][j] = i == j ? 0 : (double) population[i] * population[j];
            }
        }
        NetworkAugment.Figures before = NetworkAugment.figures(d, w, gc);
        double ownTotal = 0;
        for (double km : ownKm) {
            ownTotal += km;
        }
        double budget = p.kmShare() * ownTotal;
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (gc[i][j] >= p.minKm() && gc[i][j] <= p.maxKm()) {
                    double km = FibreLength.estimatedKm(gc[i][j], routeFactor);
                    if (km < d[i][j]) {
                        candidates.add(new Candidate(i, j, km, km));
                    }
                }
            }
        }
        int[] degree = new int[n];
        for (int[] e : own) {
            degree[e[0]]++;
            degree[e[1]]++;
        }
        List<Span> chosen = new ArrayList<>();
        boolean[] taken = new boolean[candidates.size()];
        double spent = 0;
        Integer[] byPopulation = new Integer[n];
        java.util.Arrays.setAll(byPopulation, i -> i);
        java.util.Arrays.sort(
                byPopulation,
                Comparator.comparingLong((Integer i) -> -population[i]).thenComparingInt(i -> i));
        boolean[] metro = new boolean[n];
        for (int r = 0; r < Math.min(p.metros(), n); r++) {
            metro[byPopulation[r]] = true;
        }
        while (p.kmShare() > 0) {
            int best = -1;
            double bestRatio = 0;
            for (int c = 0; c < candidates.size(); c++) {
                Candidate k = candidates.get(c);
                int ends = (metro[k.a()] && degree[k.a()] < p.metroDegree() ? 1 : 0)
                        + (metro[k.b()] && degree[k.b()] < p.metroDegree() ? 1 : 0);
                if (taken[c] || ends == 0 || spent + k.km() > budget) {
                    continue;
                }
                double ratio = SpanAugmenter.gain(d, w, k) * ends / k.km();
                if (ratio > bestRatio) {
                    bestRatio = ratio;
                    best = c;
                }
            }
            if (best < 0) {
                break; // every metro has its degree, or nothing at those short of it fits the budget
            }
            Candidate k = candidates.get(best);
            taken[best] = true;
            SpanAugmenter.add(d, k.a(), k.b(), k.km());
            spent += k.km();
            degree[k.a()]++;
            degree[k.b()]++;
            chosen.add(new Span(k.a(), k.b(), k.km()));
        }
        java.util.function.Predicate<double[][]> reached = dist -> {
            NetworkAugment.Figures f = NetworkAugment.figures(dist, w, gc);
            return f.p90Stretch() <= p.p90Stretch() && f.popWeightedStretch() <= p.weightedStretch();
        };
        List<Candidate> rest = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            if (!taken[c]) {
                rest.add(candidates.get(c));
            }
        }
        if (p.kmShare() > 0) {
            SpanAugmenter.Result r = SpanAugmenter.greedy(
                    d, w, rest, new Budget(Double.POSITIVE_INFINITY, budget - spent, Integer.MAX_VALUE), reached);
            for (int c : r.chosen()) {
                Candidate k = rest.get(c);
                SpanAugmenter.add(d, k.a(), k.b(), k.km());
                chosen.add(new Span(k.a(), k.b(), k.km()));
            }
        }
        return new Result(List.copyOf(chosen), before, NetworkAugment.figures(d, w, gc), reached.test(d));
    }
}
