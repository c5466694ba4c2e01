package org.wanplan.design;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wanplan.model.Fibre;
import org.wanplan.model.FibreLength;
import org.wanplan.model.Geodesy;
import org.wanplan.model.InvalidNetworkException;
import org.wanplan.model.LengthSource;
import org.wanplan.model.Network;
import org.wanplan.model.Ownership;
import org.wanplan.model.Pop;
import org.wanplan.model.PopId;
import org.wanplan.model.Site;
import org.wanplan.model.Span;
import org.wanplan.model.SpanCatalogue;
import org.wanplan.model.SpanId;
import org.wanplan.routing.augment.SpanAugmenter;
import org.wanplan.routing.augment.SpanAugmenter.Budget;
import org.wanplan.routing.augment.SpanAugmenter.Candidate;

/**
 * What it takes to win a bid on latency: when a customer's design is slower on one network than on the
 * competitor's (mean CE-to-CE round trip), the cheapest leased waves that make it faster, and what they
 * cost beside the contract.
 *
 * <p>Method: the design's site pairs give PoP-pair weights (each pair of talking sites counts once, between
 * their primary PoPs, as the mean round trip counts it). A pair's backbone delay is the shortest path with
 * each span weighing its fibre delay plus the per-PoP allowance ({@link DesignOptions#perHopMs()}), so a
 * shortcut that skips PoPs saves their allowance too. The mean round trip falls by 2 × the weighted delay
 * saved ÷ the pairs, so the gap to the competitor is a delay to save. Lazy greedy on delay saved per euro
 * ({@link SpanAugmenter#greedy}) adds waves until that is saved; then the customer is designed again on the
 * network with the waves (homing, CSPF with capacity and all) and the real mean is what is reported. When
 * the re-design is still slower (CSPF took a longer path for capacity, or routing took fewer hops than the
 * delay model), the target grows by the shortfall and greedy runs again, at most {@value #ROUNDS} rounds.
 *
 * <p>At most {@value #MAX_SPANS} waves. Candidates: PoP pairs whose great circle lies between {@value #MIN_KM} and {@value #MAX_KM} km (as
 * {@code augment}), leased at the catalogue's price per km and month over its term.
 */
public final class WhatItTakes {
    static final double MIN_KM = 100;
    static final double MAX_KM = 1500;
    static final int ROUNDS = 4;
    /** More waves than this to win one customer is no answer; greedy stops there. */
    static final int MAX_SPANS = 30;
    /** Faster means faster by at least this much round trip (ms), so rounding cannot flip the verdict. */
    static final double MARGIN_MS = 0.001;

    private WhatItTakes() {}

    /** One leased wave to add, its length and monthly charge. */
    public record Lease(String a, String b, double lengthKm, double mrc) {}

    /**
     * The answer for one network against the competitor.
     *
     * @param needed whether the network was slower at all (nothing else is set when not)
     * @param met whether the waves found make it faster (false: no set of candidates does)
     * @param afterMeanRttMs the mean round trip of the customer re-designed with the waves
     * @param termCost the waves' MRC × the term
     * @param contractValue the customer's contract value on this network, for scale
     */
    public record Answer(
            String competitor,
            boolean needed,
            double meanRttMs,
            double competitorMeanRttMs,
            boolean met,
            double afterMeanRttMs,
            List<Lease> spans,
            double km,
            double mrc,
            int termMonths,
            double termCost,
            BigDecimal contractValue) {
        public Answer {
            spans = List.copyOf(spans);
        }

        /** The waves' cost over the term as a share of the contract value (0 when there is no contract value). */
        public double shareOfContract() {
            return contractValue.signum() == 0
                    ? 0
                    : BigDecimal.valueOf(termCost)
                            .divide(contractValue, 6, RoundingMode.HALF_EVEN)
                            .doubleValue();
        }
    }

    /**
     * @param design the customer on {@code network}
     * @param contractValue its contract value there
     * @param competitor the competitor's name and {@code competitorMeanRttMs} its mean round trip for the
     *     same customer
     */
    public static Answer of(
            Network network,
            List<Site> sites,
            DesignOptions options,
            Design design,
            BigDecimal contractValue,
            String competitor,
            double competitorMeanRttMs,
            SpanCatalogue catalogue) {
        return of(
                network,
                sites,
                options,
                design,
                contractValue,
                competitor,
                competitorMeanRttMs,
                catalogue,
                java.time.Duration.ofNanos(Long.MAX_VALUE));
    }

