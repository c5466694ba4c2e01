package org.wanplan.planning.sndlib;

import java.util.List;

/** An SNDlib model asks for what the planner does not do; {@link #unsupported()} names every attribute. */
public final class UnsupportedModelException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<String> unsupported;

    UnsupportedModelException(List<String> unsupported) {
        super("not supported: " + String.join("; ", unsupported));
        this.unsupported = List.copyOf(unsupported);
    }

    /** Each unsupported attribute with its value and what is supported, e.g. {@code LINK_MODEL = DIRECTED (supported: UNDIRECTED)}. */
    public List<String> unsupported() {
        return unsupported;
    }
}
