package org.wanplan.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wanplan.design.Design;
import org.wanplan.design.DesignFigures;
import org.wanplan.design.DesignOptions;
import org.wanplan.design.DesignView;
import org.wanplan.design.Designer;
import org.wanplan.design.Quote;
import org.wanplan.design.Topology;
import org.wanplan.io.input.InputException;
import org.wanplan.io.sites.SiteJsonReader;
import org.wanplan.model.Network;
import org.wanplan.model.PriceBook;
import org.wanplan.model.Site;
import org.wanplan.store.Customer;
import org.wanplan.store.Role;
import org.wanplan.store.StoredDesign;

/** Sample site lists, customers, and designs with their quotes. */
final class DesignRoutes implements Routes {
    private final Api api;

    DesignRoutes(Api api) {
        this.api = api;
    }

    @Override
    public void register(RoutesConfig r) {
        r.get("/api/v1/samples", Api.as(Role.VIEWER, this::samples));
        r.get("/api/v1/samples/{name}", Api.as(Role.VIEWER, this::sample));
        r.get("/api/v1/customers", Api.as(Role.VIEWER, this::customers));
        r.get("/api/v1/customers/{id}", Api.as(Role.VIEWER, this::customer));
        r.post("/api/v1/designs", Api.as(Role.PLANNER, this::createDesign));
        r.get("/api/v1/designs/{id}", Api.as(Role.VIEWER, this::showDesign));
    }

    static final List<String> SAMPLES = List.of("french-retailer", "euro-manufacturer");

    private void samples(Context ctx) {
        Api.json(ctx, 200, Json.tree(SAMPLES));
    }

    private void sample(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        if (!SAMPLES.contains(name)) {
            throw ApiProblem.notFound("sample '" + name + "'");
        }
        try (InputStream in = DesignRoutes.class.getResourceAsStream("/org/wanplan/design/samples/" + name + ".csv")) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("sample " + name + " is not shipped"));
            }
            Api.json(ctx, 200, SampleSites.asJson(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    private void customers(Context ctx) {
        Api.json(
                ctx,
                200,
                Json.tree(api.db().designs().customers().stream()
                        .map(Views.CustomerView::of)
                        .toList()));
    }

    private void customer(Context ctx) {
        Customer c = api.db()
                .designs()
                .customer(ctx.pathParam("id"))
                .orElseThrow(() -> ApiProblem.notFound("customer '" + ctx.pathParam("id") + "'"));
        ObjectNode o = customerJson(c);
        if (!c.designIds().isEmpty()) {
            StoredDesign latest = api.db().designs().find(c.designIds().get(0)).orElseThrow();
            o.set("sites", Api.read(latest.request()).get("sites"));
        }
        Api.json(ctx, 200, o);
    }

    private static ObjectNode customerJson(Customer c) {
        return (ObjectNode) Json.tree(Views.CustomerView.of(c));
    }

    private static final Set<String> DESIGN_FIELDS = Set.of("customer", "network", "topology", "sites", "compareWith");

    private void createDesign(Context ctx) throws Exception {
        api.idempotent(ctx, () -> {
            JsonRequest req = JsonRequest.parse(ctx.body(), DESIGN_FIELDS);
            req.string("customer", 200);
            String network = req.string("network", 100);
            Optional<String> compareWith = req.optionalString("compareWith", 100);
            Topology topology = req.optionalString("topology", 30)
                    .map(t -> Topology.fromLabel(t).orElseGet(() -> {
                        req.error("topology", "must be any-to-any or hub-spoke, was '" + t + "'");
                        return null;
                    }))
                    .orElse(Topology.HUB_SPOKE);
            if (network != null && api.networks().find(network).isEmpty()) {
                req.error("network", "no such network: '" + network + "'");
            }
            compareWith.ifPresent(cw -> {
                if (api.networks().find(cw).isEmpty()) {
                    req.error("compareWith", "no such network: '" + cw + "'");
                }
            });
            JsonNode siteArray = req.array("sites");
            List<Site> sites = List.of();
            if (siteArray != null) {
                try {
                    sites = SiteJsonReader.readArray(siteArray.toString(), "sites");
                } catch (InputException e) {
                    req.errors(e.problems().stream()
                            .map(p -> new ApiProblem.FieldError("/sites/" + p.line(), p.message()))
                            .toList());
                }
            }
            Requests.DesignRequest body = req.as(Requests.DesignRequest.class);
            Network n = api.networks().get(body.network());
            Design d = Designer.design(n, sites, DesignOptions.defaults(topology));
            Quote q = Quote.of(d, PriceBook.defaults());
            ObjectNode result = (ObjectNode) Json.tree(DesignView.of(d, q));
            if (body.compareWith().isPresent()) {
                Network other = api.networks().get(body.compareWith().get());
                Design od = Designer.design(other, sites, DesignOptions.defaults(topology));
                ObjectNode comparison = result.putObject("comparison");
                comparison.set(n.name(), result.get("summary"));
                comparison.set(other.name(), Json.tree(DesignFigures.summary(od, Quote.of(od, PriceBook.defaults()))));
            }
            Map<String, Double> gbps = new java.util.TreeMap<>();
            d.spanLoadGbps().forEach((span, g) -> {
                if (g > 0) {
                    gbps.put(span.value(), g);
                }
            });
            String request = ctx.body();
            return tx -> {
                StoredDesign s = tx.designs()
                        .save(
                                Api.caller(ctx).name(),
                                body.customer(),
                                body.network(),
                                topology.label(),
                                request,
                                Api.write(result),
                                gbps);
                ctx.header("Location", "/api/v1/designs/" + s.id());
                return new Api.Reply(201, designJson(s, result));
            };
        });
    }

    private static ObjectNode designJson(StoredDesign s, JsonNode result) {
        ObjectNode o = Api.object()
                .put("id", s.id())
                .put("customerId", s.customerId())
                .put("customer", s.customerName())
                .put("network", s.network())
                .put("topology", s.topology())
                .put("createdAt", s.createdAt().toString())
                .put("createdBy", s.createdBy());
        o.setAll((ObjectNode) result);
        o.put("id", s.id());
        return o;
    }

    private void showDesign(Context ctx) {
        StoredDesign s = api.db()
                .designs()
                .find(ctx.pathParam("id"))
                .orElseThrow(() -> ApiProblem.notFound("design '" + ctx.pathParam("id") + "'"));
        Api.json(ctx, 200, designJson(s, Api.read(s.result())));
    }

    private static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not read", e);
        }
    }
}
