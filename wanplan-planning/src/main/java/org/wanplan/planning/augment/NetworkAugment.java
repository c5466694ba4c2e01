package org.wanplan.planning.augment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.wanplan.model.Fibre;
import org.wanplan.model.FibreLength;
import org.wanplan.model.GeoPoint;
import org.wanplan.model.Geodesy;
import org.wanplan.model.InvalidNetworkException;
import org.wanplan.model.LengthSource;
import org.wanplan.model.Network;
import org.wanplan.model.Ownership;
import org.wanplan.model.Pop;
import org.wanplan.model.PopId;
import org.wanplan.model.Span;
import org.wanplan.model.SpanCatalogue;
import org.wanplan.model.SpanId;
import org.wanplan.routing.augment.SpanAugmenter;
import org.wanplan.routing.augment.SpanAugmenter.Budget;
import org.wanplan.routing.augment.SpanAugmenter.Candidate;

/**
 * {@code augment} on a network: which express spans, own fibre or leased wavelengths, cut the
 * population-weighted path length most within a budget, and what that does to latency and stretch.
 *
 * <p>Demand: population gravity, w(i, j) = population(i) × population(j) (a PoP without population draws
 * none). Candidates: every pair of located PoPs whose great circle lies in a distance band (or above its
 * minimum, between two of the {@value #METROS} most populous PoPs), that would be shorter (great circle ×
 * {@link Fibre#DEFAULT_ROUTE_FACTOR}) than today's shortest path between them.
 * Spans without a length carry no traffic here.
 */
public final class NetworkAugment {
    private NetworkAugment() {}

    /** Own fibre built, or a wavelength leased from another carrier. */
    public enum Kind {
        FIBRE,
        WAVELENGTH;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param minKm candidates are at least this far apart on the great circle (100 km by default: shorter
     *     detours cost little latency)
     * @param maxKm … and at most this far (1,500 km: beyond one express hop's unregenerated reach of
     *     coherent 100G, about 1,500–2,000 km)
     */
    public record Options(
            Kind kind,
            double minKm,
            double maxKm,
            Budget budget,
            SpanCatalogue catalogue,
            java.util.OptionalDouble targetP90Stretch,
            java.util.OptionalDouble targetWeightedStretch) {
        /** Options without a stretch target: the budget is spent for the largest gain. */
        public Options(Kind kind, double minKm, double maxKm, Budget budget, SpanCatalogue catalogue) {
            this(
                    kind,
                    minKm,
                    maxKm,
                    budget,
                    catalogue,
                    java.util.OptionalDouble.empty(),
                    java.util.OptionalDouble.empty());
        }

        boolean hasTarget() {
            return targetP90Stretch.isPresent() || targetWeightedStretch.isPresent();
        }

        /** Whether {@code f} meets every target given (false without a target). */
        boolean met(Figures f) {
            return hasTarget()
                    && (targetP90Stretch.isEmpty() || f.p90Stretch() <= targetP90Stretch.getAsDouble())
                    && (targetWeightedStretch.isEmpty()
                            || f.popWeightedStretch() <= targetWeightedStretch.getAsDouble());
        }
    }

    /** Demand-weighted mean round-trip time and the two stretch figures. */
    public record Figures(double meanRttMs, double p90Stretch, double popWeightedStretch) {}

    /** One span chosen, with its one-off (NRC) and monthly (MRC) cost in euro. */
    public record Added(String a, String b, double lengthKm, Kind kind, double nrc, double mrc) {}

    /**
     * What augment found; {@code augmented} is the network with the spans added; {@code targetMet} says
     * whether the stretch targets were reached within the budget (empty without a target).
     */
    public record Report(
            List<Added> added,
            Figures before,
            Figures after,
            double kmAdded,
            double cost,
            int candidates,
            Network augmented,
            Optional<Boolean> targetMet,
            java.util.OptionalDouble optimumMeanRttMs) {
        /** How far greedy's mean RTT is above the exact optimum's, relative to it (when the optimum is known). */
        public java.util.OptionalDouble gap() {
            return optimumMeanRttMs.isPresent() && optimumMeanRttMs.getAsDouble() > 0
                    ? java.util.OptionalDouble.of(after.meanRttMs() / optimumMeanRttMs.getAsDouble() - 1)
                    : java.util.OptionalDouble.empty();
        }
    }

