package org.wanplan.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.Span;
import org.wanplan.store.Role;

/** Networks: list, show, PoPs, spans with their reservations, and import by upload (admin). */
final class NetworkRoutes implements Routes {
    private final Api api;

    NetworkRoutes(Api api) {
        this.api = api;
    }

    @Override
    public void register(RoutesConfig r) {
        r.get("/api/v1/networks", Api.as(Role.VIEWER, this::listNetworks));
        r.post("/api/v1/networks", Api.as(Role.ADMIN, this::importNetwork));
        r.get("/api/v1/networks/{name}", Api.as(Role.VIEWER, this::showNetwork));
        r.get("/api/v1/networks/{name}/pops", Api.as(Role.VIEWER, this::pops));
        r.get("/api/v1/networks/{name}/spans", Api.as(Role.VIEWER, this::spans));
    }

    private void listNetworks(Context ctx) {
        List<Network> all = api.networks().all();
        Api.page(
                ctx,
                1000,
                Network::name,
                Api.inMemory(all, Network::name),
                n -> Views.NetworkSummary.of(n, api.networks().builtin(n.name())));
    }

    private JsonNode summary(Network n) {
        return Json.tree(Views.NetworkSummary.of(n, api.networks().builtin(n.name())));
    }

    private void showNetwork(Context ctx) {
        Api.json(ctx, 200, summary(api.networks().get(ctx.pathParam("name"))));
    }

    private void pops(Context ctx) {
        Network n = api.networks().get(ctx.pathParam("name"));
        Api.page(
                ctx,
                10_000,
                (Pop p) -> p.id().value(),
                Api.inMemory(n.pops(), p -> p.id().value()),
                p -> Views.PopView.of(n, p));
    }

    private void spans(Context ctx) {
        Network n = api.networks().get(ctx.pathParam("name"));
        Map<String, Double> reserved = api.db().reservations().reserved(n.name());
        Api.page(
                ctx,
                10_000,
                (Span s) -> s.id().value(),
                Api.inMemory(n.spans(), s -> s.id().value()),
                s -> Views.SpanView.of(s, reserved.getOrDefault(s.id().value(), 0.0)));
    }

    private void importNetwork(Context ctx) throws Exception {
        String name = ctx.queryParam("name");
        String format =
                Optional.ofNullable(ctx.queryParam("format")).orElse(NetworkCatalog.formatOf(ctx.contentType()));
        List<ApiProblem.FieldError> errors = new java.util.ArrayList<>();
        if (name == null || !NetworkCatalog.NAME.matcher(name).matches()) {
            errors.add(new ApiProblem.FieldError(
                    "name",
                    "query parameter: 1 to 64 of a-z 0-9 . _ - starting with a" + " letter or digit, was "
                            + (name == null ? "missing" : "'" + name + "'")));
        }
        if (format == null || !NetworkCatalog.FORMATS.containsKey(format)) {
            errors.add(new ApiProblem.FieldError(
                    "format",
                    "query parameter: json, graphml or sndlib (or a JSON/XML" + " Content-Type), was "
                            + (format == null ? "missing" : "'" + format + "'")));
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            errors.add(new ApiProblem.FieldError("body", "the network file is empty"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        Network n = api.networks().importNetwork(Api.caller(ctx).name(), name, format, body);
        ctx.header("Location", "/api/v1/networks/" + n.name());
        Api.json(ctx, 201, summary(n));
    }
}
