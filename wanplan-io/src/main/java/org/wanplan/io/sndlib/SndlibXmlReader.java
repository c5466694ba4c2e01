package org.wanplan.io.sndlib;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.wanplan.io.input.ImportOptions;
import org.wanplan.io.input.InputException;
import org.wanplan.io.input.Problems;
import org.wanplan.model.PopId;
import org.wanplan.model.sndlib.SndlibNetwork;

/**
 * Reads SNDlib's XML network format ({@code <network xmlns="http://sndlib.zib.de/network">}): nodes
 * with coordinates, links with pre-installed and additional modules, demands.
 */
public final class SndlibXmlReader {
    private final ImportOptions options;

    public SndlibXmlReader(ImportOptions options) {
        this.options = options;
    }

    /** The fields of the element being read; SNDlib nests one node, link or demand at a time. */
    private static final class Current {
        int line;
        String id;
        String source;
        String target;
        String x;
        String y;
        String preCapacity = "0";
        String preCost = "0";
        String routingCost = "0";
        String setupCost = "0";
        String value;
        String routingUnit = "1";
        String maxPathLength;
        String moduleCapacity;
        final List<Double> modules = new ArrayList<>();
    }

    public SndlibNetwork read(InputStream in, String file, String name) throws InputException {
        Problems problems = new Problems(file);
        List<SndlibAssembler.RawNode> nodes = new ArrayList<>();
        List<SndlibAssembler.RawLink> links = new ArrayList<>();
        List<SndlibAssembler.RawDemand> demands = new ArrayList<>();
        Optional<String> unit = Optional.empty();
        Optional<Boolean> geographical = Optional.empty();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        Deque<String> path = new ArrayDeque<>();
        Current c = new Current();
        boolean isNetwork = false;
        try {
            XMLStreamReader r = factory.createXMLStreamReader(in);
            StringBuilder text = new StringBuilder();
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String el = r.getLocalName();
                    if (path.isEmpty()) {
                        isNetwork = el.equals("network");
                        if (!isNetwork) {
                            throw InputException.of(
                                    file,
                                    r.getLocation().getLineNumber(),
                                    "not an SNDlib network: root is <" + el + ">");
                        }
                    }
                    path.push(el);
                    text.setLength(0);
                    if (el.equals("nodes")) {
                        String type = r.getAttributeValue(null, "coordinatesType");
                        geographical = Optional.ofNullable(type).map("geographical"::equals);
                    }
                    if (el.equals("node") || el.equals("link") || el.equals("demand")) {
                        c = new Current();
                        c.line = r.getLocation().getLineNumber();
                        c.id = r.getAttributeValue(null, "id");
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text.append(r.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String el = path.pop();
                    String parent = path.isEmpty() ? "" : path.peek();
                    String v = text.toString().strip();
                    text.setLength(0);
                    switch (el) {
                        case "unit" -> unit = v.isEmpty() ? Optional.empty() : Optional.of(v);
                        case "x" -> c.x = v;
                        case "y" -> c.y = v;
                        case "source" -> c.source = v;
                        case "target" -> c.target = v;
                        case "capacity" -> {
                            if (parent.equals("preInstalledModule")) {
                                c.preCapacity = v;
                            } else {
                                c.moduleCapacity = v;
                            }
                        }
                        case "cost" -> {
                            if (parent.equals("preInstalledModule")) {
                                c.preCost = v;
                            } else if (c.moduleCapacity != null) {
                                c.modules.add(problems.number(
                                                c.line,
                                                "module capacity",
                                                c.moduleCapacity,
                                                0,
                                                SndlibAssembler.MAX_VALUE)
                                        .orElse(0));
                                c.modules.add(problems.number(c.line, "module cost", v, 0, SndlibAssembler.MAX_VALUE)
                                        .orElse(0));
                                c.moduleCapacity = null;
                            }
                        }
                        case "routingCost" -> c.routingCost = v;
                        case "setupCost" -> c.setupCost = v;
                        case "demandValue" -> c.value = v;
                        case "routingUnit" -> c.routingUnit = v;
                        case "maxPathLength" -> c.maxPathLength = v;
                        case "node" -> nodes.add(node(c, problems));
                        case "link" -> link(c, problems).ifPresent(links::add);
                        case "demand" -> demand(c, problems).ifPresent(demands::add);
                        default -> {}
                    }
                }
            }
            r.close();
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            String m = e.getMessage();
            int i = m.indexOf("Message: ");
            throw InputException.of(file, line, "malformed XML: " + (i >= 0 ? m.substring(i + 9) : m));
        }
        if (!isNetwork) {
            throw InputException.of(file, 1, "not an SNDlib network: no <network> root element");
        }
        return SndlibAssembler.assemble(name, unit, geographical, nodes, links, demands, options, problems);
    }

