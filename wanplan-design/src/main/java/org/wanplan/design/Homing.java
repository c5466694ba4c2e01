package org.wanplan.design;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.PopId;
import org.wanplan.model.Resilience;
import org.wanplan.model.Site;

/**
 * Attaches sites to PoPs: the nearest PoP by access route (great-circle × {@link #accessRouteFactor},
 * since local loops follow streets and ducts even more than long-haul fibre does), two nearest
 * distinct PoPs for PoP- and SRLG-diverse sites, two tails to the nearest PoP for dual access. A tail
 * is on-net within {@link #onNetRadiusKm} of access route, otherwise an off-net leased tail.
 *
 * @param accessRouteFactor tail km per great-circle km (default 1.5)
 * @param onNetRadiusKm the operator's own access reach around a PoP (default 25 km)
 */
public record Homing(double accessRouteFactor, double onNetRadiusKm) {
    public Homing {
        if (!(accessRouteFactor >= 1) || !(onNetRadiusKm >= 0)) {
            throw new IllegalArgumentException("access route factor must be ≥ 1 and on-net radius ≥ 0, were "
                    + accessRouteFactor + ", " + onNetRadiusKm);
        }
    }

    public static Homing defaults() {
        return new Homing(1.5, 25.0);
    }

    /** One access tail: the PoP it lands on, its length, and whether it is the operator's own. */
    public record Tail(PopId pop, double km, boolean onNet) {}

    /** Tails for {@code site}: one, or two (dual access, PoP- or SRLG-diverse). */
    public List<Tail> tails(Network network, Site site) {
        List<Pop> byDistance = network.pops().stream()
                .filter(p -> p.location().isPresent())
                .sorted(Comparator.comparingDouble((Pop p) -> p.location().get().distanceKm(site.location()))
                        .thenComparing(p -> p.id().value()))
                .limit(2)
                .toList();
        if (byDistance.isEmpty()) {
            throw new IllegalArgumentException(network.name() + " has no located PoP to home " + site.id() + " on");
        }
        List<Tail> tails = new ArrayList<>();
        tails.add(tail(byDistance.get(0), site));
        if (site.resilience() == Resilience.DUAL_ACCESS) {
            tails.add(tail(byDistance.get(0), site));
        } else if (site.resilience().twoPops() && byDistance.size() > 1) {
            tails.add(tail(byDistance.get(1), site));
        }
        return tails;
    }

    private Tail tail(Pop pop, Site site) {
        double km = pop.location().get().distanceKm(site.location()) * accessRouteFactor;
        return new Tail(pop.id(), km, km <= onNetRadiusKm);
    }
}
