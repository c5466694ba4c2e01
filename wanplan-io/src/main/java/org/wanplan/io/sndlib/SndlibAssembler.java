package org.wanplan.io.sndlib;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.wanplan.io.input.ImportOptions;
import org.wanplan.io.input.InputException;
import org.wanplan.io.input.Problems;
import org.wanplan.model.FibreLength;
import org.wanplan.model.GeoPoint;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.PopId;
import org.wanplan.model.Span;
import org.wanplan.model.SpanId;
import org.wanplan.model.sndlib.SndlibNetwork;

/** Turns the raw rows both SNDlib readers produce into an {@link SndlibNetwork}, checking them. */
final class SndlibAssembler {
    record RawNode(int line, String id, OptionalDouble x, OptionalDouble y) {}

    record RawLink(int line, SndlibNetwork.Link link) {}

    record RawDemand(int line, SndlibNetwork.Demand demand) {}

    /**
     * The largest capacity, cost or demand value accepted: 10^12 in the file's own units. SNDlib's
     * instances stay below 10^7; a larger number is a typo or a unit error, and 1e308 would overflow
     * every sum.
     */
    static final double MAX_VALUE = 1e12;
    /** Node coordinates: longitude/latitude, or a drawing's units for non-geographical instances. */
    static final double MAX_COORDINATE = 1e9;

    private SndlibAssembler() {}

    static SndlibNetwork assemble(
            String name,
            Optional<String> unit,
            Optional<Boolean> declaredGeographical,
            List<RawNode> nodes,
            List<RawLink> links,
            List<RawDemand> demands,
            ImportOptions options,
            Problems problems)
            throws InputException {
        boolean geographical = declaredGeographical.orElseGet(() -> nodes.stream()
                .allMatch(n -> n.x().isPresent()
                        && n.y().isPresent()
                        && GeoPoint.problems(n.y().getAsDouble(), n.x().getAsDouble())
                                .isEmpty()));
        Network.Builder builder = Network.builder(name);
        Map<String, GeoPoint> located = new HashMap<>();
        for (RawNode n : nodes) {
            if (org.wanplan.model.Ids.problem(n.id()).isPresent()) {
                continue; // the reader has reported it at its line
            }
            Optional<GeoPoint> location = Optional.empty();
            if (geographical && n.x().isPresent() && n.y().isPresent()) {
                List<String> bad = GeoPoint.problems(n.y().getAsDouble(), n.x().getAsDouble());
                bad.forEach(m -> problems.add(n.line(), "node " + n.id() + ": " + m));
                if (bad.isEmpty()) {
                    location = Optional.of(new GeoPoint(n.y().getAsDouble(), n.x().getAsDouble()));
                    located.put(n.id(), location.get());
                }
            }
            builder.pop(new Pop(PopId.of(n.id()), n.id(), Optional.empty(), location, java.util.OptionalLong.empty()));
            problems.popAt(n.line());
        }
        double toGbps = SndlibNetwork.gbpsPerUnit(unit);
        for (RawLink raw : links) {
            SndlibNetwork.Link l = raw.link();
            GeoPoint a = located.get(l.source().value());
            GeoPoint b = located.get(l.target().value());
            Optional<FibreLength> length = a != null && b != null
                    ? Optional.of(FibreLength.estimated(a, b, options.routeFactor()))
                    : Optional.empty();
            double gbps = l.preInstalledCapacity() * toGbps;
            Optional<String> bad = Span.capacityProblem(gbps);
            if (bad.isPresent()) {
                problems.add(
                        raw.line(),
                        "link " + l.id() + ": pre-installed capacity must be ≥ 0, was " + l.preInstalledCapacity());
                continue;
            }
            builder.span(new Span(l.id(), l.source(), l.target(), length, gbps, List.of(), false));
            problems.spanAt(raw.line());
        }
        Set<String> nodeIds = new HashSet<>();
        nodes.forEach(n -> nodeIds.add(n.id()));
        Set<String> demandIds = new HashSet<>();
        for (RawDemand raw : demands) {
            SndlibNetwork.Demand d = raw.demand();
            if (!demandIds.add(d.id())) {
                problems.add(raw.line(), "duplicate demand id '" + d.id() + "'");
            }
            for (PopId end : List.of(d.source(), d.target())) {
                if (!nodeIds.contains(end.value())) {
                    problems.add(raw.line(), "demand " + d.id() + ": unknown node '" + end + "'");
                }
            }
            if (!(d.value() >= 0)) {
                problems.add(raw.line(), "demand " + d.id() + ": value must be ≥ 0, was " + d.value());
            }
        }
        Network network = problems.build(builder);
        return new SndlibNetwork(
                network,
                unit,
                geographical,
                links.stream().map(RawLink::link).toList(),
                demands.stream().map(RawDemand::demand).toList());
    }

    static List<SndlibNetwork.Module> modules(List<Double> numbers) {
        List<SndlibNetwork.Module> modules = new ArrayList<>();
        for (int i = 0; i + 1 < numbers.size(); i += 2) {
            modules.add(new SndlibNetwork.Module(numbers.get(i), numbers.get(i + 1)));
        }
        return modules;
    }

    static SpanId spanId(String id) {
        return SpanId.of(id);
    }
}
