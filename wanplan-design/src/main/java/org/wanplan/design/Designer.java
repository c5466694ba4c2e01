package org.wanplan.design;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wanplan.model.Fibre;
import org.wanplan.model.Network;
import org.wanplan.model.PartnerBook;
import org.wanplan.model.PopId;
import org.wanplan.model.Resilience;
import org.wanplan.model.RttTargets;
import org.wanplan.model.Site;
import org.wanplan.model.SiteRole;
import org.wanplan.model.SpanId;
import org.wanplan.model.SrlgId;
import org.wanplan.routing.Constraints;
import org.wanplan.routing.Mask;
import org.wanplan.routing.Metric;
import org.wanplan.routing.Path;
import org.wanplan.routing.Route;
import org.wanplan.routing.Router;
import org.wanplan.routing.availability.Availability;
import org.wanplan.routing.availability.AvailabilityModel;
import org.wanplan.routing.availability.Restoration;

/**
 * Designs a multi-site VPN on a backbone.
 *
 * <ol>
 *   <li>Homing: each site's tails ({@link Homing}).
 *   <li>Anchor: the site every availability figure is measured towards — the largest hub (hub-and-spoke)
 *       or the largest site (any-to-any), by access bandwidth, first in the list on ties.
 *   <li>Resilience (RFC 8299 §6.6: a site whose option cannot be met is refused, the rest proceeds):
 *       PoP-diverse needs two PoPs; SRLG-diverse also needs backbone paths from its two PoPs to the
 *       anchor's PoP that share no SRLG and no transit PoP.
 *   <li>Availability: access (tails and PoPs; two tails in parallel when the option has two) times the
 *       backbone path to the anchor (spans, their SRLGs and transit PoPs; both paths in parallel for
 *       SRLG-diverse sites), with the routing engine's {@link Availability} model.
 *   <li>Traffic: gravity on access bandwidth, T_ij = A_i · A_j / ΣA ÷ subscription ratio, for the pairs
 *       the topology lets talk, summed per pair of primary PoPs and placed once per PoP pair (in order of
 *       first appearance) on the lowest-latency backbone path that has the bandwidth left (CSPF), or the
 *       lowest-latency path when none has: one search per PoP pair, never one per site pair.
 *   <li>Latency: CE-to-CE round trip = 2 × (fibre delay over both tails and the backbone path + a
 *       per-PoP allowance for every PoP crossed), checked against each class's target.
 * </ol>
 */
public final class Designer {
    private Designer() {}

    public static Design design(Network network, List<Site> sites, DesignOptions options) {
        return design(network, sites, options, java.time.Duration.ofNanos(Long.MAX_VALUE));
    }

