package org.wanplan.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.wanplan.model.Demand;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.PopId;
import org.wanplan.model.ServiceClass;

/**
 * Traffic matrices from the gravity model: traffic between two PoPs proportional to the product of
 * their masses. The mass is the metro population, or a site's access bandwidth (the way Juniper's
 * planner sizes a new VPN from its access links and a subscription ratio).
 */
public final class Gravity {
    private Gravity() {}

    /**
     * Demands between PoP pairs with T_ij = T · P_i · P_j / Σ_{k&lt;l} P_k · P_l over all pairs i &lt; j
     * (PoPs without a population count as the smallest known one). With {@code maxDemands} smaller than
     * the number of pairs, only the heaviest pairs are kept (ties by PoP order) and rescaled so that
     * the total is still {@code totalGbps}.
     */
    public static List<Demand> fromPopulation(Network network, double totalGbps, int maxDemands) {
        List<Pop> pops = network.pops();
        long smallest = pops.stream()
                .filter(p -> p.population().isPresent() && p.population().getAsLong() > 0)
                .mapToLong(p -> p.population().getAsLong())
                .min()
                .orElse(1);
        double[] mass = new double[pops.size()];
        for (int i = 0; i < mass.length; i++) {
            long people = pops.get(i).population().orElse(0);
            mass[i] = people > 0 ? people : smallest;
        }
        return pairs(pops, mass, totalGbps, maxDemands);
    }

    /**
     * Demands from access bandwidths: T_ij = A_i · A_j / ΣA ÷ {@code subscriptionRatio}, so that each
     * site sends about its access rate divided by the ratio.
     */
    public static List<Demand> fromAccess(Network network, Map<PopId, Double> accessGbps, double subscriptionRatio) {
        if (!(subscriptionRatio >= 1)) {
            throw new IllegalArgumentException("subscription ratio must be ≥ 1, was " + subscriptionRatio);
        }
        List<Pop> pops = network.pops();
        double[] mass = new double[pops.size()];
        double sum = 0;
        for (int i = 0; i < mass.length; i++) {
            mass[i] = accessGbps.getOrDefault(pops.get(i).id(), 0.0);
            sum += mass[i];
        }
        double total = 0;
        for (int i = 0; i < mass.length; i++) {
            for (int j = i + 1; j < mass.length; j++) {
                total += mass[i] * mass[j] / sum / subscriptionRatio;
            }
        }
        return pairs(pops, mass, total, Integer.MAX_VALUE);
    }

    private static List<Demand> pairs(List<Pop> pops, double[] mass, double totalGbps, int maxDemands) {
        record Pair(int i, int j, double weight) {}
        List<Pair> all = new ArrayList<>();
        for (int i = 0; i < mass.length; i++) {
            for (int j = i + 1; j < mass.length; j++) {
                if (mass[i] > 0 && mass[j] > 0) {
                    all.add(new Pair(i, j, mass[i] * mass[j]));
                }
            }
        }
        if (all.size() > maxDemands) {
            all.sort(Comparator.comparingDouble((Pair p) -> -p.weight())
                    .thenComparingInt(Pair::i)
                    .thenComparingInt(Pair::j));
            all = new ArrayList<>(all.subList(0, maxDemands));
            all.sort(Comparator.comparingInt(Pair::i).thenComparingInt(Pair::j));
        }
        double sum = all.stream().mapToDouble(Pair::weight).sum();
        List<Demand> demands = new ArrayList<>(all.size());
        for (Pair p : all) {
            demands.add(new Demand(
                    "g-" + pops.get(p.i()).id() + "-" + pops.get(p.j()).id(),
                    pops.get(p.i()).id(),
                    pops.get(p.j()).id(),
                    totalGbps * p.weight() / sum,
                    ServiceClass.BEST_EFFORT));
        }
        return demands;
    }
}