    /**
     * A candidate the planner offers instead of the distance band: its ends, and its length and cost when
     * known (else great circle × {@link Fibre#DEFAULT_ROUTE_FACTOR} and the catalogue). The cost is one-off
     * (NRC) for fibre and monthly (MRC) for a wave.
     */
    public record Offer(PopId a, PopId b, java.util.OptionalDouble lengthKm, java.util.OptionalDouble cost) {}

    /** With at most this many candidates and no target, the exact optimum is enumerated and the gap reported. */
    public static final int EXACT_CANDIDATES = 10;

    /** Pairs whose great circle is shorter than this are left out of the stretch figures. */
    public static final double STRETCH_MIN_KM = 300;

    /**
     * The matrices and candidates augment works on: today's shortest km {@code distance}, the gravity
     * {@code weight}, great circles {@code gc} (NaN where a PoP has no location), all indexed like
     * {@code n.pops()}.
     */
    public record Problem(double[][] distance, double[][] weight, double[][] gc, List<Candidate> candidates) {}

    public static Problem problem(Network n, Options o) {
        return problem(n, o, Optional.empty(), Optional.empty());
    }

    /**
     * The problem with the objective weighted by {@code demands} (Gbps between their end PoPs; population
     * gravity when empty) and the candidates {@code offers} (the distance band when empty).
     *
     * @throws IllegalArgumentException when an offer names an unknown PoP, or has no length and an end
     *     without a location
     */
    public static Problem problem(
            Network n, Options o, Optional<List<org.wanplan.model.Demand>> demands, Optional<List<Offer>> offers) {
        List<Pop> pops = n.pops();
        int size = pops.size();
        double[][] d = distances(n);
        double[][] gc = greatCircles(pops);
        double[][] w = demands.map(list -> demandWeights(n, list)).orElseGet(() -> gravity(pops));
        List<Candidate> candidates = new ArrayList<>();
        if (offers.isPresent()) {
            for (Offer offer : offers.get()) {
                int i = n.indexOf(offer.a());
                int j = n.indexOf(offer.b());
                if (i < 0 || j < 0 || i == j) {
                    throw new IllegalArgumentException("candidate " + offer.a() + "–" + offer.b()
                            + (i < 0 || j < 0 ? " names a PoP that " + n.name() + " does not have" : " is a loop"));
                }
                if (offer.lengthKm().isEmpty() && Double.isNaN(gc[i][j])) {
                    throw new IllegalArgumentException("candidate " + offer.a() + "–" + offer.b()
                            + " has no lengthKm and an end without a location");
                }
                double km = offer.lengthKm().isPresent()
                        ? offer.lengthKm().getAsDouble()
                        : FibreLength.estimatedKm(gc[i][j], Fibre.DEFAULT_ROUTE_FACTOR);
                double cost = offer.cost().isPresent()
                        ? (o.kind() == Kind.FIBRE
                                ? offer.cost().getAsDouble()
                                : offer.cost().getAsDouble() * o.catalogue().termMonths())
                        : (cost(o, km));
                candidates.add(new Candidate(Math.min(i, j), Math.max(i, j), km, cost));
            }
            return new Problem(d, w, gc, List.copyOf(candidates));
        }
        boolean[] metro = metros(pops);
        for (int i = 0; i < size; i++) {
            for (int j = i + 1; j < size; j++) {
                boolean inBand = gc[i][j] >= o.minKm() && gc[i][j] <= o.maxKm();
                if (Double.isNaN(gc[i][j]) || !(inBand || (metro[i] && metro[j] && gc[i][j] >= o.minKm()))) {
                    continue;
                }
                double km = FibreLength.estimatedKm(gc[i][j], Fibre.DEFAULT_ROUTE_FACTOR);
                if (km < d[i][j] - 1e-9) {
                    candidates.add(new Candidate(i, j, km, cost(o, km)));
                }
            }
        }
        return new Problem(d, w, gc, List.copyOf(candidates));
    }

