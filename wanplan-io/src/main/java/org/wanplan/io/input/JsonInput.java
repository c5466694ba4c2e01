package org.wanplan.io.input;

/**
 * How a JSON or YAML reader reports a syntax error: at the line Jackson gives, or, for the errors it
 * raises without a location of its own (its limits on nesting depth, number and string length), at the
 * line its parser had reached.
 */
public final class JsonInput {
    private JsonInput() {}

    /**
     * The error as an input problem of {@code file}.
     *
     * @param errorLine the error's own line, below 1 when it has none
     * @param parserLine where the parser stopped, below 1 when unknown
     */
    public static InputException malformed(String file, String kind, String message, int errorLine, int parserLine) {
        int line = errorLine >= 1 ? errorLine : parserLine;
        return InputException.of(file, Math.max(1, line), "malformed " + kind + ": " + message);
    }
}
