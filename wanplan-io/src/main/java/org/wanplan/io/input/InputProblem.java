package org.wanplan.io.input;

/**
 * One thing wrong with an input file, located for the person who has to fix it.
 *
 * @param file the file's name as the user gave it
 * @param line 1-based line number, or 0 when the problem concerns the whole file
 * @param message what is wrong, with the rejected value
 */
public record InputProblem(String file, int line, String message) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
