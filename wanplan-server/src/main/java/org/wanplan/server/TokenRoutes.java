package org.wanplan.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.wanplan.store.Caller;
import org.wanplan.store.Role;
import org.wanplan.store.Tokens;

/** API tokens (admin): list, issue, revoke; and who the caller is. */
final class TokenRoutes implements Routes {
    private final Api api;

    TokenRoutes(Api api) {
        this.api = api;
    }

    @Override
    public void register(RoutesConfig r) {
        r.get("/api/v1/whoami", Api.as(Role.VIEWER, ctx -> {
            Caller c = Api.caller(ctx);
            Api.json(ctx, 200, Json.tree(new Views.Whoami(c.name(), c.role().label())));
        }));
        r.get("/api/v1/tokens", Api.as(Role.ADMIN, this::listTokens));
        r.post("/api/v1/tokens", Api.as(Role.ADMIN, this::createToken));
        r.post("/api/v1/tokens/{id}/revoke", Api.as(Role.ADMIN, this::revokeToken));
    }

    private static final Set<String> TOKEN_FIELDS = Set.of("role");

    private void listTokens(Context ctx) {
        var all = api.db().tokens().list();
        Api.page(
                ctx,
                1000,
                t -> Long.toString(t.id()),
                Api.inMemory(all, t -> Long.toString(t.id())),
                Views.TokenView::of);
    }

    /**
     * A new token, shown once in this response. No Idempotency-Key: a kept response would be the token
     * itself, stored in clear where only its hash is meant to be.
     */
    private void createToken(Context ctx) {
        if (ctx.header("Idempotency-Key") != null) {
            throw ApiProblem.invalid(
                    List.of(
                            new ApiProblem.FieldError(
                                    "Idempotency-Key",
                                    "not accepted here: the response holds a new token, which is never stored; a retry makes another")));
        }
        JsonRequest req = JsonRequest.parse(ctx.body(), TOKEN_FIELDS);
        String label = req.string("role", 20);
        Optional<Role> role = label == null ? Optional.empty() : Role.fromLabel(label);
        if (label != null && role.isEmpty()) {
            req.error("role", "must be viewer, planner or admin, was '" + JsonRequest.abbreviate(label) + "'");
        }
        req.as(Requests.TokenRequest.class);
        Tokens.Issued issued =
                api.db().tokens().issue(role.orElseThrow(), Api.caller(ctx).name());
        ctx.header("Location", "/api/v1/tokens");
        ctx.header("Cache-Control", "no-store");
        Api.json(ctx, 201, tokenJson(issued.info()).put("token", issued.token()));
    }

    /** Revokes a token; this server forgets it at once (others within {@link TokenCache}'s time to live). */
    private void revokeToken(Context ctx) {
        String raw = ctx.pathParam("id");
        java.util.OptionalLong id = Tokens.idOf(raw);
        if (id.isEmpty()) {
            throw ApiProblem.notFound("token '" + JsonRequest.abbreviate(raw) + "'");
        }
        Tokens.Info t;
        try {
            t = api.db().tokens().revoke(Api.caller(ctx).name(), id.getAsLong());
        } catch (java.util.NoSuchElementException e) {
            throw ApiProblem.notFound("token '" + raw + "'");
        }
        api.tokens().forget(Tokens.name(t.id()));
        Api.json(ctx, 200, tokenJson(t));
    }

    private static ObjectNode tokenJson(Tokens.Info t) {
        return (ObjectNode) Json.tree(Views.TokenView.of(t));
    }
}
