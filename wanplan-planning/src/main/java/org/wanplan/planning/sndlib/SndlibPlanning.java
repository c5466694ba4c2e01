package org.wanplan.planning.sndlib;

import java.util.ArrayList;
import java.util.List;
import org.wanplan.model.Demand;
import org.wanplan.model.Network;
import org.wanplan.model.ServiceClass;
import org.wanplan.model.sndlib.SndlibModel;
import org.wanplan.model.sndlib.SndlibNetwork;
import org.wanplan.planning.Link;
import org.wanplan.planning.LinkModel;
import org.wanplan.planning.Module;
import org.wanplan.planning.PlanningProblem;
import org.wanplan.planning.Survivability;

/**
 * An SNDlib instance (network + model) as a planning problem. Supported: undirected links and demands, or
 * directed demands on undirected, bidirected or directed links (SNDlib's {@code D-B-…}: each direction has
 * the link's capacity, routing cost on the larger direction),
 * modular, single-modular (the first module type) or explicit capacities, continuous routing over all
 * paths, hop limits ignored or individual, no fixed charge, survivability N or U. Anything else is
 * refused with every unsupported attribute named ({@link UnsupportedModelException}).
 */
public final class SndlibPlanning {
    private SndlibPlanning() {}

    public static PlanningProblem problem(SndlibNetwork s, SndlibModel model, int years, double growth)
            throws UnsupportedModelException {
        List<String> unsupported = new ArrayList<>();
        String linkText = model.get("LINK_MODEL").orElse("?");
        String demandText = model.get("DEMAND_MODEL").orElse("?");
        LinkModel linkModel = switch (linkText) {
            case "UNDIRECTED" -> LinkModel.UNDIRECTED;
            case "BIDIRECTED" -> LinkModel.BIDIRECTED;
            case "DIRECTED" -> LinkModel.DIRECTED;
            default -> {
                unsupported.add("LINK_MODEL = " + linkText + " (supported: UNDIRECTED, BIDIRECTED, DIRECTED)");
                yield LinkModel.UNDIRECTED;
            }
        };
        boolean directedDemands = demandText.equals("DIRECTED");
        if (!directedDemands && !demandText.equals("UNDIRECTED")) {
            unsupported.add("DEMAND_MODEL = " + demandText + " (supported: UNDIRECTED, DIRECTED)");
        } else if (!directedDemands && linkModel != LinkModel.UNDIRECTED) {
            unsupported.add("DEMAND_MODEL = UNDIRECTED with LINK_MODEL = " + linkText
                    + " (undirected demands are planned on undirected links)");
        }
        require(model, "ROUTING_MODEL", "CONTINUOUS", unsupported);
        require(model, "ADMISSIBLE_PATH_MODEL", "ALL_PATHS", unsupported);
        String hops = model.get("HOP_LIMIT_MODEL").orElse("?");
        boolean hopLimits = hops.equals("INDIVIDUAL_HOP_LIMITS");
        if (!hopLimits && !hops.equals("IGNORE_HOP_LIMITS")) {
            unsupported.add("HOP_LIMIT_MODEL = " + hops + " (supported: IGNORE_HOP_LIMITS, INDIVIDUAL_HOP_LIMITS)");
        }
        if (hopLimits && linkModel != LinkModel.UNDIRECTED) {
            unsupported.add("HOP_LIMIT_MODEL = INDIVIDUAL_HOP_LIMITS with LINK_MODEL = " + linkText
                    + " (hop limits are planned on undirected links)");
        }
        require(model, "FIXED_CHARGE_MODEL", "NO", unsupported);
        String capacity = model.get("LINK_CAPACITY_MODEL").orElse("?");
        boolean explicit = capacity.equals("EXPLICIT_LINK_CAPACITIES");
        if (!capacity.equals("MODULAR_LINK_CAPACITIES") && !capacity.equals("SINGLE_MODULAR_CAPACITIES") && !explicit) {
            unsupported.add("LINK_CAPACITY_MODEL = " + capacity + " (supported: MODULAR_LINK_CAPACITIES,"
                    + " SINGLE_MODULAR_CAPACITIES, EXPLICIT_LINK_CAPACITIES)");
        }
        if (explicit && years > 1) {
            unsupported.add(
                    "EXPLICIT_LINK_CAPACITIES over " + years + " years (explicit capacities are planned for one year)");
        }
        String survive = model.get("SURVIVABILITY_MODEL").orElse("?");
        Survivability survivability = switch (survive) {
            case "NO_SURVIVABILITY" -> Survivability.NONE;
            case "UNRESTRICTED_FLOW_RECONFIGURATION" -> Survivability.SPAN;
            default -> {
                unsupported.add("SURVIVABILITY_MODEL = " + survive
                        + " (supported: NO_SURVIVABILITY, UNRESTRICTED_FLOW_RECONFIGURATION)");
                yield Survivability.NONE;
            }
        };
        if (!unsupported.isEmpty()) {
            throw new UnsupportedModelException(unsupported);
        }
        Network n = s.network();
        List<Link> links = new ArrayList<>();
        for (int e = 0; e < n.spans().size(); e++) {
            SndlibNetwork.Link l = s.links().get(e);
            List<Module> modules = new ArrayList<>();
            for (SndlibNetwork.Module m : l.modules()) {
                String name = m.capacity() == Math.rint(m.capacity())
                        ? Long.toString((long) m.capacity())
                        : Double.toString(m.capacity());
                modules.add(new Module(name, m.capacity(), m.cost()));
                if (capacity.equals("SINGLE_MODULAR_CAPACITIES")) {
                    break; // one module type: the first listed
                }
            }
            links.add(new Link(e, l.preInstalledCapacity(), l.preInstalledCost(), l.routingCost(), modules, explicit));
        }
        List<Demand> demands = new ArrayList<>();
        List<Integer> maxHops = new ArrayList<>();
        for (SndlibNetwork.Demand d : s.demands()) {
            if (d.value() > 0 && !d.source().equals(d.target())) {
                demands.add(new Demand(d.id(), d.source(), d.target(), d.value(), ServiceClass.BEST_EFFORT));
                maxHops.add(
                        hopLimits ? d.maxPathLength().orElse(PlanningProblem.UNLIMITED) : PlanningProblem.UNLIMITED);
            }
        }
        return new PlanningProblem(
                n,
                links,
                demands,
                survivability,
                years,
                growth,
                PlanningProblem.DEFAULT_DISCOUNT_RATE,
                maxHops,
                linkModel,
                directedDemands);
    }

    private static void require(SndlibModel model, String key, String value, List<String> unsupported) {
        String actual = model.get(key).orElse("?");
        if (!actual.equals(value)) {
            unsupported.add(key + " = " + actual + " (supported: " + value + ")");
        }
    }
}
