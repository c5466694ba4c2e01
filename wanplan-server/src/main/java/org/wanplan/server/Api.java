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
    private final WanplanServer.Limits limits;

    Api(Database db, NetworkCatalog networks, TokenCache tokens, WanplanServer.Limits limits) {
        this.db = db;
        this.networks = networks;
        this.tokens = tokens;
        this.limits = limits;
    }

    WanplanServer.Limits limits() {
        return limits;
    }

    /** The deployment's revenue growth target a year, which the portfolio is measured against. */
    private volatile double targetGrowth = org.wanplan.store.Portfolio.TARGET_GROWTH;

    double targetGrowth() {
        return targetGrowth;
    }

    void targetGrowth(double growth) {
        this.targetGrowth = growth;
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

    /** Fetches up to {@code n} items of a list after the item whose key is {@code after} (from the start when empty). */
    @FunctionalInterface
    interface Fetch<T> {
        List<T> after(Optional<String> after, int n);
    }

    /**
     * One page of a list endpoint, written as the JSON array it always was: {@code ?limit=N} (1 to
     * {@code max}, default {@code max}) and {@code ?cursor=C}, where C comes from the previous page's
     * {@code Link: <…>; rel="next"} header (RFC 8288), present while more items follow. Cursors are
     * keyset positions, so a page is not shifted by items added before it.
     */
    static <T> void page(
            Context ctx,
            int max,
            java.util.function.Function<T, String> key,
            Fetch<T> fetch,
            java.util.function.Function<T, Object> view) {
        int limit = limit(ctx, max);
        Optional<String> after = Optional.ofNullable(ctx.queryParam("cursor")).map(Api::decodeCursor);
        List<T> items = fetch.after(after, limit + 1);
        List<T> page = items.subList(0, Math.min(limit, items.size()));
        if (items.size() > limit) {
            String cursor = java.util.Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(key.apply(page.get(page.size() - 1)).getBytes(StandardCharsets.UTF_8));
            ctx.header("Link", "<" + ctx.path() + "?limit=" + limit + "&cursor=" + cursor + ">; rel=\"next\"");
        }
        json(ctx, 200, Json.tree(page.stream().map(view).toList()));
    }

    /** A fetch over a list in memory, in its order; a cursor naming no item of it is refused. */
    static <T> Fetch<T> inMemory(List<T> all, java.util.function.Function<T, String> key) {
        return (after, n) -> {
            int from = 0;
            if (after.isPresent()) {
                int i = 0;
                while (i < all.size() && !key.apply(all.get(i)).equals(after.get())) {
                    i++;
                }
                if (i == all.size()) {
                    throw badCursor("names no item of this list");
                }
                from = i + 1;
            }
            return all.subList(from, Math.min(all.size(), from + n));
        };
    }

    private static String decodeCursor(String cursor) {
        try {
            return new String(java.util.Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw badCursor("is not a cursor from a Link header");
        }
    }

    private static ApiProblem badCursor(String why) {
        return ApiProblem.invalid(List.of(new ApiProblem.FieldError("cursor", "query parameter " + why)));
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
        idempotent(ctx, ctx.body(), prepare);
    }

    /** {@link #idempotent(Context, Callable)} for a request whose body stands as {@code body} (a form's JSON). */
    void idempotent(Context ctx, String body, Callable<Work> prepare) throws Exception {
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
        String fingerprint = fingerprint(ctx.method() + " " + ctx.path(), body);
        Optional<Idempotency.Response> kept = db.idempotency().find(c.name(), key);
        if (kept.isPresent()) {
            replay(ctx, kept.get(), fingerprint);
            return;
        }
        Work w = prepare.call();
        try {
            Reply r = db.transaction(tx -> {
                tx.idempotency().claim(c.name(), key, fingerprint); // racing retries queue here
                Reply reply = w.apply(tx);
                tx.idempotency()
                        .complete(
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

    /**
     * What makes two requests the same: method, path and the body's JSON value (keys in any order, any
     * white space); a body that is not JSON counts byte for byte.
     */
    static String fingerprint(String request, String body) {
        String canonical;
        try {
            canonical = body.isBlank() ? "" : "json:" + canonical(Json.MAPPER.readTree(body));
        } catch (JsonProcessingException e) {
            canonical = "raw:" + body;
        }
        return sha256(request + "\n" + canonical);
    }

    private static String canonical(JsonNode node) {
        if (node.isObject()) {
            java.util.TreeMap<String, String> fields = new java.util.TreeMap<>();
            node.fields().forEachRemaining(f -> fields.put(f.getKey(), canonical(f.getValue())));
            StringBuilder b = new StringBuilder("{");
            fields.forEach((k, v) -> b.append(write(JsonNodeFactory.instance.textNode(k)))
                    .append(':')
                    .append(v)
                    .append(','));
            return b.append('}').toString();
        }
        if (node.isArray()) {
            StringBuilder b = new StringBuilder("[");
            node.forEach(e -> b.append(canonical(e)).append(','));
            return b.append(']').toString();
        }
        if (node.isNumber()) {
            return node.decimalValue().stripTrailingZeros().toPlainString();
        }
        return write(node);
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
        MessageDigest digest = SHA256.get();
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    /** One digest per thread: looking the algorithm up costs more than hashing a token (every request does). */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });
}
