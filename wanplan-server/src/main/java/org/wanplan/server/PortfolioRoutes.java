package org.wanplan.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.wanplan.model.Network;
import org.wanplan.model.PriceBook;
import org.wanplan.store.Portfolio;
import org.wanplan.store.Reservations;
import org.wanplan.store.Role;

/** The portfolio against the growth target, and each span's runway under growth. */
final class PortfolioRoutes implements Routes {
    private final Api api;

    PortfolioRoutes(Api api) {
        this.api = api;
    }

    @Override
    public void register(RoutesConfig r) {
        r.get("/api/v1/portfolio", Api.as(Role.VIEWER, this::portfolio));
        r.get("/api/v1/networks/{name}/runway", Api.as(Role.VIEWER, this::runway));
    }

    private void portfolio(Context ctx) {
        Portfolio.Report report = api.db()
                .portfolio()
                .report(api.targetGrowth(), PriceBook.defaults().currency());
        Api.json(ctx, 200, Json.tree(Views.PortfolioView.of(report)));
    }

    private void runway(Context ctx) {
        Network n = api.networks().get(ctx.pathParam("name"));
        double growth = growth(ctx.queryParam("growth"));
        List<Reservations.Runway> spans = api.db().reservations().runway(n.name(), growth);
        Api.json(ctx, 200, Json.tree(Views.RunwayView.of(n.name(), growth, spans)));
    }

    /** The {@code growth} query parameter: a rate a year above 0 and at most 10, default the target's. */
    private double growth(String text) {
        if (text == null) {
            // a deployment may aim at no growth or a decline; use cannot run out then, so the plan's rate stands in
            return Reservations.validGrowth(api.targetGrowth()) ? api.targetGrowth() : Portfolio.TARGET_GROWTH;
        }
        try {
            double g = Double.parseDouble(text.strip());
            if (Reservations.validGrowth(g)) {
                return g;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiProblem.invalid(List.of(new ApiProblem.FieldError(
                "growth",
                "query parameter: a yearly rate above 0 and at most 10 (0.30 is +30 %), was '" + text + "'")));
    }
}
