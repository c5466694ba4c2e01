package org.wanplan.routing.availability;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.wanplan.model.Network;
import org.wanplan.model.PopId;
import org.wanplan.model.Span;
import org.wanplan.model.SpanId;
import org.wanplan.model.SrlgId;
import org.wanplan.routing.DiverseResult;
import org.wanplan.routing.Diversity;
import org.wanplan.routing.Metric;
import org.wanplan.routing.Path;
import org.wanplan.routing.Router;

/**
 * Availability of a PoP pair on a network that reroutes around failures (IP/MPLS restoration): the pair is
 * down only in the failure states that leave no path between its ends.
 *
 * <p>Elements: every span (cable cuts on its km), every PoP and every shared-risk group (a stretch of shared
 * route, {@link AvailabilityModel#sharedKm()}), each down independently with its unavailability u =
 * MTTR / (MTBF + MTTR) from {@link AvailabilityModel}. A down PoP takes its spans with it, a down SRLG its
 * member spans.
 *
 * <p><b>Single cuts exactly, the rest exact over every state of at most two failures</b>: the single cuts
 * are the end PoPs and any element whose loss alone separates the pair; P(one of them is down) = 1 − Π (1 −
 * u) exactly. Given that none is (the other elements are independent of that), the pair is down only in
 * states holding a double cut or a larger one: U = [1 − Π<sub>single</sub>(1 − u)] + Π<sub>single</sub>(1 −
 * u) · [P0 · Σ<sub>double cuts {x, y}</sub> r<sub>x</sub> r<sub>y</sub> + at most B3], with P0 = Π(1 − u)
 * over the other elements and r = u / (1 − u) (the probability of exactly that state ÷ P0). The double cuts
 * are found by trial: with two paths P1, P2 (the router's PoP-disjoint pair by Suurballe; an SRLG they share
 * is tried as a single cut), a state that separates the pair must hit both, so P1; for each x on P1, a second element y must lie on every path left without
 * x: if two element-disjoint paths survive x (found greedily), x is in no double cut; otherwise the
 * candidates are the elements of the path found without x (and of P2 unless x is on P2 too), each checked
 * by a breadth-first search.
 *
 * <p><b>Bound for three or more</b>: those states add at most B3 = P(at least three of the other elements
 * down, one of P1's and one of P2's among them), exact by dynamic programming (the elements are
 * independent). The availability lies in [{@link Result#lowerBound()}, {@link Result#availability()}] =
 * [1 − U − B3, 1 − U]. With a single path (a bridge on the way), "one of P2's" is dropped from B3.
 *
 * <p>Cost per pair: one search for the diverse pair, |P1| single checks, two searches per element of P1 and
 * a check per candidate partner, each O(spans); B3 is O(elements).
 */
public final class Restoration {
    private final Network network;
    private final Router router;
    private final int spans;
    private final int pops;
    /** Unavailability of each element: spans, then PoPs, then SRLGs. */
    private final double[] u;
    /** For each span, the element indices of its SRLGs. */
    private final int[][] srlgsOfSpan;
    /** For each PoP, its spans; for each span, its two PoPs. */
    private final int[][] incident;

    private final int[] endA;
    private final int[] endB;
    /** For each SRLG (by its index among the SRLGs), the spans it takes down. */
    private final int[][] spansOfSrlg;
    /** Each thread's search arrays, reused from search to search. */
    private final ThreadLocal<Scratch> scratch;

    /**
     * A search's working arrays, marked with a stamp instead of cleared: an entry is set when it holds the current
     * stamp. {@code spanDown} and {@code popDown} hold the failed state (an SRLG's spans marked once, not looked up
     * at every span the search crosses); {@code seen} the PoPs reached.
     */
    private static final class Scratch {
        final int[] spanDown;
        final int[] popDown;
        final int[] seen;
        final int[] queue;
        int stamp;

