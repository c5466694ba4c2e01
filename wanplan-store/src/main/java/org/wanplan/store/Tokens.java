package org.wanplan.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * API tokens: 32 random bytes (base64url, prefixed {@code wp_}), stored only as their SHA-256 hash. A
 * token is shown once, when created; authentication hashes what the client sends and looks that up. A
 * revoked token stays listed (the audit log names tokens by id) but no longer authenticates.
 */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Session session;

    Tokens(Session session) {
        this.session = session;
    }

    /** A new token for {@code role}; the returned text is the only copy. */
    public String create(Role role, String createdBy) {
        return issue(role, createdBy).token();
    }

    /** A token just issued: the secret (its only copy) and how it is listed. */
    public record Issued(String token, Info info) {}

    /** A new token for {@code role}, audited as created by {@code createdBy}. */
    public Issued issue(Role role, String createdBy) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "wp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = storedNow();
        long id = session.tx(h -> {
            long created = h.createUpdate(
                            "INSERT INTO api_token (token_hash, role, created_at, created_by) VALUES (:h, :r, :t, :b)")
                    .bind("h", hash(token))
                    .bind("r", role.label())
                    .bind("t", Timestamp.from(now))
                    .bind("b", createdBy)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            Orders.audit(h, createdBy, "create", name(created), null, role.label());
            return created;
        });
        return new Issued(token, new Info(id, role, now, createdBy, null, null));
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
        return session.read(h -> h.createQuery(
                        "SELECT id, role FROM api_token WHERE token_hash = :h AND revoked_at IS NULL")
                .bind("h", hash(token))
                .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .findOne()
                .flatMap(row -> Role.fromLabel((String) row[1]).map(r -> new Caller(name((Long) row[0]), r))));
    }

    /** How the audit log names token {@code id}: as the actor of what it did, and as the entity created or revoked. */
    public static String name(long id) {
        return "token#" + id;
    }

    /** The id in a token's name ({@code token#7}) or the bare number ({@code 7}); empty for anything else. */
    public static java.util.OptionalLong idOf(String name) {
        java.util.regex.Matcher m = NAME.matcher(name);
        return m.matches() ? java.util.OptionalLong.of(Long.parseLong(m.group(1))) : java.util.OptionalLong.empty();
    }

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("(?:token#)?(\\d{1,18})");

    private static final String INFO_COLUMNS =
            "SELECT id, role, created_at, created_by, revoked_at, revoked_by FROM api_token";

    /** A token as listed: never the token itself (only its hash is stored), nor the hash. */
    public record Info(long id, Role role, Instant createdAt, String createdBy, Instant revokedAt, String revokedBy) {
        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** Every token ever created, revoked ones included, oldest first. */
    public List<Info> list() {
        return session.read(h -> h.createQuery(INFO_COLUMNS + " ORDER BY id")
                .map((rs, ctx) -> info(rs))
                .list());
    }

    /**
     * Revokes token {@code id}: it stops authenticating at once in the database (a running server's cache
     * forgets it within {@code TokenCache}'s time to live). Revoking a revoked token changes nothing and
     * returns it as it was.
     *
     * @throws NoSuchElementException when there is no token {@code id}
     */
    public Info revoke(String actor, long id) {
        return session.tx(h -> {
            Info before = h.createQuery(INFO_COLUMNS + " WHERE id = :id <forUpdate>")
                    .bind("id", id)
                    .map((rs, ctx) -> info(rs))
                    .findOne()
                    .orElseThrow(() -> new NoSuchElementException("no token #" + id));
            if (before.revoked()) {
                return before;
            }
            Instant now = storedNow();
            h.createUpdate("UPDATE api_token SET revoked_at = :t, revoked_by = :a WHERE id = :id")
                    .bind("t", Timestamp.from(now))
                    .bind("a", actor)
                    .bind("id", id)
                    .execute();
            Orders.audit(h, actor, "revoke", name(id), before.role().label(), "revoked");
            return new Info(id, before.role(), before.createdAt(), before.createdBy(), now, actor);
        });
    }

    /** Now, as precisely as both databases store a timestamp (so what is returned is what is read back). */
    /** Now, as both databases keep it (SQLite: milliseconds), so what is returned is what is stored. */
    private static Instant storedNow() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private static Info info(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp revoked = rs.getTimestamp(5);
        return new Info(
                rs.getLong(1),
                Role.fromLabel(rs.getString(2)).orElseThrow(),
                rs.getTimestamp(3).toInstant(),
                rs.getString(4),
                revoked == null ? null : revoked.toInstant(),
                rs.getString(6));
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
