package org.wanplan.server;

import io.javalin.config.RoutesConfig;
import org.wanplan.store.Role;

/** The failure what-if (see {@link FailureView}). */
final class FailureRoutes implements Routes {
    private final Api api;

    FailureRoutes(Api api) {
        this.api = api;
    }

    @Override
    public void register(RoutesConfig r) {
        r.post(
                "/api/v1/failures",
                Api.as(
                        Role.VIEWER,
                        ctx -> Api.json(
                                ctx,
                                200,
                                FailureView.run(JsonRequest.parse(ctx.body(), FailureView.FIELDS), api.networks()))));
    }
}
