package org.wanplan.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.wanplan.io.input.InputException;
import org.wanplan.io.input.InputProblem;
import picocli.CommandLine;

/**
 * Turns what a command throws into what the user reads on stderr: input problems one per line as
 * {@code file:line: message}, I/O errors with the path, anything unexpected with its stack trace.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        var err = cli.getErr();
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof InputException input) {
            for (InputProblem p : input.problems()) {
                err.println(p);
            }
            err.println(input.problems().size() + " problem(s); nothing done");
        } else if (cause instanceof CliFailure failure) {
            failure.lines().forEach(err::println);
        } else if (cause instanceof NoSuchFileException missing) {
            err.println(missing.getFile() + ": no such file or directory");
        } else if (cause instanceof AccessDeniedException denied) {
            err.println(denied.getFile() + ": permission denied");
        } else if (cause instanceof IOException io) {
            err.println("I/O error: " + io.getMessage());
        } else {
            err.println("internal error: " + e);
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.FAILURE;
    }
}
