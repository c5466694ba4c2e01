package org.wanplan.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Responses kept for POST requests that carried an {@code Idempotency-Key}, per caller. The response
 * is recorded inside the transaction that does the work, so a key is answered either by nothing (the
 * work rolled back or never committed: a retry runs it) or by exactly the committed response. Two
 * requests racing on one key both run, but the second one's insert of the key fails on the primary
 * key, which rolls back everything it did; it then answers with the first one's response.
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
