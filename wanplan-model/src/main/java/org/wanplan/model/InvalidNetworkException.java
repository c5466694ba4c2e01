package org.wanplan.model;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link Network.Builder#build()} with every problem found, not just the first. */
public final class InvalidNetworkException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<NetworkProblem> problems;

    public InvalidNetworkException(List<NetworkProblem> problems) {
        super(problems.size() + " problem(s): "
                + problems.stream().map(NetworkProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<NetworkProblem> problems() {
        return problems;
    }
}
