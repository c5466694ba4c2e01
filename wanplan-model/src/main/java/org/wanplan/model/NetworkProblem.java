package org.wanplan.model;

/**
 * One thing wrong with a network under construction, pointing at the element that has it.
 *
 * @param kind which list the element is in
 * @param index the element's position in that list, in the order it was added (readers map it back to
 *     a file line)
 * @param message what is wrong, with the offending values
 */
public record NetworkProblem(Element kind, int index, String message) {
    /** The three lists a network is built from. */
    public enum Element {
        POP,
        SPAN,
        SRLG
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + "[" + index + "]: " + message;
    }
}
