package org.wanplan.routing.augment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Which new spans to build or lease so that traffic travels the fewest km: given the shortest-path km
 * between every two PoPs today, a demand weight per PoP pair and candidate spans with their length and
 * cost, choose candidates within a cost budget, a km budget and a span count that minimise the
 * demand-weighted path km Σ w(i,j)·d(i,j) (proportional to the demand-weighted round-trip time).
 *
 * <p>Method: lazy greedy on gain ÷ price (cost when cost is budgeted, else km, else 1; a candidate's gain is recomputed only when it reaches the top
 * of the queue with a stale value), then a swap local search (replace one chosen span by one unchosen,
 * within the budgets, while that lowers the objective). Adding span (u, v) of length L updates the
 * distances exactly in O(n²): d'(i,j) = min(d(i,j), d(i,u) + L + d(v,j), d(i,v) + L + d(u,j)).
 *
 * <p>The gain of a span can grow once another is added (two spans in series), so the objective is not
 * submodular and greedy carries no guarantee; {@link #exhaustive} is the exact optimum for small candidate
 * sets, the oracle the tests measure greedy against.
 */
public final class SpanAugmenter {
    private SpanAugmenter() {}

    /** A span that could be added between PoPs {@code a} and {@code b} (indices), {@code km} long, for {@code cost}. */
    public record Candidate(int a, int b, double km, double cost) {
        public Candidate {
            if (a == b || a < 0 || b < 0) {
                throw new IllegalArgumentException("a candidate joins two different PoPs, was " + a + "–" + b);
            }
            if (!(km > 0) || !Double.isFinite(km)) {
                throw new IllegalArgumentException("candidate km must be above 0, was " + km);
            }
            if (!(cost >= 0) || !Double.isFinite(cost)) {
                throw new IllegalArgumentException("candidate cost must be ≥ 0, was " + cost);
            }
        }
    }

    /** What may be spent: cost, km and number of spans (use infinity or {@link Integer#MAX_VALUE} for none). */
    public record Budget(double cost, double km, int spans) {
        public Budget {
            if (!(cost >= 0) || !(km >= 0) || spans < 0) {
                throw new IllegalArgumentException("budgets must be ≥ 0, were " + cost + ", " + km + ", " + spans);
            }
        }

        /**
         * What greedy divides a gain by: the candidate's cost when cost is limited, else its km when km
         * are, else 1 (only the span count binds: the largest gain first).
         */
        double price(Candidate c) {
            return Double.isFinite(cost) ? c.cost() : Double.isFinite(km) ? c.km() : 1;
        }

        boolean allows(double c, double k, int s) {
            return c <= cost * (1 + 1e-12) && k <= km * (1 + 1e-12) && s <= spans;
        }
    }

    /**
     * The chosen candidates (indices into the list given, in the order chosen), the objective before and
     * after, what they cost and how many km they add.
     */
    public record Result(List<Integer> chosen, double before, double after, double cost, double km) {}

    /** The greedy choice followed by the swap local search. */
    public static Result greedy(double[][] distance, double[][] weight, List<Candidate> candidates, Budget budget) {
        return greedy(distance, weight, candidates, budget, d -> false);
    }

    /**
     * The greedy choice, stopping as soon as {@code reached} holds for the distances (checked before the
     * first span and after each): a target reached at the least cost greedy finds, with no swap search
     * afterwards (a swap could undo the target). Without a target ({@code reached} never true) the swap
     * search follows.
     */
    public static Result greedy(
            double[][] distance,
            double[][] weight,
            List<Candidate> candidates,
            Budget budget,
            java.util.function.Predicate<double[][]> reached) {
        int n = check(distance, weight, candidates);
        double[][] d = copy(distance);
        double before = objective(d, weight);
        // queue of (candidate, gain per cost as last computed); a cost of 0 counts as a tiny cost
        PriorityQueue<double[]> queue = new PriorityQueue<>((x, y) -> {
            int c = Double.compare(y[1], x[1]);
            return c != 0 ? c : Double.compare(x[0], y[0]);
        });
        for (int c = 0; c < candidates.size(); c++) {
            Candidate k = candidates.get(c);
            if (k.km() < d[k.a()][k.b()]) {
                queue.add(new double[] {c, ratio(gain(d, weight, k), budget.price(k)), 0});
            }
        }
        List<Integer> chosen = new ArrayList<>();
        double cost = 0;
        double km = 0;
        int round = 0;
        boolean stopped = reached.test(d);
        while (!stopped && !queue.isEmpty()) {
            double[] top = queue.poll();
            Candidate k = candidates.get((int) top[0]);
            if (!budget.allows(cost + k.cost(), km + k.km(), chosen.size() + 1)) {
                continue; // never fits again: budgets only fill up
            }
            if (top[2] != round) {
                double g = gain(d, weight, k);
                if (g > 0) {
                    queue.add(new double[] {top[0], ratio(g, budget.price(k)), round});
                }
                continue;
            }
            if (top[1] <= 0) {
                break;
            }
            add(d, k.a(), k.b(), k.km());
            chosen.add((int) top[0]);
            cost += k.cost();
            km += k.km();
            round++;
            stopped = reached.test(d);
        }
        if (!stopped) {
            chosen = swaps(distance, weight, candidates, budget, chosen, n);
        }
        double[][] after = with(distance, candidates, chosen);
        return result(chosen, before, objective(after, weight), candidates);
    }

    /**
     * The exact optimum by enumerating every subset of the candidates within the budgets (2^m subsets:
     * for m up to about 20). Ties go to the subset found first (fewest, then lowest indices).
     */
    public static Result exhaustive(double[][] distance, double[][] weight, List<Candidate> candidates, Budget budget) {
        check(distance, weight, candidates);
        int m = candidates.size();
        if (m > 24) {
            throw new IllegalArgumentException("exhaustive search is for at most 24 candidates, was " + m);
        }
        double before = objective(distance, weight);
        double best = before;
        long bestMask = 0;
        for (long mask = 1; mask < (1L << m); mask++) {
            double cost = 0;
            double km = 0;
            for (int c = 0; c < m; c++) {
                if ((mask >> c & 1) == 1) {
                    cost += candidates.get(c).cost();
                    km += candidates.get(c).km();
                }
            }
            if (!budget.allows(cost, km, Long.bitCount(mask))) {
                continue;
            }
            List<Integer> set = new ArrayList<>();
            for (int c = 0; c < m; c++) {
                if ((mask >> c & 1) == 1) {
                    set.add(c);
                }
            }
            double value = objective(with(distance, candidates, set), weight);
            if (value < best - 1e-9 * Math.max(1, Math.abs(best))) {
                best = value;
                bestMask = mask;
            }
        }
        List<Integer> chosen = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            if ((bestMask >> c & 1) == 1) {
                chosen.add(c);
            }
        }
        return result(chosen, before, best, candidates);
    }

    /** Σ over unordered pairs i &lt; j of w(i,j)·d(i,j); pairs with no path (infinite d) and no weight count 0. */
    public static double objective(double[][] d, double[][] w) {
        double sum = 0;
        for (int i = 0; i < d.length; i++) {
            for (int j = i + 1; j < d.length; j++) {
                if (w[i][j] != 0) {
                    sum += w[i][j] * d[i][j];
                }
            }
        }
        return sum;
    }

    /** How much adding {@code k} lowers the objective on distances {@code d}. O(n²). */
    public static double gain(double[][] d, double[][] w, Candidate k) {
        int n = d.length;
        double[] du = d[k.a()];
        double[] dv = d[k.b()];
        double total = 0;
        for (int i = 0; i < n; i++) {
            double viaU = du[i] + k.km(); // i … u — v
            double viaV = dv[i] + k.km(); // i … v — u
            double[] di = d[i];
            double[] wi = w[i];
            for (int j = i + 1; j < n; j++) {
                if (wi[j] == 0) {
                    continue;
                }
                double alt = Math.min(viaU + dv[j], viaV + du[j]);
                if (alt < di[j]) {
                    total += wi[j] * (di[j] - alt);
                }
            }
        }
        return total;
    }

    /** Adds a span u–v of {@code km} to the all-pairs distances {@code d}, in place. O(n²). */
    public static void add(double[][] d, int u, int v, double km) {
        int n = d.length;
        double[] du = d[u].clone();
        double[] dv = d[v].clone();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double alt = Math.min(du[i] + km + dv[j], dv[i] + km + du[j]);
                if (alt < d[i][j]) {
                    d[i][j] = alt;
                }
            }
        }
    }

    /**
     * All-pairs shortest km over undirected edges {from, to} with lengths {@code km} (Floyd–Warshall,
     * O(n³)); unreachable pairs are infinite.
     */
    public static double[][] allPairs(int n, List<int[]> edges, double[] km) {
        double[][] d = new double[n][n];
        for (double[] row : d) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        for (int i = 0; i < n; i++) {
            d[i][i] = 0;
        }
        for (int e = 0; e < edges.size(); e++) {
            int a = edges.get(e)[0];
            int b = edges.get(e)[1];
            if (km[e] < d[a][b]) {
                d[a][b] = d[b][a] = km[e];
            }
        }
        for (int k = 0; k < n; k++) {
            double[] dk = d[k];
            for (int i = 0; i < n; i++) {
                double dik = d[i][k];
                if (dik == Double.POSITIVE_INFINITY) {
                    continue;
                }
                double[] di = d[i];
                for (int j = 0; j < n; j++) {
                    double alt = dik + dk[j];
                    if (alt < di[j]) {
                        di[j] = alt;
                    }
                }
            }
        }
        return d;
    }

    private static List<Integer> swaps(
            double[][] distance,
            double[][] weight,
            List<Candidate> candidates,
            Budget budget,
            List<Integer> chosen,
            int n) {
        // each evaluation rebuilds the distances from the chosen set: O(k·n²); bounded to about 2·10⁹ steps
        long perEvaluation = (long) (chosen.size() + 1) * n * n;
        long evaluations = perEvaluation == 0 ? 0 : 2_000_000_000L / perEvaluation;
        List<Integer> current = new ArrayList<>(chosen);
        double best = objective(with(distance, candidates, current), weight);
        boolean improved = true;
        while (improved && evaluations > 0) {
            improved = false;
            BitSet in = new BitSet();
            current.forEach(in::set);
            outer:
            for (int slot = 0; slot < current.size(); slot++) {
                for (int c = 0; c < candidates.size() && evaluations > 0; c++) {
                    if (in.get(c)) {
                        continue;
                    }
                    List<Integer> trial = new ArrayList<>(current);
                    trial.set(slot, c);
                    double cost = trial.stream()
                            .mapToDouble(t -> candidates.get(t).cost())
                            .sum();
                    double km = trial.stream()
                            .mapToDouble(t -> candidates.get(t).km())
                            .sum();
                    if (!budget.allows(cost, km, trial.size())) {
                        continue;
                    }
                    evaluations--;
                    double value = objective(with(distance, candidates, trial), weight);
                    if (value < best - 1e-9 * Math.max(1, Math.abs(best))) {
                        best = value;
                        current = trial;
                        improved = true;
                        break outer;
                    }
                }
            }
        }
        return current;
    }

    /** The distances once the candidates {@code set} are added. */
    public static double[][] with(double[][] distance, List<Candidate> candidates, List<Integer> set) {
        double[][] d = copy(distance);
        for (int c : set) {
            Candidate k = candidates.get(c);
            add(d, k.a(), k.b(), k.km());
        }
        return d;
    }

    private static Result result(List<Integer> chosen, double before, double after, List<Candidate> candidates) {
        double cost = chosen.stream().mapToDouble(c -> candidates.get(c).cost()).sum();
        double km = chosen.stream().mapToDouble(c -> candidates.get(c).km()).sum();
        return new Result(List.copyOf(chosen), before, after, cost, km);
    }

    private static double ratio(double gain, double price) {
        return gain / Math.max(price, 1e-9);
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    private static int check(double[][] distance, double[][] weight, List<Candidate> candidates) {
        Objects.requireNonNull(candidates, "candidates");
        int n = distance.length;
        if (weight.length != n) {
            throw new IllegalArgumentException(
                    "distance and weight matrices differ in size: " + n + " vs " + weight.length);
        }
        for (Candidate c : candidates) {
            if (c.a() >= n || c.b() >= n) {
                throw new IllegalArgumentException("candidate " + c + " names a PoP outside 0…" + (n - 1));
            }
        }
        return n;
    }
}