    /**
     * The {@value #METROS} most populous PoPs (ties to the earlier PoP): pairs of them are candidates at any
     * distance above the band's minimum, as an express core between the largest markets.
     */
    static boolean[] metros(List<Pop> pops) {
        Integer[] order = new Integer[pops.size()];
        java.util.Arrays.setAll(order, i -> i);
        java.util.Arrays.sort(
                order,
                java.util.Comparator.comparingLong(
                                (Integer i) -> -pops.get(i).population().orElse(0))
                        .thenComparingInt(i -> i));
        boolean[] metro = new boolean[pops.size()];
        for (int r = 0; r < Math.min(METROS, order.length); r++) {
            metro[order[r]] = pops.get(order[r]).population().orElse(0) > 0;
        }
        return metro;
    }

    /** How many of the most populous PoPs are joined as candidates whatever the band's maximum. */
    public static final int METROS = 10;

    /** What a candidate of {@code km} costs from the catalogue: NRC for fibre, MRC × term for a wave. */
    private static double cost(Options o, double km) {
        return o.kind() == Kind.FIBRE
                ? o.catalogue().fibreNrc(km)
                : o.catalogue().waveTermCost(km);
    }

    /** w(i, j) = the Gbps of the demands between PoPs i and j, either way (symmetric; 0 on the diagonal). */
    static double[][] demandWeights(Network n, List<org.wanplan.model.Demand> demands) {
        int size = n.pops().size();
        double[][] w = new double[size][size];
        for (org.wanplan.model.Demand dm : demands) {
            int i = n.indexOf(dm.from());
            int j = n.indexOf(dm.to());
            if (i < 0 || j < 0) {
                throw new IllegalArgumentException(
                        "demand " + dm.id() + " names a PoP that " + n.name() + " does not have");
            }
            if (i != j) {
                w[i][j] += dm.gbps();
                w[j][i] += dm.gbps();
            }
        }
        return w;
    }

    public static Report augment(Network n, Options o) {
        return augment(n, o, Optional.empty(), Optional.empty());
    }

    /**
     * Augment with the objective weighted by {@code demands} (population gravity when empty) over the
     * candidates {@code offers} (the distance band when empty). The mean RTT is weighted by the same demand;
     * the weighted stretch is always population-weighted. With at most {@value #EXACT_CANDIDATES} candidates
     * and no target, the exact optimum is enumerated too and {@link Report#gap()} says how far greedy is from it.
     */
    public static Report augment(
            Network n, Options o, Optional<List<org.wanplan.model.Demand>> demands, Optional<List<Offer>> offers) {
        List<Pop> pops = n.pops();
        Problem p = problem(n, o, demands, offers);
        double[][] d = p.distance();
        double[][] w = p.weight();
        double[][] population = demands.isPresent() ? gravity(pops) : w;
        double[][] gc = p.gc();
        List<Candidate> candidates = p.candidates();
        SpanAugmenter.Result r =
                SpanAugmenter.greedy(d, w, candidates, o.budget(), dist -> o.met(figures(dist, w, population, gc)));
        java.util.OptionalDouble optimum = java.util.OptionalDouble.empty();
        if (!o.hasTarget() && candidates.size() <= EXACT_CANDIDATES) {
            SpanAugmenter.Result exact = SpanAugmenter.exhaustive(d, w, candidates, o.budget());
            optimum = java.util.OptionalDouble.of(
                    figures(SpanAugmenter.with(d, candidates, exact.chosen()), w, population, gc)
                            .meanRttMs());
        }
        double[][] after = SpanAugmenter.with(d, candidates, r.chosen());
        List<Added> added = new ArrayList<>();
        Network.Builder b =
                Network.builder(n.name()).pops(pops).srlgs(n.srlgs()).spans(n.spans());
        n.attribution().ifPresent(b::attribution);
        for (int c : r.chosen()) {
            Candidate k = candidates.get(c);
            PopId a = pops.get(k.a()).id();
            PopId z = pops.get(k.b()).id();
            double mrc = o.kind() == Kind.WAVELENGTH ? k.cost() / o.catalogue().termMonths() : 0;
            double nrc = o.kind() == Kind.FIBRE ? k.cost() : 0;
            added.add(new Added(a.value(), z.value(), k.km(), o.kind(), nrc, mrc));
            b.span(new Span(
                    uniqueId(n, "x-" + a.value() + "-" + z.value()),
                    a,
                    z,
                    Optional.of(new FibreLength(k.km(), LengthSource.ESTIMATED)),
                    o.catalogue().expressCapacityGbps(),
                    List.of(),
                    false,
                    o.kind() == Kind.FIBRE ? Ownership.OWN : Ownership.leased(mrc)));
        }
        Network augmented;
        try {
            augmented = b.build();
        } catch (InvalidNetworkException e) {
            throw new IllegalStateException(
                    "augmenting " + n.name() + " made an invalid network: " + e.getMessage(), e);
        }
        Figures afterFigures = figures(after, w, population, gc);
        return new Report(
                added,
                figures(d, w, population, gc),
                afterFigures,
                r.km(),
                r.cost(),
                candidates.size(),
                augmented,
                o.hasTarget() ? Optional.of(o.met(afterFigures)) : Optional.empty(),
                optimum);
    }

