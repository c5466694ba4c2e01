package org.wanplan.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * API tokens: 32 random bytes (base64url, prefixed {@code wp_}), stored only as their SHA-256 hash. A
 * token is shown once, when created; authentication hashes what the client sends and looks that up.
 */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Session session;

    Tokens(Session session) {
        this.session = session;
    }

    /** A new token for {@code role}; the returned text is the only copy. */
    public String create(Role role, String createdBy) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "wp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        session.tx(h -> {
            h.createUpdate("INSERT INTO api_token (token_hash, role, created_at, created_by) VALUES (:h, :r, :t, :b)")
                    .bind("h", hash(token))
                    .bind("r", role.label())
                    .bind("t", Timestamp.from(Instant.now()))
                    .bind("b", createdBy)
                    .execute();
            h.createUpdate(
                            "INSERT INTO audit (at, actor, action, entity, before, after) VALUES (:t, :a, 'create', :e, NULL, :r)")
                    .bind("t", Timestamp.from(Instant.now()))
                    .bind("a", createdBy)
                    .bind("e", "token " + hash(token).substring(0, 8))
                    .bind("r", role.label())
                    .execute();
            return null;
        });
        return token;
    }

    /** The role of {@code token}, or empty when it is unknown. */
    public Optional<Role> authenticate(String token) {
        return caller(token).map(Caller::role);
    }

    /** Who {@code token} is ({@code token#ID}, as the audit log names it) and its role; empty when unknown. */
    public Optional<Caller> caller(String token) {
        if (token == null || !token.startsWith("wp_")) {
            return Optional.empty();
        }
        return session.read(h -> h.createQuery("SELECT id, role FROM api_token WHERE token_hash = :h")
                .bind("h", hash(token))
                .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .findOne()
                .flatMap(row -> Role.fromLabel((String) row[1]).map(r -> new Caller("token#" + row[0], r))));
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
