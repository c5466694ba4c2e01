package org.wanplan.io.input;

import java.util.List;
import java.util.stream.Collectors;

/** An input file could not be read; carries every problem found, each with file and line. */
public final class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<InputProblem> problems;

    public InputException(List<InputProblem> problems) {
        super(problems.stream().map(InputProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InputException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public static InputException of(String file, int line, String message) {
        return new InputException(List.of(new InputProblem(file, line, message)));
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
