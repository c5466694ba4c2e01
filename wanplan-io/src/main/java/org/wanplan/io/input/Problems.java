package org.wanplan.io.input;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.wanplan.model.InvalidNetworkException;
import org.wanplan.model.Network;
import org.wanplan.model.NetworkProblem;

/**
 * Collects the problems of one input file and the line each network element came from, so that the
 * model's own validation can be reported as {@code file:line: message}.
 */
public final class Problems {
    private final String file;
    private final List<InputProblem> problems;
    private final List<Integer> popLines;
    private final List<Integer> spanLines;
    private final List<Integer> srlgLines;
    private final java.util.EnumMap<NetworkProblem.Element, String> elementFiles;
    private CellLocator cells;

    /**
     * Names the spreadsheet cell of a problem found at a row ({@code line}) in a field (a column's header), or
     * of the whole row when {@code field} is null.
     */
    @FunctionalInterface
    public interface CellLocator {
        String cell(int line, String field);
    }

    public Problems(String file) {
        this(file, new ArrayList<>(), new java.util.EnumMap<>(NetworkProblem.Element.class));
    }

    /**
     * A collector for a spreadsheet: each problem is located by the cell {@code cells} names, lines being the
     * sheet's row numbers.
     */
    public static Problems inSheet(String file, CellLocator cells) {
        Problems p = new Problems(file);
        p.cells = cells;
        return p;
    }

    private Problems(String file, List<InputProblem> shared, java.util.EnumMap<NetworkProblem.Element, String> files) {
        this.file = file;
        this.problems = shared;
        this.popLines = new ArrayList<>();
        this.spanLines = new ArrayList<>();
        this.srlgLines = new ArrayList<>();
        this.elementFiles = files;
    }

    /**
     * A collector for another file of the same input (a CSV network's spans.csv beside pops.csv): its
     * problems land in this collector's list, and elements of {@code kind} are located in that file.
     */
    public Problems alongside(String otherFile, NetworkProblem.Element kind) {
        elementFiles.put(kind, otherFile);
        return new Problems(otherFile, problems, elementFiles);
    }

    public String file() {
        return file;
    }

    public void add(int line, String message) {
        add(line, null, message);
    }

    /**
     * A problem with one field of the record at {@code line}: in a spreadsheet it is located at that field's
     * cell; in a text file {@code field} is already named in the message and the line says where.
     */
    public void add(int line, String field, String message) {
        String cell = cells == null || line <= 0 ? "" : cells.cell(line, field);
        problems.add(new InputProblem(file, line, cell, message));
    }

    /** A problem at a spreadsheet cell named as Excel does ({@code Sites!C1}) in row {@code line}. */
    public void addAt(int line, String cell, String message) {
        problems.add(new InputProblem(file, line, cell, message));
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** How many problems have been recorded so far (to tell whether a row added any). */
    public int count() {
        return problems.size();
    }

    /** Records the line of the PoP, span or SRLG just added to a builder. */
    public void popAt(int line) {
        popLines.add(line);
    }

    public void spanAt(int line) {
        spanLines.add(line);
    }

    public void srlgAt(int line) {
        srlgLines.add(line);
    }

    /**
     * Builds the network, or throws every problem: those collected while parsing and those the model
     * finds, each at the line of the element concerned.
     */
    public Network build(Network.Builder builder) throws InputException {
        for (NetworkProblem p : builder.problems()) {
            problems.add(new InputProblem(elementFiles.getOrDefault(p.kind(), file), lineOf(p), p.message()));
        }
        throwIfAny();
        try {
            return builder.build();
        } catch (InvalidNetworkException e) {
            throw new IllegalStateException("problems() and build() disagree", e);
        }
    }

    public void throwIfAny() throws InputException {
        if (!problems.isEmpty()) {
            List<InputProblem> sorted = new ArrayList<>(problems);
            sorted.sort(java.util.Comparator.comparing(InputProblem::file).thenComparingInt(InputProblem::line));
            throw new InputException(sorted);
        }
    }

    private int lineOf(NetworkProblem p) {
        List<Integer> lines = switch (p.kind()) {
            case POP -> popLines;
            case SPAN -> spanLines;
            case SRLG -> srlgLines;
        };
        return p.index() < lines.size() ? lines.get(p.index()) : 0;
    }

    /**
     * {@code text} as an id when it follows the model's rule ({@link org.wanplan.model.Ids}); otherwise
     * records a problem naming {@code field} and returns empty.
     */
    public java.util.Optional<String> id(int line, String field, String text) {
        java.util.Optional<String> problem = org.wanplan.model.Ids.problem(text);
        if (problem.isPresent()) {
            add(line, field, field + " " + problem.get());
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(text);
    }

    /** Whether every text is a valid id; records a problem for each that is not. */
    public boolean ids(int line, String field, String... texts) {
        boolean ok = true;
        for (String t : texts) {
            ok &= id(line, field, t).isPresent();
        }
        return ok;
    }

    /**
     * Parses a decimal number from {@code min} to {@code max}; records a problem naming {@code field} and the
     * range, and returns empty, if it is not one.
     */
    public OptionalDouble number(int line, String field, String text, double min, double max) {
        OptionalDouble v = number(line, field, text);
        if (v.isPresent() && !(v.getAsDouble() >= min && v.getAsDouble() <= max)) {
            add(
                    line,
                    field,
                    field + " must be from " + plain(min) + " to " + plain(max) + ", was '" + text.strip() + "'");
            return OptionalDouble.empty();
        }
        return v;
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Parses a decimal number; records a problem naming {@code field} and returns empty if it is not one. */
    public OptionalDouble number(int line, String field, String text) {
        try {
            double v = Double.parseDouble(text.strip());
            if (Double.isFinite(v)) {
                return OptionalDouble.of(v);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        add(line, field, field + " must be a number, was '" + text + "'");
        return OptionalDouble.empty();
    }

    /** Parses a whole number; records a problem naming {@code field} and returns empty if it is not one. */
    public OptionalLong integer(int line, String field, String text) {
        try {
            return OptionalLong.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            add(line, field, field + " must be a whole number, was '" + text + "'");
            return OptionalLong.empty();
        }
    }
}
