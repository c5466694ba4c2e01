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
        r.get("/api/v1/health", ctx -> Api.json(ctx, 200, Json.tree(new Views.Health("ok"))));
        r.get("/api/v1/openapi.json", this::openApi);
        r.get("/basemap.geojson", this::basemap);
        r.get("/api/v1/audit", Api.as(Role.ADMIN, this::audit));
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
        Api.json(
                ctx,
                200,
                Json.tree(api.db().orders().auditEntries(after, Api.limit(ctx, 1000)).stream()
                        .map(Views.AuditView::of)
                        .toList()));
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
