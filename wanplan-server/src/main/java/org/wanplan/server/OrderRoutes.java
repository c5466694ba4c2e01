package org.wanplan.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import org.wanplan.store.Ids;
import org.wanplan.store.Order;
import org.wanplan.store.Role;

/** Orders made from designs, and their lifecycle actions. */
final class OrderRoutes implements Routes {
    private final Api api;
    private final Designs designs;

    OrderRoutes(Api api) {
        this.api = api;
        this.designs = new Designs(api);
    }

    /** What an order takes from its design: the bandwidth per span, and the quote's monthly charge. */
    record OrderSource(
            String id,
            String customerName,
            String network,
            java.util.Map<String, Double> gbpsBySpan,
            java.math.BigDecimal mrc,
            String currency) {
        static OrderSource of(org.wanplan.store.StoredDesign d) {
            JsonNode quote = Json.parse(d.result()).path("quote");
            return new OrderSource(
                    d.id(),
                    d.customerName(),
                    d.network(),
                    d.gbpsBySpan(),
                    quote.path("mrc").isNumber() ? quote.path("mrc").decimalValue() : java.math.BigDecimal.ZERO,
                    quote.path("currency").asText("EUR"));
        }
    }

    /**
     * Designs as orders need them, kept once read: a stored design never changes, so this needs no
     * expiry, and many orders are made from one design (P5 makes every order from one). Bounded: past
     * 10,000 designs it starts afresh.
     */
    private static final class Designs {
        private final Api api;
        private final java.util.Map<String, OrderSource> kept = new java.util.concurrent.ConcurrentHashMap<>();

        Designs(Api api) {
            this.api = api;
        }

        java.util.Optional<OrderSource> computeIfAbsent(String id) {
            OrderSource s = kept.get(id);
            if (s != null) {
                return java.util.Optional.of(s);
            }
            java.util.Optional<OrderSource> found = api.db().designs().find(id).map(OrderSource::of);
            found.ifPresent(f -> {
                if (kept.size() >= 10_000) {
                    kept.clear();
                }
                kept.put(id, f);
            });
            return found;
        }
    }

    @Override
    public void register(RoutesConfig r) {
        r.get("/api/v1/orders", Api.as(Role.VIEWER, this::listOrders));
        r.post("/api/v1/orders", Api.as(Role.PLANNER, this::createOrder));
        r.get("/api/v1/orders/{id}", Api.as(Role.VIEWER, this::showOrder));
        r.post("/api/v1/orders/{id}/{action}", Api.as(Role.PLANNER, this::orderAction));
    }

    private static final Set<String> ORDER_FIELDS = Set.of("designId");

    private void createOrder(Context ctx) throws Exception {
        api.idempotent(ctx, () -> {
            JsonRequest req = JsonRequest.parse(ctx.body(), ORDER_FIELDS);
            req.string("designId", 100);
            String designId = req.as(Requests.OrderRequest.class).designId();
            OrderSource d = designs.computeIfAbsent(designId)
                    .orElseThrow(() -> ApiProblem.invalid(
                            List.of(new ApiProblem.FieldError("/designId", "no such design: '" + designId + "'"))));
            if (d.gbpsBySpan().isEmpty()) {
                throw ApiProblem.invalid(List.of(new ApiProblem.FieldError(
                        "/designId", "design '" + designId + "' uses no backbone capacity: nothing to order")));
            }
            return tx -> {
                Order o = tx.orders()
                        .create(
                                Api.caller(ctx).name(),
                                Ids.next("ord"),
                                d.customerName(),
                                d.network(),
                                d.gbpsBySpan(),
                                d.id(),
                                d.mrc(),
                                d.currency());
                ctx.header("Location", "/api/v1/orders/" + o.id());
                return new Api.Reply(201, orderJson(o));
            };
        });
    }

    private static JsonNode orderJson(Order o) {
        return Json.tree(Views.OrderView.of(o));
    }

    private void listOrders(Context ctx) {
        Api.page(ctx, 1000, Order::id, (after, n) -> api.db().orders().list(after, n), Views.OrderView::of);
    }

    private void showOrder(Context ctx) {
        Order o = api.db()
                .orders()
                .find(ctx.pathParam("id"))
                .orElseThrow(() -> ApiProblem.notFound("order '" + ctx.pathParam("id") + "'"));
        Api.json(ctx, 200, orderJson(o));
    }

    static final List<String> ACTIONS = List.of("submit", "reserve", "activate", "cease", "cancel");

    private void orderAction(Context ctx) throws Exception {
        String id = ctx.pathParam("id");
        String action = ctx.pathParam("action");
        if (!ACTIONS.contains(action)) {
            throw new ApiProblem(
                    ProblemCode.NOT_FOUND,
                    "no order action '" + action + "' (actions: " + String.join(", ", ACTIONS) + ")");
        }
        if (!ctx.body().isBlank()) {
            JsonRequest.parse(ctx.body(), Set.of()).throwIfInvalid();
        }
        // an unknown order is found inside the transaction (UnknownOrderException → 404): no lookup before it
        String actor = Api.caller(ctx).name();
        api.idempotent(ctx, () -> tx -> {
            Order o = switch (action) {
                case "submit" -> tx.orders().submit(actor, id);
                case "reserve" -> tx.orders().reserve(actor, id);
                case "activate" -> tx.orders().activate(actor, id);
                case "cease" -> tx.orders().cease(actor, id);
                default -> tx.orders().cancel(actor, id);
            };
            return new Api.Reply(200, orderJson(o));
        });
    }
}