        Scratch(int spans, int pops) {
            spanDown = new int[spans];
            popDown = new int[pops];
            seen = new int[pops];
            queue = new int[pops];
        }

        /** A new stamp; every array reads as cleared. */
        int next() {
            if (++stamp == Integer.MAX_VALUE) {
                java.util.Arrays.fill(spanDown, 0);
                java.util.Arrays.fill(popDown, 0);
                java.util.Arrays.fill(seen, 0);
                stamp = 1;
            }
            return stamp;
        }
    }

    public Restoration(Network network, AvailabilityModel model) {
        this.network = network;
        this.router = Router.of(network, Metric.LATENCY);
        this.spans = network.spans().size();
        this.pops = network.pops().size();
        int m = spans + pops + network.srlgs().size();
        this.u = new double[m];
        this.srlgsOfSpan = new int[spans][];
        java.util.Map<SrlgId, Integer> srlgIndex = new java.util.HashMap<>();
        for (int g = 0; g < network.srlgs().size(); g++) {
            var srlg = network.srlgs().get(g);
            srlgIndex.put(srlg.id(), spans + pops + g);
            u[spans + pops + g] = 1 - model.srlg(srlg.kind());
        }
        Availability elements = new Availability(network, model);
        for (int s = 0; s < spans; s++) {
            Span span = network.spans().get(s);
            u[s] = 1 - elements.span(span);
            srlgsOfSpan[s] = span.srlgs().stream().mapToInt(srlgIndex::get).toArray();
        }
        for (int p = 0; p < pops; p++) {
            u[spans + p] = 1 - model.popAvailability();
        }
        this.incident = new int[pops][];
        for (int p = 0; p < pops; p++) {
            incident[p] = network.incidentSpanIndices(p);
        }
        this.endA = new int[spans];
        this.endB = new int[spans];
        for (int s = 0; s < spans; s++) {
            endA[s] = network.endA(s);
            endB[s] = network.endB(s);
        }
        int groups = network.srlgs().size();
        int[] size = new int[groups];
        for (int[] gs : srlgsOfSpan) {
            for (int g : gs) {
                size[g - spans - pops]++;
            }
        }
        this.spansOfSrlg = new int[groups][];
        for (int g = 0; g < groups; g++) {
            spansOfSrlg[g] = new int[size[g]];
            size[g] = 0;
        }
        for (int s = 0; s < spans; s++) {
            for (int g : srlgsOfSpan[s]) {
                int k = g - spans - pops;
                spansOfSrlg[k][size[k]++] = s;
            }
        }
        int spanCount = spans;
        int popCount = pops;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(spanCount, popCount));
    }

    /** Marks the elements of {@code failed} down in {@code w} under a new stamp, which it returns. */
    private int markDown(Scratch w, BitSet failed) {
        int stamp = w.next();
        for (int e = failed.nextSetBit(0); e >= 0; e = failed.nextSetBit(e + 1)) {
            if (e < spans) {
                w.spanDown[e] = stamp;
            } else if (e < spans + pops) {
                w.popDown[e - spans] = stamp;
            } else {
                for (int s : spansOfSrlg[e - spans - pops]) {
                    w.spanDown[s] = stamp;
                }
            }
        }
        return stamp;
    }

    /**
     * The availability of {@code a}–{@code b} with restoration.
     *
     * @param availability 1 − U: single cuts exactly, the rest exact over every state of at most two failures
     * @param lowerBound availability − B3, the most states of three or more failures can take away
     * @param singleCuts elements whose loss alone separates the pair (the end PoPs included)
     * @param doubleCuts pairs of elements, neither a single cut, whose joint loss separates it
     * @param worstCuts the most likely cuts, most likely first ("span:…", "pop:…", "srlg:…", pairs joined by
     *     " + "), at most 5
     */
    public record Result(
            double availability, double lowerBound, int singleCuts, int doubleCuts, List<String> worstCuts) {
        public Result {
            worstCuts = List.copyOf(worstCuts);
        }
    }

    public Result pair(PopId a, PopId b) {
        int ia = network.indexOf(a);
        int ib = network.indexOf(b);
        if (ia < 0 || ib < 0 || ia == ib) {
            throw new IllegalArgumentException(
                    "two different PoPs of " + network.name() + " are needed, were " + a + " and " + b);
        }
        int m = u.length;
        BitSet none = new BitSet(m);
        if (!connected(ia, ib, none)) {
            return new Result(0, 0, 0, 0, List.of("disconnected"));
        }
        DiverseResult d = router.diverse(a, b, Diversity.NODE);
        Path p1;
        Path p2 = null;
        if (d instanceof DiverseResult.Pair pair) {
            p1 = pair.working();
            p2 = pair.protection();
        } else if (d instanceof DiverseResult.Single single) {
            p1 = single.only();
        } else {
            throw new IllegalStateException("connected but no path: " + a + "–" + b);
        }
        BitSet e1 = elements(p1, ia, ib);
        BitSet e2 = p2 == null ? null : elements(p2, ia, ib);

        // single cuts: the end PoPs, and elements on every path (P1 and P2) whose loss separates the pair
        BitSet single = new BitSet(m);
        single.set(spans + ia);
        single.set(spans + ib);
        BitSet both = (BitSet) e1.clone();
        if (e2 != null) {
            both.and(e2);
        }
        BitSet state = new BitSet(m);
        for (int x = both.nextSetBit(0); x >= 0; x = both.nextSetBit(x + 1)) {
            state.clear();
            state.set(x);
            if (!connected(ia, ib, state)) {
                single.set(x);
            }
        }
        // P(no single cut down) exactly; the other elements are independent of that
        double logUpSingles = 0;
        double logP0 = 0; // P(every other element up)
        double[] r = new double[m];
        List<double[]> cuts = new ArrayList<>(); // {probability, x, y (-1 for a single)}
        for (int e = 0; e < m; e++) {
            if (single.get(e)) {
                logUpSingles += Math.log1p(-u[e]);
                cuts.add(new double[] {u[e], e, -1});
            } else {
                r[e] = u[e] / (1 - u[e]);
                logP0 += Math.log1p(-u[e]);
            }
        }
        double upSingles = Math.exp(logUpSingles);
        // double cuts among the others: {x, y} with x on P1 (every cut hits P1). With x down, y must lie on
        // every remaining path: when two element-disjoint paths survive x there is none; otherwise y is on the
        // path found without x (and on P2 unless x is on P2 too)
        Set<Long> seen = new HashSet<>();
        double d2 = 0;
        int doubles = 0;
        for (int x = e1.nextSetBit(0); x >= 0; x = e1.nextSetBit(x + 1)) {
            if (single.get(x)) {
                continue;
            }
            state.clear();
            state.set(x);
            BitSet q1 = pathElements(ia, ib, state);
            BitSet avoid = (BitSet) q1.clone();
            avoid.set(x);
            if (pathElements(ia, ib, avoid) != null) {
                continue; // two element-disjoint paths without x: x is in no double cut
            }
            BitSet partners = q1;
            if (e2 != null && !e2.get(x)) {
                partners = (BitSet) q1.clone();
                partners.and(e2);
            }
            for (int y = partners.nextSetBit(0); y >= 0; y = partners.nextSetBit(y + 1)) {
                if (y == x || single.get(y) || !seen.add(key(x, y, m))) {
                    continue;
                }
                state.clear();
                state.set(x);
                state.set(y);
                if (!connected(ia, ib, state)) {
                    d2 += r[x] * r[y];
                    doubles++;
                    cuts.add(new double[] {u[x] * u[y], Math.min(x, y), Math.max(x, y)});
                }
            }
        }
        // U = P(a single cut down) + P(none) · P(the others separate the pair): the latter exact over their
        // states of at most two failures, and at most B3 more
        double u2 = (1 - upSingles) + upSingles * Math.exp(logP0) * d2;
        double b3 = upSingles * beyondTwo(single, e1, e2);
        cuts.sort(Comparator.comparingDouble((double[] c) -> -c[0])
                .thenComparingDouble(c -> c[1])
                .thenComparingDouble(c -> c[2]));
        List<String> worst = cuts.stream()
                .limit(5)
                .map(c -> c[2] < 0 ? name((int) c[1]) : name((int) c[1]) + " + " + name((int) c[2]))
                .toList();
        return new Result(1 - u2, Math.max(0, 1 - u2 - b3), single.cardinality(), doubles, worst);
    }

    /**
     * B3 = P(at least three of the elements that are not single cuts fail, among them one of P1's and one
     * of P2's), by dynamic programming over those elements on (count capped at 3, P1 hit, P2 hit).
     */
    private double beyondTwo(BitSet single, BitSet e1, BitSet e2) {
        double[] dp = new double[4 * 4];
        dp[0] = 1;
        for (int e = 0; e < u.length; e++) {
            if (single.get(e)) {
                continue;
            }
            int flags = (e1.get(e) ? 1 : 0) | (e2 == null || e2.get(e) ? 2 : 0);
            double[] next = new double[dp.length];
            for (int c = 0; c < 4; c++) {
                for (int f = 0; f < 4; f++) {
                    double p = dp[c * 4 + f];
                    if (p == 0) {
                        continue;
                    }
                    next[c * 4 + f] += p * (1 - u[e]);
                    next[Math.min(3, c + 1) * 4 + (f | flags)] += p * u[e];
                }
            }
            dp = next;
        }
        return dp[3 * 4 + 3];
    }

    /** Samples a chunk of the Monte Carlo draws; chunk k draws from its own generator, seeded by (seed, k). */
    public static final int CHUNK = 1 << 16;

    /**
     * A seeded Monte Carlo over every element's state with rerouting: the fraction of draws in which a path
     * is left between the ends, with its 99.9 % Wilson interval. The draws come in chunks of {@value #CHUNK},
     * each from a generator seeded by the seed and the chunk's number, evaluated in parallel on all cores:
     * the answer depends on the seed and the sample count only, not on the cores or the engine.
     */
    public Availability.Estimate monteCarlo(PopId a, PopId b, int samples, long seed) {
        int ia = network.indexOf(a);
        int ib = network.indexOf(b);
        long good = java.util.stream.IntStream.range(0, chunks(samples))
                .parallel()
                .mapToLong(k -> upDraws(ia, ib, Math.min(CHUNK, samples - k * CHUNK), chunkSeed(seed, k)))
                .sum();
        return estimate(good, samples);
    }

    /** How many chunks {@code samples} draws come in. */
    public static int chunks(int samples) {
        return (samples + CHUNK - 1) / CHUNK;
    }

    /**
     * The draws of chunk {@code k} of {@link #monteCarlo}{@code (a, b, samples, seed)} that leave a path
     * between the ends: an engine that spreads the chunks over machines sums these and hands the sum to
     * {@link #estimate}, and gets the same answer as {@link #monteCarlo}.
     */
    public long upDraws(PopId a, PopId b, int samples, long seed, int k) {
        if (k < 0 || k >= chunks(samples)) {
            throw new IllegalArgumentException("chunk " + k + " of " + chunks(samples));
        }
        return upDraws(
                network.indexOf(a), network.indexOf(b), Math.min(CHUNK, samples - k * CHUNK), chunkSeed(seed, k));
    }

    /** The estimate from {@code good} of {@code samples} draws: the fraction, with its 99.9 % Wilson interval. */
    public static Availability.Estimate estimate(long good, long samples) {
        return Availability.Estimate.wilson(good, samples, 3.2905);
    }

    /** The seed of chunk {@code k}: the SplitMix64 finaliser of seed and chunk number, so chunks are apart. */
    static long chunkSeed(long seed, int k) {
        long z = seed + 0x9E3779B97F4A7C15L * (k + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** How many of {@code draws} states, drawn from {@code seed}, leave a path between the ends. */
    private long upDraws(int ia, int ib, int draws, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BitSet state = new BitSet(u.length);
        long good = 0;
        for (int n = 0; n < draws; n++) {
            state.clear();
            for (int e = 0; e < u.length; e++) {
                if (random.nextDouble() < u[e]) {
                    state.set(e);
                }
            }
            if (state.isEmpty() || connected(ia, ib, state)) {
                good++;
            }
        }
        return good;
    }

    /** The unavailability of every element, spans then PoPs then SRLGs (for tests and reports). */
    public double[] unavailability() {
        return u.clone();
    }

    /**
     * The elements of a fewest-hop path from {@code ia} to {@code ib} with {@code failed} down (its spans, their
     * SRLGs, its transit PoPs), or null when there is none.
     */
    private BitSet pathElements(int ia, int ib, BitSet failed) {
        int[] via = new int[pops];
        if (!reach(ia, ib, failed, via)) {
            return null;
        }
        BitSet e = new BitSet(u.length);
        for (int v = ib; v != ia; ) {
            int s = via[v];
            e.set(s);
            for (int g : srlgsOfSpan[s]) {
                e.set(g);
            }
            v = endA[s] == v ? endB[s] : endA[s];
            if (v != ia) {
                e.set(spans + v);
            }
        }
        return e;
    }

    /** Whether a path joins PoPs {@code ia} and {@code ib} with the elements in {@code failed} down. */
    public boolean connected(int ia, int ib, BitSet failed) {
        return !failed.get(spans + ia) && !failed.get(spans + ib) && reach(ia, ib, failed, null);
    }

    /**
     * Whether a breadth-first search from {@code ia}, crossing no element of {@code failed}, reaches {@code ib}
     * (the start itself is not checked); with {@code via}, the span each PoP was reached by, for the path back.
     */
    private boolean reach(int ia, int ib, BitSet failed, int[] via) {
        if (ia == ib) {
            return true;
        }
        Scratch w = scratch.get();
        int stamp = markDown(w, failed);
        int[] queue = w.queue;
        int head = 0;
        int tail = 0;
        queue[tail++] = ia;
        w.seen[ia] = stamp;
        while (head < tail) {
            int v = queue[head++];
            for (int s : incident[v]) {
                int x = endA[s] == v ? endB[s] : endA[s];
                if (w.seen[x] == stamp || w.spanDown[s] == stamp || w.popDown[x] == stamp) {
                    continue;
                }
                if (via != null) {
                    via[x] = s;
                }
                if (x == ib) {
                    return true;
                }
                w.seen[x] = stamp;
                queue[tail++] = x;
            }
        }
        return false;
    }

    /** The elements whose loss breaks {@code path}: its spans, its transit PoPs and its spans' SRLGs. */
    private BitSet elements(Path path, int ia, int ib) {
        BitSet e = new BitSet(u.length);
        for (SpanId id : path.spans()) {
            int s = network.indexOf(id);
            e.set(s);
            for (int g : srlgsOfSpan[s]) {
                e.set(g);
            }
        }
        for (PopId p : path.pops()) {
            int i = network.indexOf(p);
            if (i != ia && i != ib) {
                e.set(spans + i);
            }
        }
        return e;
    }

    private static BitSet all(int m) {
        BitSet b = new BitSet(m);
        b.set(0, m);
        return b;
    }

    private static long key(int x, int y, int m) {
        return (long) Math.min(x, y) * m + Math.max(x, y);
    }

    private String name(int e) {
        if (e < spans) {
            return "span:" + network.spans().get(e).id();
        }
        if (e < spans + pops) {
            return "pop:" + network.pops().get(e - spans).id();
        }
        return "srlg:" + network.srlgs().get(e - spans - pops).id();
    }
}
