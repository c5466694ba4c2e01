package org.wanplan.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.wanplan.store.Role;

/** Health, the OpenAPI document, the map's basemap, and the audit log (admin). */
final class AdminRoutes implements Routes {
    private final Api api;

    AdminRoutes(Api api) {
        this.api = api;
    }

    @Override
    public void register(RoutesConfig r) {
        r.get("/api/v1/health", this::health);
        r.get("/api/v1/openapi.json", this::openApi);
        r.get("/basemap.geojson", this::basemap);
        r.get("/api/v1/audit", Api.as(Role.ADMIN, this::audit));
    }

    /** Liveness and the database: an API whose database is gone is not healthy (the audit saw 200 then). */
    private void health(Context ctx) {
        java.util.Optional<String> problem = api.db().problem();
        Api.json(
                ctx,
                problem.isEmpty() ? 200 : 503,
                Json.tree(new Views.Health(problem.isEmpty() ? "ok" : "unavailable", problem.orElse("ok"))));
    }

    private void audit(Context ctx) {
        long after = 0;
        String a = ctx.queryParam("after");
        if (a != null) {
            if (!a.matches("\\d{1,18}")) {
                throw ApiProblem.invalid(
                        List.of(new ApiProblem.FieldError("after", "must be an audit id, was '" + a + "'")));
            }
            after = Long.parseLong(a);
        }
        long from = after;
        Api.page(
                ctx,
                1000,
                e -> Long.toString(e.id()),
                (cursor, n) -> api.db()
                        .orders()
                        .auditEntries(cursor.map(Long::parseLong).orElse(from), n),
                Views.AuditView::of);
    }

    /** The Natural Earth 1:50m countries of Europe (public domain) the map draws under the network: no tile server. */
    private void basemap(Context ctx) throws IOException {
        try (InputStream in =
                org.wanplan.io.builtin.BuiltinNetworks.class.getResourceAsStream("ne_50m_europe_countries.geojson")) {
            ctx.contentType("application/geo+json")
                    .header("Cache-Control", "max-age=86400")
                    .result(in.readAllBytes());
        }
    }

    private void openApi(Context ctx) throws IOException {
        try (InputStream in = AdminRoutes.class.getResourceAsStream("openapi.json")) {
            ctx.contentType("application/json").result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