    private static SndlibAssembler.RawNode node(Current c, Problems problems) {
        if (c.id == null) {
            problems.add(c.line, "node has no id");
        } else {
            problems.id(c.line, "node id", c.id);
        }
        OptionalDouble x = c.x == null
                ? OptionalDouble.empty()
                : problems.number(c.line, "x", c.x, -SndlibAssembler.MAX_COORDINATE, SndlibAssembler.MAX_COORDINATE);
        OptionalDouble y = c.y == null
                ? OptionalDouble.empty()
                : problems.number(c.line, "y", c.y, -SndlibAssembler.MAX_COORDINATE, SndlibAssembler.MAX_COORDINATE);
        return new SndlibAssembler.RawNode(c.line, c.id == null ? "?" : c.id, x, y);
    }

    private static Optional<SndlibAssembler.RawLink> link(Current c, Problems problems) {
        if (!ends(c, "link", problems)) {
            return Optional.empty();
        }
        OptionalDouble pre =
                problems.number(c.line, "preInstalledModule capacity", c.preCapacity, 0, SndlibAssembler.MAX_VALUE);
        OptionalDouble preCost =
                problems.number(c.line, "preInstalledModule cost", c.preCost, 0, SndlibAssembler.MAX_VALUE);
        OptionalDouble routing = problems.number(c.line, "routingCost", c.routingCost, 0, SndlibAssembler.MAX_VALUE);
        OptionalDouble setup = problems.number(c.line, "setupCost", c.setupCost, 0, SndlibAssembler.MAX_VALUE);
        if (!problems.ids(c.line, "link", c.id, c.source, c.target)
                || pre.isEmpty()
                || preCost.isEmpty()
                || routing.isEmpty()
                || setup.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SndlibAssembler.RawLink(
                c.line,
                new SndlibNetwork.Link(
                        SndlibAssembler.spanId(c.id),
                        PopId.of(c.source),
                        PopId.of(c.target),
                        pre.getAsDouble(),
                        preCost.getAsDouble(),
                        routing.getAsDouble(),
                        setup.getAsDouble(),
                        SndlibAssembler.modules(c.modules))));
    }

    private static Optional<SndlibAssembler.RawDemand> demand(Current c, Problems problems) {
        if (!ends(c, "demand", problems)) {
            return Optional.empty();
        }
        if (c.value == null) {
            problems.add(c.line, "demand " + c.id + " has no demandValue");
            return Optional.empty();
        }
        OptionalDouble value = problems.number(c.line, "demandValue", c.value, 0, SndlibAssembler.MAX_VALUE);
        var unit = problems.integer(c.line, "routingUnit", c.routingUnit);
        OptionalInt max = OptionalInt.empty();
        if (c.maxPathLength != null && !c.maxPathLength.equals("UNLIMITED")) {
            var m = problems.integer(c.line, "maxPathLength", c.maxPathLength);
            max = m.isPresent() ? OptionalInt.of((int) m.getAsLong()) : OptionalInt.empty();
        }
        if (!problems.ids(c.line, "demand", c.id, c.source, c.target) || value.isEmpty() || unit.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SndlibAssembler.RawDemand(
                c.line,
                new SndlibNetwork.Demand(
                        c.id,
                        PopId.of(c.source),
                        PopId.of(c.target),
                        (int) unit.getAsLong(),
                        value.getAsDouble(),
                        max)));
    }

    private static boolean ends(Current c, String what, Problems problems) {
        boolean ok = true;
        if (c.id == null || c.id.isBlank()) {
            problems.add(c.line, what + " has no id");
            ok = false;
        }
        if (c.source == null || c.source.isBlank() || c.target == null || c.target.isBlank()) {
            problems.add(c.line, what + " " + c.id + " needs <source> and <target>");
            ok = false;
        }
        return ok;
    }
}