    /** The stretch and latency figures of {@code n} as it is, on population gravity. */
    public static Figures figures(Network n) {
        return figures(distances(n), gravity(n.pops()), greatCircles(n.pops()));
    }

    /** w(i, j) = population(i) × population(j), 0 on the diagonal and for a PoP without population. */
    static double[][] gravity(List<Pop> pops) {
        int size = pops.size();
        double[][] w = new double[size][size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                w[i][j] = i == j
                        ? 0
                        : (double) pops.get(i).population().orElse(0)
                                * pops.get(j).population().orElse(0);
            }
        }
        return w;
    }

    /**
     * Mean RTT weighted by {@code w} over connected pairs (2 × km × {@link Fibre#LATENCY_MS_PER_KM});
     * over located pairs at least {@link #STRETCH_MIN_KM} apart: the 90th percentile of path km ÷ great
     * circle km (nearest rank, unweighted) and its {@code w}-weighted mean.
     */
    public static Figures figures(double[][] d, double[][] w, double[][] gc) {
        return figures(d, w, w, gc);
    }

    /** As above, with the mean RTT weighted by {@code w} and the weighted stretch by {@code population}. */
    public static Figures figures(double[][] d, double[][] w, double[][] population, double[][] gc) {
        int n = d.length;
        double weighted = 0;
        double weights = 0;
        List<Double> stretches = new ArrayList<>();
        double stretchWeighted = 0;
        double stretchWeights = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (d[i][j] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                weighted += w[i][j] * d[i][j];
                weights += w[i][j];
                if (!Double.isNaN(gc[i][j]) && gc[i][j] >= STRETCH_MIN_KM) {
                    double s = d[i][j] / gc[i][j];
                    stretches.add(s);
                    stretchWeighted += population[i][j] * s;
                    stretchWeights += population[i][j];
                }
            }
        }
        double[] sorted =
                stretches.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double p90 = sorted.length == 0 ? Double.NaN : sorted[(int) Math.ceil(0.9 * sorted.length) - 1];
        return new Figures(
                weights == 0 ? Double.NaN : 2 * weighted / weights * Fibre.LATENCY_MS_PER_KM,
                p90,
                stretchWeights == 0 ? Double.NaN : stretchWeighted / stretchWeights);
    }

    /** Shortest km between every two PoPs, indexed like {@code n.pops()}, over the spans with a length. */
    static double[][] distances(Network n) {
        List<int[]> edges = new ArrayList<>();
        List<Double> km = new ArrayList<>();
        for (Span s : n.spans()) {
            if (s.length().isPresent()) {
                edges.add(new int[] {n.indexOf(s.a()), n.indexOf(s.b())});
                km.add(s.length().get().km());
            }
        }
        return SpanAugmenter.allPairs(
                n.pops().size(),
                edges,
                km.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Great-circle km between located PoPs; NaN where either has no location. */
    static double[][] greatCircles(List<Pop> pops) {
        int n = pops.size();
        double[][] gc = new double[n][n];
        for (double[] row : gc) {
            Arrays.fill(row, Double.NaN);
        }
        for (int i = 0; i < n; i++) {
            Optional<GeoPoint> a = pops.get(i).location();
            for (int j = 0; j < n && a.isPresent(); j++) {
                Optional<GeoPoint> b = pops.get(j).location();
                if (b.isPresent()) {
                    gc[i][j] = Geodesy.greatCircleKm(a.get(), b.get());
                }
            }
        }
        return gc;
    }

    private static SpanId uniqueId(Network n, String base) {
        String id = base;
        for (int k = 2; n.span(SpanId.of(id)).isPresent(); k++) {
            id = base + "-" + k;
        }
        return SpanId.of(id);
    }
}