    /**
     * The design, or {@link DesignTimeoutException} once {@code budget} has passed: checked between sites,
     * every 65,536 site pairs grouped, every 64 PoP pairs routed and every 64 PoP pairs' availability, so it
     * stops within a few milliseconds of the budget.
     */
    public static Design design(Network network, List<Site> sites, DesignOptions options, java.time.Duration budget) {
        long start = System.nanoTime();
        long budgetNanos = budget.toNanos();
        java.util.function.Consumer<String> expired = stage -> {
            if (System.nanoTime() - start > budgetNanos) {
                throw new DesignTimeoutException(sites.size(), budget.toMillis(), stage);
            }
        };
        Router router = Router.of(network, Metric.LATENCY);
        Availability availability = new Availability(network, options.availability());
        Map<String, List<Homing.Tail>> tails = new LinkedHashMap<>();
        Homing.Located located = new Homing.Located(network);
        for (Site s : sites) {
            expired.accept("homing the sites");
            String partner = options.partners().forCountry(s.country()).name();
            tails.put(
                    s.id(),
                    options.homing().tails(located, s).stream()
                            .map(t -> t.providedBy(partner))
                            .toList());
        }
        Site anchor = anchor(sites, options.topology());
        PopId anchorPop = tails.get(anchor.id()).get(0).pop();
        List<Design.SiteDesign> designs = new ArrayList<>();
        for (Site s : sites) {
            expired.accept("homing and routing the sites");
            designs.add(site(
                    network, router, availability, options.partners(), s, tails.get(s.id()), anchorPop, s == anchor));
        }
        List<Design.SiteDesign> accepted =
                designs.stream().filter(d -> !d.refused()).toList();
        double totalGbps = accepted.stream()
                .mapToDouble(d -> d.site().bandwidthMbps() / 1000)
                .sum();
        // the traffic of every talking site pair, summed per pair of primary PoPs (in order of first
        // appearance), is placed once per PoP pair; each site pair's round trip is its tails plus that path
        List<Design.PairLatency> latency;
        Map<SpanId, Double> load = new LinkedHashMap<>();
        int popCount = network.pops().size();
        int[] sitePop = new int[accepted.size()];
        for (int i = 0; i < sitePop.length; i++) {
            sitePop[i] = network.indexOf(accepted.get(i).tails().get(0).pop());
        }
        int[] bundleOf = new int[popCount * popCount]; // by (min, max) PoP index; 0 = none yet, else k + 1
        List<PopId[]> bundleEnds = new ArrayList<>();
        double[] bundleGbps = new double[16];
        int[] hubIndex = java.util.stream.IntStream.range(0, accepted.size())
                .filter(i -> accepted.get(i).site().role() == SiteRole.HUB)
                .toArray();
        boolean everyone = options.topology() == Topology.ANY_TO_ANY;
        long siteCount = accepted.size();
        long hubs = hubIndex.length;
        long expected = everyone ? siteCount * (siteCount - 1) / 2 : hubs * (hubs - 1) / 2 + hubs * (siteCount - hubs);
        if (expected > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(expected + " site pairs are more than a design holds");
        }
        // grown as the pairs are made, not allocated whole: 20,000 sites any to any are 200 million pairs (4 GB),
        // whose allocation alone would outlast a request's budget before its first check
        int capacity = (int) Math.min(expected, 1 << 16);
        int[] pairI = new int[capacity];
        int[] pairJ = new int[capacity];
        int[] pairBundle = new int[capacity];
        double[] pairGbps = new double[capacity];
        double[] siteGbps = new double[accepted.size()];
        for (int i = 0; i < siteGbps.length; i++) {
            siteGbps[i] = accepted.get(i).site().bandwidthMbps() / 1000;
        }
        double perPair = 1 / totalGbps / options.subscriptionRatio();
        int pairs = 0;
        // every site pair that talks, in (i, j) order: any to any, all of them; hub and spoke, a hub with
        // every later site and a spoke with the later hubs (no scan of every pair: 20,000 sites would be 200
        // million)
        for (int i = 0; i < accepted.size(); i++) {
            boolean hub = accepted.get(i).site().role() == SiteRole.HUB;
            int[] partners = everyone || hub ? null : hubIndex;
            int from = partners == null ? i + 1 : 0;
            int count = partners == null ? accepted.size() : partners.length;
            for (int t = from; t < count; t++) {
                int j = partners == null ? t : partners[t];
                if (j <= i) {
                    continue;
                }
                if ((pairs & 65535) == 0) {
                    expired.accept("grouping site pair " + pairs);
                }
                if (pairs == capacity) {
                    capacity = (int) Math.min(expected, 2L * capacity);
                    pairI = java.util.Arrays.copyOf(pairI, capacity);
                    pairJ = java.util.Arrays.copyOf(pairJ, capacity);
                    pairBundle = java.util.Arrays.copyOf(pairBundle, capacity);
                    pairGbps = java.util.Arrays.copyOf(pairGbps, capacity);
                }
                double gbps = siteGbps[i] * siteGbps[j] * perPair;
                // one bundle either way: round trips are symmetric
                int cell = Math.min(sitePop[i], sitePop[j]) * popCount + Math.max(sitePop[i], sitePop[j]);
                int k = bundleOf[cell] - 1;
                if (k < 0) {
                    k = bundleEnds.size();
                    bundleOf[cell] = k + 1;
                    bundleEnds.add(new PopId[] {
                        accepted.get(i).tails().get(0).pop(),
                        accepted.get(j).tails().get(0).pop()
                    });
                    if (k == bundleGbps.length) {
                        bundleGbps = java.util.Arrays.copyOf(bundleGbps, k * 2);
                    }
                }
                bundleGbps[k] += gbps;
                pairI[pairs] = i;
                pairJ[pairs] = j;
                pairBundle[pairs] = k;
                pairGbps[pairs] = gbps;
                pairs++;
            }
        }
        double[] left = new double[network.spans().size()];
        for (int sp = 0; sp < left.length; sp++) {
            left[sp] = network.spans().get(sp).capacityGbps();
        }
        Path[] bundlePath = new Path[bundleEnds.size()];
        for (int k = 0; k < bundlePath.length; k++) {
            if ((k & 63) == 0) {
                expired.accept("routing PoP pair " + k);
            }
            PopId pa = bundleEnds.get(k)[0];
            PopId pb = bundleEnds.get(k)[1];
            double gbps = bundleGbps[k];
            Path path = pa.equals(pb)
                    ? new Path(List.of(pa), List.of(), 0, 0, 0)
                    : route(network, router, pa, pb, gbps, left);
            for (SpanId sp : path.spans()) {
                load.merge(sp, gbps, Double::sum);
                left[network.indexOf(sp)] -= gbps;
            }
            bundlePath[k] = path;
        }
        double[] bundleMs = new double[bundlePath.length];
        for (int k = 0; k < bundlePath.length; k++) {
            bundleMs[k] = bundlePath[k].latencyMs() + bundlePath[k].pops().size() * options.perHopMs();
        }
        if (pairs != expected) {
            throw new IllegalStateException("counted " + expected + " site pairs, made " + pairs);
        }
        latency = new PairList(accepted, pairI, pairJ, pairBundle, pairGbps, bundleMs, options);
        if (!options.restoration()) {
            return new Design(network.name(), options.topology(), designs, latency, load, Design.STATIC_PATH);
        }
        expired.accept("availability with restoration");
        String basis = basis(options, designs);
        return new Design(
                network.name(),
                options.topology(),
                restored(network, options, availability, designs, anchor, basis, expired),
                latency,
                load,
                basis);
    }

