package org.wanplan.cli;

import java.util.List;

/** A failure to report to the user as is (no stack trace), one line per problem; exit code 1. */
final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> lines;

    CliFailure(List<String> lines) {
        super(String.join("\n", lines));
        this.lines = List.copyOf(lines);
    }

    CliFailure(String line) {
        this(List.of(line));
    }

    List<String> lines() {
        return lines;
    }
}
