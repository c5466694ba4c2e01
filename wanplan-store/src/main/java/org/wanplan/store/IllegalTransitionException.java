package org.wanplan.store;

/** An order cannot take this step from the state it is in. */
public final class IllegalTransitionException extends Exception {
    private static final long serialVersionUID = 1L;

    IllegalTransitionException(String order, OrderState from, String action) {
        super("order " + order + " is " + from.label() + ": it cannot be " + action);
    }
}