    /**
     * An any-to-any design whose sites span more PoP pairs than this is measured to the anchor: restoration
     * takes about 1.7 ms a PoP pair on euro350, so 3,000 pairs are about 5 s.
     */
    public static final int MAX_RESTORED_PAIRS = 3_000;

    private static String basis(DesignOptions options, List<Design.SiteDesign> designs) {
        if (options.topology() == Topology.HUB_SPOKE) {
            return Design.EVERY_HUB;
        }
        Set<PopId> pops = new java.util.HashSet<>();
        designs.stream()
                .filter(d -> !d.refused())
                .forEach(d -> pops.add(d.tails().get(0).pop()));
        long pairs = (long) pops.size() * (pops.size() - 1) / 2;
        return pairs > MAX_RESTORED_PAIRS ? Design.TO_ANCHOR : Design.MEAN_OVER_PAIRS;
    }

    /**
     * Site availability with restoration: the access (tails and the site's PoPs, as without restoration)
     * times the backbone between the site's primary PoP and the others', from {@link Restoration} with the
     * two end PoPs divided out (they are in the access). Hub and spoke: to every hub — 1 − Σ over the hubs of
     * the backbone's unavailability to it (a lower bound on reaching them all; the anchor when no site is a
     * hub). Any to any: the mean over the site's pairs, or, past {@link #MAX_RESTORED_PAIRS} PoP pairs, to the
     * anchor. A PoP- or SRLG-diverse site's second PoP counts in its
     * access only; its second way into the backbone is not credited (conservative).
     */
    private static List<Design.SiteDesign> restored(
            Network network,
            DesignOptions options,
            Availability elements,
            List<Design.SiteDesign> designs,
            Site anchor,
            String basis,
            java.util.function.Consumer<String> expired) {
        Restoration restoration = new Restoration(network, options.availability());
        double pop = options.availability().popAvailability();
        int n = network.pops().size();
        List<Design.SiteDesign> accepted =
                designs.stream().filter(d -> !d.refused()).toList();
        List<Design.SiteDesign> hubs =
                accepted.stream().filter(d -> d.site().role() == SiteRole.HUB).toList();
        if (hubs.isEmpty() || basis.equals(Design.TO_ANCHOR)) {
            hubs = accepted.stream().filter(d -> d.site() == anchor).toList();
        }
        // the PoP pairs needed, each once (lower index first), then their backbone figures in parallel
        java.util.function.ToIntFunction<Design.SiteDesign> popOf =
                d -> network.indexOf(d.tails().get(0).pop());
        java.util.TreeSet<Long> needed = new java.util.TreeSet<>();
        int[] sitesAt = new int[n];
        accepted.forEach(d -> sitesAt[popOf.applyAsInt(d)]++);
        if (basis.equals(Design.MEAN_OVER_PAIRS)) {
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n && sitesAt[p] > 0; q++) {
                    if (sitesAt[q] > 0) {
                        needed.add((long) p * n + q);
                    }
                }
            }
        } else {
            for (Design.SiteDesign d : accepted) {
                for (Design.SiteDesign h : hubs) {
                    int p = popOf.applyAsInt(d);
                    int q = popOf.applyAsInt(h);
                    if (p != q) {
                        needed.add((long) Math.min(p, q) * n + Math.max(p, q));
                    }
                }
            }
        }
        double[] backbone = new double[n * n];
        java.util.Arrays.fill(backbone, 1.0); // the same PoP: no backbone
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        needed.parallelStream().forEach(key -> {
            if ((done.incrementAndGet() & 63) == 0) {
                expired.accept("availability with restoration, PoP pair " + done.get());
            }
            int p = (int) (key / n);
            int q = (int) (key % n);
            double v = restoration
                            .pair(
                                    network.pops().get(p).id(),
                                    network.pops().get(q).id())
                            .availability()
                    / (pop * pop);
            backbone[p * n + q] = v;
            backbone[q * n + p] = v;
        });
        List<Design.SiteDesign> out = new ArrayList<>();
        for (Design.SiteDesign d : designs) {
            if (d.refused()) {
                out.add(d);
                continue;
            }
            int mine = popOf.applyAsInt(d);
            double access = access(elements.model(), options.partners(), d.site(), d.tails());
            double b;
            if (!basis.equals(Design.MEAN_OVER_PAIRS)) {
                double down = 0;
                for (Design.SiteDesign h : hubs) {
                    if (h != d) {
                        down += 1 - backbone[mine * n + popOf.applyAsInt(h)];
                    }
                }
                b = Math.max(0, 1 - down);
            } else {
                // any to any: every other accepted site, by the number of them at each PoP
                double sum = -1; // not itself
                for (int q = 0; q < n; q++) {
                    sum += sitesAt[q] * backbone[mine * n + q];
                }
                b = accepted.size() < 2 ? 1 : sum / (accepted.size() - 1);
            }
            out.add(d.withAvailability(access * b));
        }
        return out;
    }

    static Site anchor(List<Site> sites, Topology topology) {
        List<Site> candidates = topology == Topology.HUB_SPOKE && sites.stream().anyMatch(s -> s.role() == SiteRole.HUB)
                ? sites.stream().filter(s -> s.role() == SiteRole.HUB).toList()
                : sites;
        return candidates.stream()
                .max(Comparator.comparingDouble(Site::bandwidthMbps))
                .map(best -> candidates.stream()
                        .filter(s -> s.bandwidthMbps() == best.bandwidthMbps())
                        .findFirst()
                        .orElseThrow())
                .orElseThrow(() -> new IllegalArgumentException("no sites to design"));
    }

    private static Design.SiteDesign site(
            Network n,
            Router router,
            Availability availability,
            PartnerBook partners,
            Site s,
            List<Homing.Tail> tails,
            PopId anchorPop,
            boolean isAnchor) {
        if (s.resilience().twoPops()
                && (tails.size() < 2 || tails.get(0).pop().equals(tails.get(1).pop()))) {
            return refuse(
                    s,
                    tails,
                    s.resilience().label() + " needs two PoPs; " + n.name() + " offers only "
                            + tails.get(0).pop() + " near " + s.id());
        }
        Optional<Path> first =
                isAnchor ? Optional.empty() : router.shortest(tails.get(0).pop(), anchorPop);
        if (!isAnchor && first.isEmpty() && !tails.get(0).pop().equals(anchorPop)) {
            return refuse(s, tails, "no backbone path from " + tails.get(0).pop() + " to " + anchorPop);
        }
        double backbone = first.map(p -> transit(availability, p)).orElse(1.0);
        Optional<Path> protection = Optional.empty();
        if (s.resilience() == Resilience.SRLG_DIVERSE && !isAnchor) {
            Optional<Path> second =
                    srlgDisjoint(n, router, first.orElse(null), tails.get(1).pop(), anchorPop);
            if (second.isEmpty()) {
                return refuse(
                        s,
                        tails,
                        "srlg-diverse: no path from " + tails.get(1).pop() + " to " + anchorPop
                                + " avoids every SRLG and transit PoP of the path from "
                                + tails.get(0).pop()
                                + sharedRisks(
                                        n,
                                        router,
                                        first.orElse(null),
                                        tails.get(1).pop(),
                                        anchorPop));
            }
            backbone = 1 - (1 - backbone) * (1 - transit(availability, second.get()));
            protection = second;
        }
        double access = access(availability.model(), partners, s, tails);
        return new Design.SiteDesign(s, tails, access * backbone, first, Optional.empty(), protection);
    }

    private static Design.SiteDesign refuse(Site s, List<Homing.Tail> tails, String why) {
        return new Design.SiteDesign(s, tails, 0, Optional.empty(), Optional.of(why));
    }

    /**
     * Availability of the tails and the PoPs they land on. An on-net tail is the operator's fibre, repaired in
     * the model's time; an off-net tail is the partner's in the site's country ({@link #tail}).
     */
    private static double access(AvailabilityModel model, PartnerBook partners, Site s, List<Homing.Tail> tails) {
        double tail0 = tail(model, partners, s, tails.get(0));
        double leg0 = tail0 * model.popAvailability();
        return switch (s.resilience()) {
            case SINGLE -> leg0;
            // two circuits on one route: a cut takes both (Openreach RO1 against RO2: only a diverse-entry
            // order guarantees separate routes); the second circuit protects equipment, not modelled here
            case DUAL_ACCESS -> leg0;
            case DUAL_ACCESS_DIVERSE -> (1 - Math.pow(1 - tail0, 2)) * model.popAvailability();
            case POP_DIVERSE, SRLG_DIVERSE ->
                1 - (1 - leg0) * (1 - tail(model, partners, s, tails.get(1)) * model.popAvailability());
        };
    }

    /**
     * Availability of one tail of {@code s}: on-net, the operator's cable of the tail's length; off-net, the
     * partner's guaranteed availability when its contract gives one, else a cable of that length cut at the
     * model's rate and repaired in the partner's time.
     */
    private static double tail(AvailabilityModel model, PartnerBook partners, Site s, Homing.Tail t) {
        if (t.onNet()) {
            return model.cable(t.km());
        }
        PartnerBook.Partner p = partners.forCountry(s.country());
        if (p.availabilityPct().isPresent()) {
            return p.availabilityPct().getAsDouble() / 100;
        }
        return model.cable(t.km(), p.mttrHours());
    }

    /** Availability of a backbone path without its two end PoPs (counted with the access). */
    private static double transit(Availability availability, Path p) {
        Map<String, Double> e = new LinkedHashMap<>(availability.elements(p));
        e.remove("pop:" + p.from());
        e.remove("pop:" + p.to());
        return e.values().stream().reduce(1.0, (x, y) -> x * y);
    }

    private static Mask avoiding(Network n, Path p) {
        Set<SrlgId> risks = new LinkedHashSet<>();
        p.spans().forEach(id -> risks.addAll(n.span(id).orElseThrow().srlgs()));
        Mask mask = Mask.none().withSpans(n, p.spans()).withSrlgs(n, risks);
        List<PopId> transit = p.pops().subList(1, p.pops().size() - 1);
        return mask.withPops(n, transit);
    }

    private static Optional<Path> srlgDisjoint(Network n, Router router, Path first, PopId from, PopId to) {
        if (from.equals(to)) {
            return Optional.of(new Path(List.of(from), List.of(), 0, 0, 0));
        }
        return router.shortest(from, to, first == null ? Mask.none() : avoiding(n, first));
    }

    private static String sharedRisks(Network n, Router router, Path first, PopId from, PopId to) {
        Optional<Path> plain = router.shortest(from, to);
        if (first == null || plain.isEmpty()) {
            return "";
        }
        Set<SrlgId> a = new LinkedHashSet<>();
        first.spans().forEach(id -> a.addAll(n.span(id).orElseThrow().srlgs()));
        Set<SrlgId> shared = new java.util.TreeSet<>();
        plain.get()
                .spans()
                .forEach(id -> n.span(id).orElseThrow().srlgs().stream()
                        .filter(a::contains)
                        .forEach(shared::add));
        return shared.isEmpty() ? "" : "; the shortest alternative shares " + shared;
    }

    /**
     * CSPF: the lowest-latency path with {@code gbps} left on every span after what the service already
     * takes ({@code left}, by span index); when none has, the lowest-latency path anyway (the span load then
     * shows the overload). The shortest path is tried first: when it has the bandwidth it is the answer.
     */
    private static Path route(Network n, Router router, PopId a, PopId b, double gbps, double[] left) {
        Path shortest = router.shortest(a, b).orElseThrow(() -> new IllegalStateException("no path " + a + "–" + b));
        boolean fits = true;
        for (SpanId s : shortest.spans()) {
            fits &= left[n.indexOf(s)] >= gbps;
        }
        if (fits) {
            return shortest;
        }
        Route r = router.constrained(a, b, Constraints.none().withBandwidth(gbps), left);
        return r instanceof Route.Found f ? f.path() : shortest;
    }

    /**
     * Every talking site pair's round trip, made when asked from compact arrays (two site indices, a PoP-pair
     * bundle and the Gbps a pair: 20 bytes, not a record) — a 5,000-site any-to-any design has 12.5 million
     * pairs. Immutable.
     */
    static final class PairList extends java.util.AbstractList<Design.PairLatency> implements java.util.RandomAccess {
        private final List<Design.SiteDesign> sites;
        private final int[] a;
        private final int[] b;
        private final int[] bundle;
        private final double[] gbps;
        private final double[] bundleMs;
        private final DesignOptions o;

        /** Each site's position as a unit vector (x, y, z), to place a pair in its distance band by a dot product. */
        private final double[] unit;
        /** cos(band's distance ÷ Earth's radius) per band: a pair whose dot product reaches it is within the band. */
        private final double[] cosUpTo;

        PairList(
                List<Design.SiteDesign> sites,
                int[] a,
                int[] b,
                int[] bundle,
                double[] gbps,
                double[] bundleMs,
                DesignOptions o) {
            this.sites = List.copyOf(sites);
            this.a = a;
            this.b = b;
            this.bundle = bundle;
            this.gbps = gbps;
            this.bundleMs = bundleMs;
            this.o = o;
            this.unit = org.wanplan.model.Geodesy.unitVectors(
                    this.sites.stream().map(x -> x.site().location()).toList());
            this.cosUpTo = o.rtt().bands().stream()
                    .mapToDouble(band -> org.wanplan.model.Geodesy.cosOfArc(band.upToKm()))
                    .toArray();
        }

        /** Every pair's round trip in ms, in list order, without making the pairs. */
        double[] rtts() {
            double[] tailMs = new double[sites.size()];
            for (int i = 0; i < tailMs.length; i++) {
                tailMs[i] = sites.get(i).tails().get(0).km();
            }
            double[] out = new double[a.length];
            for (int k = 0; k < out.length; k++) {
                out[k] = 2 * (Fibre.latencyMs(tailMs[a[k]] + tailMs[b[k]]) + bundleMs[bundle[k]]);
            }
            return out;
        }

        /** The distance band of pair {@code k}: the first whose great circle reaches the pair's. */
        int band(int k) {
            double dot = org.wanplan.model.Geodesy.dot(unit, a[k], unit, b[k]);
            for (int i = 0; i < cosUpTo.length - 1; i++) {
                if (dot >= cosUpTo[i]) {
                    return i;
                }
            }
            return cosUpTo.length - 1;
        }

        /**
         * How many pairs miss their class's round-trip target, from {@link #rtts()}: for each class (real-time,
         * business, best effort) the count of pairs over their band's target.
         */
        long[] breaches(double[] rtts) {
            List<RttTargets.Band> bands = o.rtt().bands();
            long[] n = new long[3];
            for (int k = 0; k < rtts.length; k++) {
                RttTargets.Band t = bands.get(band(k));
                double r = rtts[k];
                n[0] += r > t.realtimeMs() ? 1 : 0;
                n[1] += r > t.businessMs() ? 1 : 0;
                n[2] += r > t.bestEffortMs() ? 1 : 0;
            }
            return n;
        }

        DesignOptions options() {
            return o;
        }

        @Override
        public Design.PairLatency get(int k) {
            Design.SiteDesign x = sites.get(a[k]);
            Design.SiteDesign y = sites.get(b[k]);
            double rtt = 2
                    * (Fibre.latencyMs(x.tails().get(0).km() + y.tails().get(0).km()) + bundleMs[bundle[k]]);
            RttTargets.Band t = o.rtt().bands().get(band(k));
            return new Design.PairLatency(
                    x.site().id(),
                    y.site().id(),
                    rtt,
                    x.site().location().distanceKm(y.site().location()),
                    gbps[k],
                    rtt <= t.realtimeMs(),
                    rtt <= t.businessMs(),
                    rtt <= t.bestEffortMs());
        }

        @Override
        public int size() {
            return a.length;
        }
    }
}
