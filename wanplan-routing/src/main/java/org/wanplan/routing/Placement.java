package org.wanplan.routing;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.wanplan.model.Demand;
import org.wanplan.model.Network;

/**
 * Places demands on capacity, one at a time, largest first (ties in input order) — the order that
 * packs best greedily, since small demands fit into what the large ones leave. Each demand takes the
 * CSPF path of the router's metric over spans with enough capacity left; with protection it takes a
 * diverse pair (1+1: both paths carry it, both reserve). A demand that does not fit is listed with
 * the reason and reserves nothing.
 */
public final class Placement {
    private Placement() {}

    /** One placed demand: its working path and, when protected, its protection path. */
    public record Placed(Demand demand, Path working, Optional<Path> protection, Optional<Diversity> diversity) {}

    /** A demand that could not be placed, and why. */
    public record Unplaced(Demand demand, String reason) {}

    /**
     * The outcome: placed and unplaced demands, and the load each span carries (by span index, in the
     * network's span order).
     */
    public record Result(Network network, List<Placed> placed, List<Unplaced> unplaced, double[] loadGbps) {
        public Result {
            placed = List.copyOf(placed);
            unplaced = List.copyOf(unplaced);
            loadGbps = loadGbps.clone();
        }

        @Override
        public double[] loadGbps() {
            return loadGbps.clone();
        }

        /** Load ÷ capacity of span {@code s}; +∞ for a loaded span without capacity. */
        public double utilisation(int s) {
            double capacity = network.spans().get(s).capacityGbps();
            return capacity > 0 ? loadGbps[s] / capacity : loadGbps[s] > 0 ? Double.POSITIVE_INFINITY : 0;
        }
    }

    /**
     * Places {@code demands} with {@code router}'s metric.
     *
     * @param protection the diversity asked of every demand, or empty for unprotected placement
     * @param respectCapacity false to route on the metric alone (loads may then exceed capacity)
     */
    public static Result place(
            Router router, List<Demand> demands, Optional<Diversity> protection, boolean respectCapacity) {
        Network n = router.network();
        double[] load = new double[n.spans().size()];
        double[] left = new double[n.spans().size()];
        for (int s = 0; s < left.length; s++) {
            left[s] = n.spans().get(s).capacityGbps();
        }
        List<Demand> order = new ArrayList<>(demands);
        order.sort(Comparator.comparingDouble((Demand d) -> -d.gbps()));
        List<Placed> placed = new ArrayList<>();
        List<Unplaced> unplaced = new ArrayList<>();
        for (Demand d : order) {
            if (n.pop(d.from()).isEmpty() || n.pop(d.to()).isEmpty()) {
                unplaced.add(new Unplaced(d, "unknown PoP " + (n.pop(d.from()).isEmpty() ? d.from() : d.to())));
                continue;
            }
            Mask thin = respectCapacity ? thin(left, d.gbps()) : Mask.none();
            if (protection.isEmpty()) {
                Optional<Walk> w = router.shortestWalk(router.index(d.from()), router.index(d.to()), thin);
                if (w.isEmpty()) {
                    unplaced.add(new Unplaced(d, reason(router, d, respectCapacity)));
                    continue;
                }
                reserve(w.get(), d.gbps(), load, left);
                placed.add(new Placed(d, w.get().toPath(n), Optional.empty(), Optional.empty()));
            } else {
                DiverseResult r = router.diverse(d.from(), d.to(), protection.get(), thin);
                if (r instanceof DiverseResult.Pair p) {
                    reserve(p.working(), n, d.gbps(), load, left);
                    reserve(p.protection(), n, d.gbps(), load, left);
                    placed.add(new Placed(d, p.working(), Optional.of(p.protection()), Optional.of(p.met())));
                } else {
                    unplaced.add(new Unplaced(
                            d,
                            r instanceof DiverseResult.Single
                                    ? "no diverse pair with " + d.gbps() + " Gbps free: "
                                            + r.shortfalls()
                                                    .get(r.shortfalls().size() - 1)
                                                    .reason()
                                    : reason(router, d, respectCapacity)));
                }
            }
        }
        return new Result(n, placed, unplaced, load);
    }

    private static Mask thin(double[] left, double gbps) {
        BitSet thin = new BitSet(left.length);
        for (int s = 0; s < left.length; s++) {
            if (left[s] < gbps) {
                thin.set(s);
            }
        }
        return Mask.none().withSpanIndices(thin);
    }

    private static String reason(Router router, Demand d, boolean respectCapacity) {
        boolean connected = router.shortest(d.from(), d.to()).isPresent();
        return connected && respectCapacity
                ? "no path with " + d.gbps() + " Gbps free on every span"
                : "no path between " + d.from() + " and " + d.to();
    }

    private static void reserve(Walk w, double gbps, double[] load, double[] left) {
        for (int s : w.spans()) {
            load[s] += gbps;
            left[s] -= gbps;
        }
    }

    private static void reserve(Path p, Network n, double gbps, double[] load, double[] left) {
        for (var id : p.spans()) {
            int s = n.indexOf(id);
            load[s] += gbps;
            left[s] -= gbps;
        }
    }
}
