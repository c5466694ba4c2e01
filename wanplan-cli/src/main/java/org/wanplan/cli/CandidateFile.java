package org.wanplan.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import org.wanplan.model.FibreLength;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.planning.augment.NetworkAugment.Offer;

/**
 * The candidates a planner offers to {@code augment --candidates}: a CSV with the header {@code a,b} and
 * optionally {@code lengthKm} and {@code cost}, one candidate per line. {@code a} and {@code b} are PoP ids or
 * unique names; an empty {@code lengthKm} is the great circle × 1.25, an empty {@code cost} the catalogue's
 * (one-off EUR for fibre, EUR a month for a wave). Blank lines and lines starting with {@code #} are ignored;
 * every bad line is reported as {@code file:line: field: problem (value)}, all at once.
 */
final class CandidateFile {
    /** Costs above this (EUR, one-off or monthly) are a unit error. */
    static final double MAX_COST = 1e10;

    private CandidateFile() {}

    static List<Offer> read(Path file, Network n) throws IOException, org.wanplan.io.input.InputException {
        List<String> lines = org.wanplan.io.input.TextInput.read(file).lines().toList();
        List<String> problems = new ArrayList<>();
        List<Offer> offers = new ArrayList<>();
        int header = -1;
        List<String> columns = List.of();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + ":" + (i + 1) + ": ";
            List<String> cells =
                    List.of(line.split(",", -1)).stream().map(String::strip).toList();
            if (header < 0) {
                header = i;
                columns = cells.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
                List<String> allowed = List.of("a", "b", "lengthkm", "cost");
                if (columns.size() < 2
                        || !columns.get(0).equals("a")
                        || !columns.get(1).equals("b")) {
                    problems.add(where + "the header must start with a,b (then lengthKm, cost), was '" + line + "'");
                    break;
                }
                for (String c : columns) {
                    if (!allowed.contains(c) || columns.indexOf(c) != columns.lastIndexOf(c)) {
                        problems.add(where + "unknown or repeated column '" + c + "' (a,b,lengthKm,cost)");
                    }
                }
                if (!problems.isEmpty()) {
                    break;
                }
                continue;
            }
            if (cells.size() != columns.size()) {
                problems.add(where + "expected " + columns.size() + " fields (" + String.join(",", columns) + "), was "
                        + cells.size());
                continue;
            }
            int before = problems.size();
            Pop a = pop(n, cells.get(0), where + "a: ", problems);
            Pop b = pop(n, cells.get(1), where + "b: ", problems);
            OptionalDouble km = number(columns, cells, "lengthkm", where, problems, FibreLength.MAX_KM);
            OptionalDouble cost = number(columns, cells, "cost", where, problems, MAX_COST);
            if (problems.size() > before) {
                continue;
            }
            if (a.equals(b)) {
                problems.add(where + "b: a candidate joins two PoPs, both are '" + a.id() + "'");
                continue;
            }
            String key = a.id().value().compareTo(b.id().value()) < 0 ? a.id() + "|" + b.id() : b.id() + "|" + a.id();
            if (!seen.add(key)) {
                problems.add(where + "candidate " + a.id() + "–" + b.id() + " is listed twice");
                continue;
            }
            if (km.isEmpty() && (a.location().isEmpty() || b.location().isEmpty())) {
                problems.add(where + "lengthKm: needed, " + (a.location().isEmpty() ? a.id() : b.id())
                        + " has no location to estimate it from");
                continue;
            }
            offers.add(new Offer(a.id(), b.id(), km, cost));
        }
        if (header < 0 && problems.isEmpty()) {
            problems.add(file + ": no header line (a,b[,lengthKm][,cost])");
        }
        if (problems.isEmpty() && offers.isEmpty()) {
            problems.add(file + ": no candidates");
        }
        if (!problems.isEmpty()) {
            problems.add(problems.size() + " problem(s) in " + file);
            throw new CliFailure(problems.stream()
                    .map(org.wanplan.io.input.InputProblem::printable)
                    .toList());
        }
        return offers;
    }

    private static Pop pop(Network n, String text, String where, List<String> problems) {
        List<Pop> matches = n.popsMatching(text);
        if (matches.size() == 1) {
            return matches.get(0);
        }
        problems.add(
                where + (matches.isEmpty() ? "no PoP '" + text + "' in " + n.name() : "'" + text + "' is ambiguous"));
        return null;
    }

    private static OptionalDouble number(
            List<String> columns, List<String> cells, String column, String where, List<String> problems, double max) {
        int at = columns.indexOf(column);
        if (at < 0 || cells.get(at).isEmpty()) {
            return OptionalDouble.empty();
        }
        String name = column.equals("lengthkm") ? "lengthKm" : column;
        try {
            double v = Double.parseDouble(cells.get(at));
            boolean cost = column.equals("cost");
            if (!(cost ? v >= 0 : v > 0) || v > max) {
                problems.add(where + name + ": must be " + (cost ? "from 0" : "above 0") + " to "
                        + String.format(Locale.ROOT, "%,.0f", max) + " (" + cells.get(at) + ")");
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(v);
        } catch (NumberFormatException e) {
            problems.add(where + name + ": not a number (" + cells.get(at) + ")");
            return OptionalDouble.empty();
        }
    }
}
