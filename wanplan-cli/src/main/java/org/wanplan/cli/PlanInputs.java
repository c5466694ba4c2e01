package org.wanplan.cli;

import java.util.ArrayList;
import java.util.List;
import org.wanplan.model.Demand;
import org.wanplan.model.FibreLength;
import org.wanplan.model.Network;
import org.wanplan.planning.Link;
import org.wanplan.planning.Module;
import org.wanplan.planning.PlanningProblem;
import org.wanplan.planning.Survivability;

/** Planning problems for wanplan networks: installed capacity plus a 10G/100G/400G module catalogue. */
final class PlanInputs {
    /**
     * The default module catalogue for wanplan networks, in relative cost units per module: a fixed
     * part (transponders, line cards) and a part per km (amplifiers, spectrum). 100G costs 4× a 10G for
     * 10× the capacity, 400G 2.5× a 100G for 4× — the economies of scale of coherent optics.
     */
    static List<Module> catalogue(double km) {
        return List.of(
                new Module("10G", 10, 1.0 + 0.002 * km),
                new Module("100G", 100, 4.0 + 0.008 * km),
                new Module("400G", 400, 10.0 + 0.02 * km));
    }

    private PlanInputs() {}

    static PlanningProblem fromNetwork(
            Network n, List<Demand> demands, Survivability survivability, int years, double growth, int maxHops) {
        List<Link> links = new ArrayList<>();
        for (int e = 0; e < n.spans().size(); e++) {
            double km = n.spans().get(e).length().map(FibreLength::km).orElse(0.0);
            links.add(new Link(e, n.spans().get(e).capacityGbps(), 0, 0, catalogue(km)));
        }
        return new PlanningProblem(
                n,
                links,
                demands,
                survivability,
                years,
                growth,
                PlanningProblem.DEFAULT_DISCOUNT_RATE,
                java.util.Collections.nCopies(demands.size(), maxHops));
    }
}
