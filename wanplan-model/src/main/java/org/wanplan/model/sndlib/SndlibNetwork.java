package org.wanplan.model.sndlib;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.wanplan.model.Network;
import org.wanplan.model.PopId;
import org.wanplan.model.SpanId;

/**
 * An SNDlib network file as read: the {@link Network} plus what SNDlib says beyond topology (module
 * catalogues, costs, demands), in SNDlib's own units.
 *
 * <p>Span capacities in {@link #network()} are the pre-installed capacities converted to Gbps from
 * {@link #unit()} ({@code BITSPERSEC}, {@code MBITPERSEC}, {@code GBITPERSEC}); files without a unit
 * use abstract units, taken as Gbps. PoPs get a location only when the coordinates are geographical
 * (XML {@code coordinatesType}; for native files, when every node's (x, y) is a valid (lon, lat)).
 *
 * @param unit the META unit, when the file gives one
 */
public record SndlibNetwork(
        Network network, Optional<String> unit, boolean geographical, List<Link> links, List<Demand> demands) {
    public SndlibNetwork {
        Objects.requireNonNull(network, "network");
        links = List.copyOf(links);
        demands = List.copyOf(demands);
    }

    /** A module that can be installed on a link: capacity in the file's unit and its cost. */
    public record Module(double capacity, double cost) {}

    /** An SNDlib link, undirected, with its pre-installed module and catalogue of additional modules. */
    public record Link(
            SpanId id,
            PopId source,
            PopId target,
            double preInstalledCapacity,
            double preInstalledCost,
            double routingCost,
            double setupCost,
            List<Module> modules) {
        public Link {
            modules = List.copyOf(modules);
        }
    }

    /**
     * A demand between two nodes, in the file's unit.
     *
     * @param maxPathLength hop limit; empty for {@code UNLIMITED}
     */
    public record Demand(
            String id, PopId source, PopId target, int routingUnit, double value, OptionalInt maxPathLength) {}

    /** Sum of all demand values, in the file's unit. */
    public double totalDemand() {
        return demands.stream().mapToDouble(Demand::value).sum();
    }

    /** Gbps per unit of capacity for a META unit; 1 for files without one. */
    public static double gbpsPerUnit(Optional<String> unit) {
        return switch (unit.orElse("")) {
            case "BITSPERSEC" -> 1e-9;
            case "KBITPERSEC" -> 1e-6;
            case "MBITPERSEC" -> 1e-3;
            case "GBITPERSEC" -> 1;
            case "TBITPERSEC" -> 1e3;
            default -> 1;
        };
    }
}
