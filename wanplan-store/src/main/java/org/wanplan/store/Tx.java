package org.wanplan.store;

import org.jdbi.v3.core.Handle;

/** The stores inside one transaction (see {@link Database#transaction}): everything done through them commits together. */
public final class Tx {
    private final Session session;
    private final java.time.Clock clock;

    Tx(Handle handle, java.time.Clock clock) {
        this.session = Session.of(handle);
        this.clock = clock;
    }

    public Orders orders() {
        return new Orders(session, clock);
    }

    public Portfolio portfolio() {
        return new Portfolio(session, clock);
    }

    public Designs designs() {
        return new Designs(session);
    }

    public StoredNetworks networks() {
        return new StoredNetworks(session);
    }

    public Reservations reservations() {
        return new Reservations(session);
    }

    public Idempotency idempotency() {
        return new Idempotency(session);
    }
}