    /**
     * As above, or {@link DesignTimeoutException} once {@code budget} has passed (each re-design gets what is
     * left of it).
     */
    public static Answer of(
            Network network,
            List<Site> sites,
            DesignOptions options,
            Design design,
            BigDecimal contractValue,
            String competitor,
            double competitorMeanRttMs,
            SpanCatalogue catalogue,
            java.time.Duration budget) {
        long start = System.nanoTime();
        double before = meanRtt(design);
        if (before <= competitorMeanRttMs - MARGIN_MS || design.latency().isEmpty()) {
            return new Answer(
                    competitor,
                    false,
                    before,
                    competitorMeanRttMs,
                    true,
                    before,
                    List.of(),
                    0,
                    0,
                    catalogue.termMonths(),
                    0,
                    contractValue);
        }
        List<Pop> pops = network.pops();
        int n = pops.size();
        double[][] w = weights(design, network);
        double[][] d = delays(network, options.perHopMs());
        List<Candidate> candidates = new ArrayList<>();
        List<Double> candidateKm = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (pops.get(i).location().isEmpty() || pops.get(j).location().isEmpty()) {
                    continue;
                }
                double gc = Geodesy.greatCircleKm(
                        pops.get(i).location().get(), pops.get(j).location().get());
                if (gc < MIN_KM || gc > MAX_KM) {
                    continue;
                }
                double km = FibreLength.estimatedKm(gc, Fibre.DEFAULT_ROUTE_FACTOR);
                double delay = Fibre.latencyMs(km) + options.perHopMs();
                if (delay < d[i][j]) {
                    candidates.add(new Candidate(i, j, delay, catalogue.waveTermCost(km)));
                    candidateKm.add(km);
                }
            }
        }
        double pairs = design.latency().size();
        double objective = SpanAugmenter.objective(d, w);
        // the mean RTT is 2 × (mean delay); saving S of weighted delay lowers it by 2 S / pairs
        double toSave = (before - competitorMeanRttMs + MARGIN_MS) / 2 * pairs;
        Budget spend = new Budget(Double.MAX_VALUE, Double.POSITIVE_INFINITY, MAX_SPANS);
        List<Integer> chosen = List.of();
        double after = before;
        for (int round = 0; round < ROUNDS; round++) {
            double target = objective - toSave;
            SpanAugmenter.Result r =
                    SpanAugmenter.greedy(d, w, candidates, spend, dist -> SpanAugmenter.objective(dist, w) <= target);
            chosen = r.chosen();
            after = meanRtt(
                    Designer.design(augmented(network, candidates, candidateKm, chosen, catalogue), sites, options));
            if (after <= competitorMeanRttMs - MARGIN_MS || r.after() > target) {
                break; // faster, or no set of waves within the cap saves enough
            }
            toSave += (after - competitorMeanRttMs + MARGIN_MS) / 2 * pairs;
        }
        List<Lease> leases = new ArrayList<>();
        double km = 0;
        double mrc = 0;
        double termCost = 0;
        for (int c : chosen) {
            Candidate k = candidates.get(c);
            double length = candidateKm.get(c);
            leases.add(new Lease(
                    pops.get(k.a()).id().value(), pops.get(k.b()).id().value(), length, catalogue.waveMrc(length)));
            km += length;
            mrc += catalogue.waveMrc(length);
            termCost += k.cost();
        }
        return new Answer(
                competitor,
                true,
                before,
                competitorMeanRttMs,
                after <= competitorMeanRttMs - MARGIN_MS,
                after,
                leases,
                Math.round(km * 10) / 10.0,
                Math.round(mrc * 100) / 100.0,
                catalogue.termMonths(),
                Math.round(termCost * 100) / 100.0,
                contractValue);
    }

    /** The mean CE-to-CE round trip of a design, as {@link DesignFigures#summary} computes it. */
    static double meanRtt(Design d) {
        return java.util.Arrays.stream(DesignFigures.rtts(d)).average().orElse(0);
    }

    /** Each talking site pair adds 1 between the two sites' primary PoPs (symmetric). */
    private static double[][] weights(Design design, Network network) {
        int n = network.pops().size();
        Map<String, PopId> primary = new HashMap<>();
        design.accepted()
                .forEach(s -> primary.put(s.site().id(), s.tails().get(0).pop()));
        double[][] w = new double[n][n];
        for (Design.PairLatency p : design.latency()) {
            int a = network.indexOf(primary.get(p.a()));
            int b = network.indexOf(primary.get(p.b()));
            if (a != b) {
                w[a][b] += 1;
                w[b][a] += 1;
            }
        }
        return w;
    }

    /** All-pairs shortest delay, each span weighing its fibre delay plus one per-PoP allowance. */
    private static double[][] delays(Network network, double perHopMs) {
        List<int[]> edges = new ArrayList<>();
        List<Double> weight = new ArrayList<>();
        for (Span s : network.spans()) {
            if (s.length().isPresent()) {
                edges.add(new int[] {network.indexOf(s.a()), network.indexOf(s.b())});
                weight.add(Fibre.latencyMs(s.length().get().km()) + perHopMs);
            }
        }
        return SpanAugmenter.allPairs(
                network.pops().size(),
                edges,
                weight.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** {@code network} with the chosen waves as leased spans {@code x-a-b}. */
    static Network augmented(
            Network network,
            List<Candidate> candidates,
            List<Double> km,
            List<Integer> chosen,
            SpanCatalogue catalogue) {
        Network.Builder b = Network.builder(network.name())
                .pops(network.pops())
                .srlgs(network.srlgs())
                .spans(network.spans());
        network.attribution().ifPresent(b::attribution);
        for (int c : chosen) {
            Candidate k = candidates.get(c);
            PopId a = network.pops().get(k.a()).id();
            PopId z = network.pops().get(k.b()).id();
            String id = "x-" + a.value() + "-" + z.value();
            for (int suffix = 2; network.span(SpanId.of(id)).isPresent(); suffix++) {
                id = "x-" + a.value() + "-" + z.value() + "-" + suffix;
            }
            b.span(new Span(
                    SpanId.of(id),
                    a,
                    z,
                    Optional.of(new FibreLength(km.get(c), LengthSource.ESTIMATED)),
                    catalogue.expressCapacityGbps(),
                    List.of(),
                    false,
                    Ownership.leased(catalogue.waveMrc(km.get(c)))));
        }
        try {
            return b.build();
        } catch (InvalidNetworkException e) {
            throw new IllegalStateException(
                    "adding waves to " + network.name() + " made it invalid: " + e.getMessage(), e);
        }
    }
}
