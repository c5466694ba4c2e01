package org.wanplan.cli;

import java.io.IOException;
import org.wanplan.io.NetworkFiles;
import org.wanplan.io.input.InputException;
import org.wanplan.model.Network;

/** Resolves a NETWORK argument: a file when one exists at that path, else a built-in network name. */
final class Networks {
    private Networks() {}

    /** Where warnings about an input file go: the running command line's error stream. */
    static final ThreadLocal<java.io.PrintWriter> WARNINGS =
            ThreadLocal.withInitial(() -> new java.io.PrintWriter(System.err, true));

    static Network load(String nameOrFile) throws IOException, InputException {
        return load(nameOrFile, org.wanplan.io.input.ImportOptions.defaults());
    }

    static Network load(String nameOrFile, org.wanplan.io.input.ImportOptions options)
            throws IOException, InputException {
        try {
            return NetworkFiles.with(options)
                    .onWarning(w -> WARNINGS.get().println(w))
                    .fileOrBuiltin(nameOrFile);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CliFailure(e.getMessage());
        }
    }
}
