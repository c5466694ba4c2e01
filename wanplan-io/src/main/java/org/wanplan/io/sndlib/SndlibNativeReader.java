package org.wanplan.io.sndlib;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.wanplan.io.input.ImportOptions;
import org.wanplan.io.input.InputException;
import org.wanplan.io.input.Problems;
import org.wanplan.model.PopId;
import org.wanplan.model.sndlib.SndlibNetwork;

/**
 * Reads SNDlib's native text format (sndlib.zib.de, "SNDlib native format; type: network").
 *
 * <p>Sections {@code META}, {@code NODES}, {@code LINKS}, {@code DEMANDS} are read; {@code
 * ADMISSIBLE_PATHS} is skipped (no model here uses explicit paths yet). Every entry is one line:
 *
 * <pre>
 * node:   id ( x y )
 * link:   id ( source target ) preCap preCapCost routingCost setupCost ( {moduleCap moduleCost}* )
 * demand: id ( source target ) routingUnit value maxPathLength|UNLIMITED
 * </pre>
 */
public final class SndlibNativeReader {
    static final String HEADER = "?SNDlib native format; type: network";
    private final ImportOptions options;

    public SndlibNativeReader(ImportOptions options) {
        this.options = options;
    }

    public SndlibNetwork read(Reader in, String file, String name) throws IOException, InputException {
        Problems problems = new Problems(file);
        List<SndlibAssembler.RawNode> nodes = new ArrayList<>();
        List<SndlibAssembler.RawLink> links = new ArrayList<>();
        List<SndlibAssembler.RawDemand> demands = new ArrayList<>();
        Optional<String> unit = Optional.empty();
        BufferedReader r = new BufferedReader(in);
        String section = null;
        int depth = 0;
        int sectionLine = 0;
        int lineNo = 0;
        boolean headerSeen = false;
        for (String raw = r.readLine(); raw != null; raw = r.readLine()) {
            lineNo++;
            String line = raw.strip();
            if (lineNo == 1 && line.startsWith("?")) {
                headerSeen = line.startsWith(HEADER);
                if (!headerSeen) {
                    throw InputException.of(
                            file, 1, "not an SNDlib network file: expected '" + HEADER + "', was '" + line + "'");
                }
                continue;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> t = tokens(line);
            if (section == null) {
                if (t.size() == 2 && t.get(1).equals("(")) {
                    section = t.get(0);
                    sectionLine = lineNo;
                    depth = 1;
                } else {
                    problems.add(lineNo, "expected a section such as 'NODES (', was '" + line + "'");
                }
                continue;
            }
            if (section.equals("ADMISSIBLE_PATHS")) {
                depth += count(t, "(") - count(t, ")");
                if (depth == 0) {
                    section = null;
                }
                continue;
            }
            if (t.size() == 1 && t.get(0).equals(")")) {
                section = null;
                continue;
            }
            switch (section) {
                case "META" -> {
                    int eq = line.indexOf('=');
                    if (eq > 0 && line.substring(0, eq).strip().equals("unit")) {
                        String u = line.substring(eq + 1).strip();
                        unit = u.isEmpty() ? Optional.empty() : Optional.of(u);
                    }
                }
                case "NODES" -> node(t, lineNo, problems).ifPresent(nodes::add);
                case "LINKS" -> link(t, lineNo, problems).ifPresent(links::add);
                case "DEMANDS" -> demand(t, lineNo, problems).ifPresent(demands::add);
                default -> problems.add(lineNo, "unknown section '" + section + "'");
            }
        }
        if (!headerSeen) {
            problems.add(1, "not an SNDlib network file: the first line must be '" + HEADER + "; version: 1.0'");
        }
        if (section != null) {
            problems.add(sectionLine, "section " + section + " is not closed with ')'");
        }
        return SndlibAssembler.assemble(name, unit, Optional.empty(), nodes, links, demands, options, problems);
    }

    private static Optional<SndlibAssembler.RawNode> node(List<String> t, int line, Problems problems) {
        if (!shape(t, "id ( x y )") && !shape(t, "id")) {
            problems.add(line, "node must be 'id ( x y )', was '" + String.join(" ", t) + "'");
            return Optional.empty();
        }
        if (problems.id(line, "node id", t.get(0)).isEmpty()) {
            return Optional.empty();
        }
        if (t.size() == 1) {
            return Optional.of(
                    new SndlibAssembler.RawNode(line, t.get(0), OptionalDouble.empty(), OptionalDouble.empty()));
        }
        return Optional.of(new SndlibAssembler.RawNode(
                line,
                t.get(0),
                problems.number(line, "x", t.get(2), -SndlibAssembler.MAX_COORDINATE, SndlibAssembler.MAX_COORDINATE),
                problems.number(line, "y", t.get(3), -SndlibAssembler.MAX_COORDINATE, SndlibAssembler.MAX_COORDINATE)));
    }

    private static Optional<SndlibAssembler.RawLink> link(List<String> t, int line, Problems problems) {
        // id ( s t ) a b c d ( m1 c1 ... )
        if (t.size() < 11
                || !t.get(1).equals("(")
                || !t.get(4).equals(")")
                || !t.get(9).equals("(")
                || !t.get(t.size() - 1).equals(")")
                || (t.size() - 11) % 2 != 0) {
            problems.add(
                    line,
                    "link must be 'id ( source target ) preCap preCapCost routingCost setupCost ( {cap"
                            + " cost}* )', was '" + String.join(" ", t) + "'");
            return Optional.empty();
        }
        String[] fields = {"pre-installed capacity", "pre-installed capacity cost", "routing cost", "setup cost"};
        double[] v = new double[4];
        boolean ok = true;
        for (int i = 0; i < 4; i++) {
            OptionalDouble d = problems.number(line, fields[i], t.get(5 + i), 0, SndlibAssembler.MAX_VALUE);
            ok &= d.isPresent();
            v[i] = d.orElse(0);
        }
        List<Double> numbers = new ArrayList<>();
        for (int i = 10; i < t.size() - 1; i++) {
            OptionalDouble d = problems.number(line, "module", t.get(i), 0, SndlibAssembler.MAX_VALUE);
            ok &= d.isPresent();
            numbers.add(d.orElse(0));
        }
        ok &= problems.ids(line, "link", t.get(0), t.get(2), t.get(3));
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(new SndlibAssembler.RawLink(
                line,
                new SndlibNetwork.Link(
                        SndlibAssembler.spanId(t.get(0)),
                        PopId.of(t.get(2)),
                        PopId.of(t.get(3)),
                        v[0],
                        v[1],
                        v[2],
                        v[3],
                        SndlibAssembler.modules(numbers))));
    }

    private static Optional<SndlibAssembler.RawDemand> demand(List<String> t, int line, Problems problems) {
        if (!shape(t, "id ( s t ) unit value max")) {
            problems.add(
                    line,
                    "demand must be 'id ( source target ) routingUnit value maxPathLength', was '" + String.join(" ", t)
                            + "'");
            return Optional.empty();
        }
        var unit = problems.integer(line, "routing unit", t.get(5));
        var value = problems.number(line, "demand value", t.get(6), 0, SndlibAssembler.MAX_VALUE);
        OptionalInt max = OptionalInt.empty();
        if (!t.get(7).equals("UNLIMITED")) {
            var m = problems.integer(line, "max path length", t.get(7));
            if (m.isEmpty()) {
                return Optional.empty();
            }
            max = OptionalInt.of((int) m.getAsLong());
        }
        if (!problems.ids(line, "demand", t.get(0), t.get(2), t.get(3)) || unit.isEmpty() || value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SndlibAssembler.RawDemand(
                line,
                new SndlibNetwork.Demand(
                        t.get(0),
                        PopId.of(t.get(2)),
                        PopId.of(t.get(3)),
                        (int) unit.getAsLong(),
                        value.getAsDouble(),
                        max)));
    }

    /** Whether the tokens have the parentheses where {@code pattern} has them and as many tokens. */
    private static boolean shape(List<String> t, String pattern) {
        String[] p = pattern.split(" ");
        if (p.length != t.size()) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            boolean paren = p[i].equals("(") || p[i].equals(")");
            if (paren != (t.get(i).equals("(") || t.get(i).equals(")")) || (paren && !p[i].equals(t.get(i)))) {
                return false;
            }
        }
        return true;
    }

    static List<String> tokens(String line) {
        List<String> t = new ArrayList<>();
        for (String s : line.replace("(", " ( ").replace(")", " ) ").split("\\s+")) {
            if (!s.isEmpty()) {
                t.add(s);
            }
        }
        return t;
    }

    private static int count(List<String> t, String s) {
        return (int) t.stream().filter(s::equals).count();
    }
}
