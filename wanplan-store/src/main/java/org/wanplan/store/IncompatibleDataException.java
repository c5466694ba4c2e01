package org.wanplan.store;

/** A data directory holds what this version cannot open (an earlier version's H2 database); the message says what to do. */
public final class IncompatibleDataException extends RuntimeException {
    IncompatibleDataException(String message) {
        super(message);
    }
}
