package org.wanplan.store;

/** An order action named an order that does not exist; nothing was changed. */
public final class UnknownOrderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String id;

    public UnknownOrderException(String id) {
        super("order '" + id + "' does not exist");
        this.id = id;
    }

    public String id() {
        return id;
    }
}
