package org.wanplan.io.input;

/**
 * One thing wrong with an input file, located for the person who has to fix it.
 *
 * @param file the file's name as the user gave it
 * @param line 1-based line number, or 0 when the problem concerns the whole file
 * @param cell where in a spreadsheet, as Excel names it ({@code Sites!H7}, {@code Sites!7:7} for a whole row),
 *     or "" for a text file, where the line says it
 * @param message what is wrong, with the rejected value
 */
public record InputProblem(String file, int line, String cell, String message) {
    public InputProblem {
        cell = printable(cell);
        message = printable(message);
    }

    /** A problem in a text file, located by its line. */
    public InputProblem(String file, int line, String message) {
        this(file, line, "", message);
    }

    /**
     * {@code text} with every control, format or separator character written as {@code \\uXXXX}, so that
     * a value quoted from a bad file cannot break or disguise the line it is reported on.
     */
    public static String printable(String text) {
        if (text.codePoints().noneMatch(InputProblem::invisible)) {
            return text;
        }
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (invisible(c)) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04X", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    @Override
    public String toString() {
        if (!cell.isEmpty()) {
            return file + ": " + cell + ": " + message;
        }
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
