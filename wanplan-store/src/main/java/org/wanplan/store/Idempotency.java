package org.wanplan.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Responses kept for POST requests that carried an {@code Idempotency-Key}, per caller. The key is
 * claimed first thing in the transaction that does the work and its response recorded before it
 * commits, so a key is answered either by nothing (the work rolled back or never committed: a retry
 * runs it) or by exactly the committed response. Requests racing on one key queue on the claim (the
 * primary key's lock on PostgreSQL, the write lock on SQLite); once the first commits, the others' claim
 * fails before they have done anything, and they answer with the first one's response.
 */
public final class Idempotency {
    private final Session session;

    Idempotency(Session session) {
        this.session = session;
    }

    /** A kept response; {@code fingerprint} identifies the request it answered. */
    public record Response(String fingerprint, int status, String body) {}

    public Optional<Response> find(String actor, String key) {
        return session.read(h -> h.createQuery(
                        "SELECT fingerprint, status, body FROM idempotency WHERE actor = :a AND idem_key = :k")
                .bind("a", actor)
                .bind("k", key)
                .map((rs, ctx) -> new Response(rs.getString(1), rs.getInt(2), rs.getString(3)))
                .findOne());
    }

    /**
     * Claims {@code key} for the work of the current transaction; fails with a constraint violation when
     * another request holds it (after waiting for that one to commit or roll back).
     */
    public void claim(String actor, String key, String fingerprint) {
        record(actor, key, new Response(fingerprint, 0, ""));
    }

    /** Keeps the response of the work that claimed {@code key}, in the same transaction. */
    public void complete(String actor, String key, Response response) {
        int n = session.tx(h -> h.createUpdate("UPDATE idempotency SET fingerprint = :f, status = :s, body = :b"
                        + " WHERE actor = :a AND idem_key = :k")
                .bind("a", actor)
                .bind("k", key)
                .bind("f", response.fingerprint())
                .bind("s", response.status())
                .bind("b", response.body())
                .execute());
        if (n != 1) {
            throw new IllegalStateException("idempotency key " + key + " was not claimed in this transaction");
        }
    }

    /** Records the response; fails with a constraint violation when the key was taken meanwhile. */
    public void record(String actor, String key, Response response) {
        session.tx(
                h -> h.createUpdate("INSERT INTO idempotency (actor, idem_key, fingerprint, status, body, created_at)"
                                + " VALUES (:a, :k, :f, :s, :b, :t)")
                        .bind("a", actor)
                        .bind("k", key)
                        .bind("f", response.fingerprint())
                        .bind("s", response.status())
                        .bind("b", response.body())
                        .bind("t", Timestamp.from(Instant.now()))
                        .execute());
    }
}
