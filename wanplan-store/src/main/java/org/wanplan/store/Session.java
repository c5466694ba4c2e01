package org.wanplan.store;

import java.util.Optional;
import java.util.concurrent.locks.Lock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Where a store's statements run: each operation in its own transaction, or all of them inside one
 * transaction the caller holds (see {@link Database#transaction}), so that for example an order, its
 * audit row and the response kept for its idempotency key commit together.
 */
abstract class Session {
    abstract <T, X extends Exception> T tx(HandleCallback<T, X> work) throws X;

    abstract <T, X extends Exception> T read(HandleCallback<T, X> work) throws X;

    /** Each transaction on its own handle, holding {@code writes} (when there is one) while it runs. */
    static Session of(Jdbi jdbi, Optional<Lock> writes) {
        return new Session() {
            @Override
            <T, X extends Exception> T tx(HandleCallback<T, X> work) throws X {
                if (writes.isEmpty()) {
                    return jdbi.inTransaction(work);
                }
                writes.get().lock();
                try {
                    return jdbi.inTransaction(work);
                } finally {
                    writes.get().unlock();
                }
            }

            @Override
            <T, X extends Exception> T read(HandleCallback<T, X> work) throws X {
                return jdbi.withHandle(work);
            }
        };
    }

    /** Joins the transaction open on {@code handle}. */
    static Session of(Handle handle) {
        return new Session() {
            @Override
            <T, X extends Exception> T tx(HandleCallback<T, X> work) throws X {
                return work.withHandle(handle);
            }

            @Override
            <T, X extends Exception> T read(HandleCallback<T, X> work) throws X {
                return work.withHandle(handle);
            }
        };
    }
}
