package org.wanplan.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.JdbiException;
import org.wanplan.store.Caller;
import org.wanplan.store.Database;
import org.wanplan.store.Idempotency;
import org.wanplan.store.Role;
import org.wanplan.store.Tx;

/**
 * What every route class shares: the store, the network catalogue and the token cache; the caller of a
 * request and the role check; JSON in and out; limits; and POST requests under an {@code Idempotency-Key}.
 */
final class Api {
    static final String CALLER = "wanplan.caller";

    private final Database db;
    private final NetworkCatalog networks;
    private final TokenCache tokens;

    Api(Database db, NetworkCatalog networks, TokenCache tokens) {
        this.db = db;
        this.networks = networks;
        this.tokens = tokens;
    }

    Database db() {
        return db;
    }

    NetworkCatalog networks() {
        return networks;
    }

    TokenCache tokens() {
        return tokens;
    }

    /** {@code handler}, for callers whose role allows {@code required}; others get 403. */
    static Handler as(Role required, Handler handler) {
        return ctx -> {
            Caller c = ctx.attribute(CALLER);
            if (c == null) {
                throw new ApiProblem(ProblemCode.UNAUTHENTICATED, "no token");
            }
            if (!c.role().allows(required)) {
                throw new ApiProblem(
                        ProblemCode.FORBIDDEN,
                        "this needs the " + required.label() + " role; the token is "
                                + c.role().label());
            }
            handler.handle(ctx);
        };
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static String write(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not read", e);
        }
    }

    static void json(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType("application/json").result(write(body));
    }

    static Caller caller(Context ctx) {
        return ctx.attribute(CALLER);
    }

    static int limit(Context ctx, int max) {
        String l = ctx.queryParam("limit");
        if (l == null) {
            return max;
        }
        if (!l.matches("\\d{1,6}") || Integer.parseInt(l) < 1 || Integer.parseInt(l) > max) {
            throw ApiProblem.invalid(
                    List.of(new ApiProblem.FieldError("limit", "must be 1 to " + max + ", was '" + l + "'")));
        }
        return Integer.parseInt(l);
    }

    /** The status and body of a successful POST, as kept for its idempotency key. */
    record Reply(int status, JsonNode body) {}

    @FunctionalInterface
    interface Work {
        Reply apply(Tx tx) throws Exception;
    }

    /**
     * Runs a POST's work in one transaction, honouring {@code Idempotency-Key}: a retry of the same
     * request gets the kept response (with {@code Idempotent-Replayed: true}); the same key on a different
     * request is refused (422). {@code prepare} does what needs no transaction (a design's computation)
     * and runs only when the key is new.
     */
    void idempotent(Context ctx, Callable<Work> prepare) throws Exception {
        String key = ctx.header("Idempotency-Key");
        Caller c = caller(ctx);
        if (key == null) {
            Work w = prepare.call();
            Reply r = db.transaction(w::apply);
            json(ctx, r.status(), r.body());
            return;
        }
        if (key.isBlank() || key.length() > 200) {
            throw ApiProblem.invalid(
                    List.of(new ApiProblem.FieldError("Idempotency-Key", "must be 1 to 200 characters")));
        }
        String fingerprint = sha256(ctx.method() + " " + ctx.path() + "\n" + ctx.body());
        Optional<Idempotency.Response> kept = db.idempotency().find(c.name(), key);
        if (kept.isPresent()) {
            replay(ctx, kept.get(), fingerprint);
            return;
        }
        Work w = prepare.call();
        try {
            Reply r = db.transaction(tx -> {
                Reply reply = w.apply(tx);
                tx.idempotency()
                        .record(
                                c.name(),
                                key,
                                new Idempotency.Response(fingerprint, reply.status(), write(reply.body())));
                return reply;
            });
            json(ctx, r.status(), r.body());
        } catch (JdbiException e) {
            // a request racing on the same key committed first: this one rolled back, answer with that one's
            Optional<Idempotency.Response> winner = db.idempotency().find(c.name(), key);
            if (winner.isEmpty()) {
                throw e;
            }
            replay(ctx, winner.get(), fingerprint);
        }
    }

    private static void replay(Context ctx, Idempotency.Response kept, String fingerprint) {
        if (!kept.fingerprint().equals(fingerprint)) {
            throw new ApiProblem(
                    ProblemCode.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was first sent with a different method, path or body");
        }
        ctx.header("Idempotent-Replayed", "true");
        ctx.status(kept.status()).contentType("application/json").result(kept.body());
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
