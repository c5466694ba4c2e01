package org.wanplan.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.JdbiException;
import org.wanplan.design.Design;
import org.wanplan.design.DesignOptions;
import org.wanplan.design.Designer;
import org.wanplan.design.Quote;
import org.wanplan.design.Topology;
import org.wanplan.io.input.InputException;
import org.wanplan.io.sites.SiteJsonReader;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.PriceBook;
import org.wanplan.model.Site;
import org.wanplan.model.Span;
import org.wanplan.store.AuditEntry;
import org.wanplan.store.Caller;
import org.wanplan.store.Customer;
import org.wanplan.store.Database;
import org.wanplan.store.Idempotency;
import org.wanplan.store.Ids;
import org.wanplan.store.IllegalTransitionException;
import org.wanplan.store.Integrity;
import org.wanplan.store.Order;
import org.wanplan.store.OverbookedException;
import org.wanplan.store.Role;
import org.wanplan.store.StoredDesign;
import org.wanplan.store.Tokens;
import org.wanplan.store.Tx;

/**
 * The service platform's HTTP server: the {@code /api/v1} REST API over the store, on Javalin.
 *
 * <p>Every endpoint but {@code /api/v1/health} and the OpenAPI document needs {@code Authorization:
 * Bearer <token>}, and a role at least as strong as the one it names (viewer &lt; planner &lt; admin).
 * Errors are RFC 9457 {@code application/problem+json} with a stable {@code code}. POSTs may carry an
 * {@code Idempotency-Key}: the first successful response is kept, in the transaction that did the work,
 * and replayed for a retry of the same request by the same caller.
 */
public final class WanplanServer implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WanplanServer.class);
    private static final java.security.SecureRandom ERROR_IDS = new java.security.SecureRandom();

    /** Largest request body accepted (bytes); a larger one is refused with 413 before it is read. */
    public static final long MAX_BODY_BYTES = 4L * 1024 * 1024;

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_TYPE = "https://wanplan.org/problems/";
    private static final String CALLER = "wanplan.caller";

    private final Database db;
    private final NetworkCatalog networks;
    private final Integrity.Report recovery;
    private final TokenCache tokens;
    private final Javalin app;

    private WanplanServer(Database db, java.util.function.Consumer<String> accessLog) {
        this.db = db;
        this.networks = new NetworkCatalog(db);
        this.recovery = db.integrity().checkAndRepair();
        this.tokens = new TokenCache(t -> db.tokens().caller(t));
        this.app = Javalin.create(config -> {
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            config.startup.showJavalinBanner = false;
            config.requestLogger.http((ctx, ms) -> {
                Caller c = ctx.attribute(CALLER);
                accessLog.accept(String.format(
                        java.util.Locale.ROOT,
                        "%s %s %s %s %d %.1f ms",
                        java.time.Instant.now(),
                        c == null ? "-" : c.name(),
                        ctx.method(),
                        ctx.path(),
                        ctx.statusCode(),
                        ms));
            });
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/org/wanplan/server/ui";
                files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
            var r = config.routes;
            r.before("/api/*", this::authenticate);
            r.get("/api/v1/health", ctx -> json(ctx, 200, object().put("status", "ok")));
            r.get("/api/v1/openapi.json", this::openApi);
            r.get("/api/v1/networks", as(Role.VIEWER, this::listNetworks));
            r.post("/api/v1/networks", as(Role.ADMIN, this::importNetwork));
            r.get("/api/v1/networks/{name}", as(Role.VIEWER, this::showNetwork));
            r.get("/api/v1/networks/{name}/pops", as(Role.VIEWER, this::pops));
            r.get("/api/v1/networks/{name}/spans", as(Role.VIEWER, this::spans));
            r.get("/api/v1/samples", as(Role.VIEWER, this::samples));
            r.get("/api/v1/samples/{name}", as(Role.VIEWER, this::sample));
            r.get("/api/v1/customers", as(Role.VIEWER, this::customers));
            r.get("/api/v1/customers/{id}", as(Role.VIEWER, this::customer));
            r.post("/api/v1/designs", as(Role.PLANNER, this::createDesign));
            r.get("/api/v1/designs/{id}", as(Role.VIEWER, this::showDesign));
            r.get("/api/v1/orders", as(Role.VIEWER, this::listOrders));
            r.post("/api/v1/orders", as(Role.PLANNER, this::createOrder));
            r.get("/api/v1/orders/{id}", as(Role.VIEWER, this::showOrder));
            r.post("/api/v1/orders/{id}/{action}", as(Role.PLANNER, this::orderAction));
            r.get("/api/v1/audit", as(Role.ADMIN, this::audit));
            r.get("/api/v1/tokens", as(Role.ADMIN, this::listTokens));
            r.post("/api/v1/tokens", as(Role.ADMIN, this::createToken));
            r.post("/api/v1/tokens/{id}/revoke", as(Role.ADMIN, this::revokeToken));
            r.post(
                    "/api/v1/failures",
                    as(
                            Role.VIEWER,
                            ctx -> json(
                                    ctx,
                                    200,
                                    FailureView.run(JsonRequest.parse(ctx.body(), FailureView.FIELDS), networks))));
            r.get("/basemap.geojson", this::basemap);
            r.get("/api/v1/whoami", as(Role.VIEWER, ctx -> {
                Caller c = ctx.attribute(CALLER);
                json(
                        ctx,
                        200,
                        object().put("name", c.name()).put("role", c.role().label()));
            }));
            r.exception(ApiProblem.class, (e, ctx) -> problem(ctx, e));
            r.exception(
                    OverbookedException.class,
                    (e, ctx) -> problem(
                            ctx,
                            new ApiProblem(
                                    ProblemCode.OVERBOOKED,
                                    e.getMessage(),
                                    List.of(new ApiProblem.FieldError("span", e.span())))));
            r.exception(
                    IllegalTransitionException.class,
                    (e, ctx) -> problem(ctx, new ApiProblem(ProblemCode.ILLEGAL_TRANSITION, e.getMessage())));
            r.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, fromJavalin(e)));
            r.exception(Exception.class, (e, ctx) -> {
                String errorId = "err-" + HexFormat.of().toHexDigits(ERROR_IDS.nextLong());
                LOG.error("{} {} {} failed ({})", errorId, ctx.method(), ctx.path(), e.toString(), e);
                problem(ctx, ApiProblem.internal(errorId));
            });
            r.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    problem(ctx, new ApiProblem(ProblemCode.NOT_FOUND, "no resource at " + ctx.path()));
                }
            });
            r.error(
                    405,
                    ctx -> problem(
                            ctx,
                            new ApiProblem(
                                    ProblemCode.METHOD_NOT_ALLOWED,
                                    ctx.method() + " is not allowed on " + ctx.path())));
        });
    }

    /** A server over {@code db}, not yet listening, that keeps no access log. */
    public static WanplanServer create(Database db) {
        return new WanplanServer(db, line -> {});
    }

    /** A server over {@code db}, not yet listening, that hands one line per request to {@code accessLog}. */
    public static WanplanServer create(Database db, java.util.function.Consumer<String> accessLog) {
        return new WanplanServer(db, accessLog);
    }

    /** Listens on {@code host}:{@code port} (0: any free port); see {@link #port()}. */
    public WanplanServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    /** What the start-up integrity check mended (see {@link Integrity}); clean after a clean shutdown. */
    public Integrity.Report recovery() {
        return recovery;
    }

    @Override
    public void close() {
        app.stop();
    }

    // ---------------------------------------------------------------- authentication and helpers

    private void authenticate(Context ctx) {
        if (ctx.path().equals("/api/v1/health") || ctx.path().equals("/api/v1/openapi.json")) {
            return;
        }
        String len = ctx.header("Content-Length");
        if (len != null && len.matches("\\d{1,18}") && Long.parseLong(len) > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"wanplan\"");
            throw new ApiProblem(
                    ProblemCode.UNAUTHENTICATED,
                    "send Authorization: Bearer <token> (create one with `wanplan token create`)");
        }
        Caller caller = tokens.caller(header.substring(7).strip()).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer realm=\"wanplan\", error=\"invalid_token\"");
            return new ApiProblem(ProblemCode.INVALID_TOKEN, "the token is not known");
        });
        ctx.attribute(CALLER, caller);
    }

    /** {@code handler}, for callers whose role allows {@code required}; others get 403. */
    private static Handler as(Role required, Handler handler) {
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

    private static ApiProblem tooLarge() {
        return new ApiProblem(ProblemCode.PAYLOAD_TOO_LARGE, "the limit is " + MAX_BODY_BYTES + " bytes");
    }

    private static ApiProblem fromJavalin(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 413 -> tooLarge();
            case 404 -> new ApiProblem(ProblemCode.NOT_FOUND, e.getMessage());
            case 405 -> new ApiProblem(ProblemCode.METHOD_NOT_ALLOWED, e.getMessage());
            default -> ApiProblem.ofHttpStatus(e.getStatus(), e.getMessage());
        };
    }

    static void problem(Context ctx, ApiProblem p) {
        ObjectNode o = object().put("type", PROBLEM_TYPE + p.code())
                .put("title", p.title())
                .put("status", p.status())
                .put("detail", p.getMessage())
                .put("code", p.code())
                .put("instance", ctx.path());
        p.errorId().ifPresent(id -> o.put("errorId", id));
        if (!p.errors().isEmpty()) {
            ArrayNode errors = o.putArray("errors");
            p.errors()
                    .forEach(f -> errors.addObject().put("pointer", f.pointer()).put("detail", f.detail()));
        }
        ctx.status(p.status()).contentType(PROBLEM_JSON).result(write(o));
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static String write(JsonNode node) {
        try {
            return JsonRequest.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void json(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType("application/json").result(write(body));
    }

    private static Caller caller(Context ctx) {
        return ctx.attribute(CALLER);
    }

    /** The status and body of a successful POST, as kept for its idempotency key. */
    private record Reply(int status, JsonNode body) {}

    @FunctionalInterface
    private interface Work {
        Reply apply(Tx tx) throws Exception;
    }

    /**
     * Runs a POST's work in one transaction, honouring {@code Idempotency-Key}: a retry of the same
     * request gets the kept response (with {@code Idempotent-Replayed: true}); the same key on a different
     * request is refused (422). {@code prepare} does what needs no transaction (a design's computation)
     * and runs only when the key is new.
     */
    private void idempotent(Context ctx, Callable<Work> prepare) throws Exception {
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

    // ---------------------------------------------------------------- networks

    private void listNetworks(Context ctx) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        networks.all().forEach(n -> out.add(summary(n)));
        json(ctx, 200, out);
    }

    private ObjectNode summary(Network n) {
        return object().put("name", n.name())
                .put("builtin", networks.builtin(n.name()))
                .put("pops", n.pops().size())
                .put("spans", n.spans().size())
                .put("srlgs", n.srlgs().size())
                .put("fibreKm", n.totalFibreKm())
                .put("attribution", n.attribution().orElse(null));
    }

    private void showNetwork(Context ctx) {
        json(ctx, 200, summary(networks.get(ctx.pathParam("name"))));
    }

    private void pops(Context ctx) {
        Network n = networks.get(ctx.pathParam("name"));
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (Pop p : n.pops()) {
            ObjectNode o = out.addObject().put("id", p.id().value()).put("name", p.name());
            p.countryCode().ifPresent(c -> o.put("country", c));
            p.location().ifPresent(l -> o.put("lat", l.latitude()).put("lon", l.longitude()));
            if (p.population().isPresent()) {
                o.put("population", p.population().getAsLong());
            }
            o.put("degree", n.degree(p.id()));
        }
        json(ctx, 200, out);
    }

    private void spans(Context ctx) {
        Network n = networks.get(ctx.pathParam("name"));
        Map<String, Double> reserved = db.reservations().reserved(n.name());
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (Span s : n.spans()) {
            ObjectNode o = out.addObject()
                    .put("id", s.id().value())
                    .put("a", s.a().value())
                    .put("b", s.b().value())
                    .put("capacityGbps", s.capacityGbps())
                    .put("reservedGbps", reserved.getOrDefault(s.id().value(), 0.0))
                    .put("submarine", s.submarine());
            s.length().ifPresent(l -> o.put("km", l.km()));
            ArrayNode srlgs = o.putArray("srlgs");
            s.srlgs().forEach(x -> srlgs.add(x.value()));
        }
        json(ctx, 200, out);
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
        Network n = networks.importNetwork(caller(ctx).name(), name, format, body);
        ctx.header("Location", "/api/v1/networks/" + n.name());
        json(ctx, 201, summary(n));
    }

    // ---------------------------------------------------------------- samples, customers, designs

    static final List<String> SAMPLES = List.of("french-retailer", "euro-manufacturer");

    private void samples(Context ctx) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        SAMPLES.forEach(out::add);
        json(ctx, 200, out);
    }

    private void sample(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        if (!SAMPLES.contains(name)) {
            throw ApiProblem.notFound("sample '" + name + "'");
        }
        try (InputStream in = WanplanServer.class.getResourceAsStream("/org/wanplan/design/samples/" + name + ".csv")) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("sample " + name + " is not shipped"));
            }
            json(ctx, 200, SampleSites.asJson(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    private void customers(Context ctx) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        db.designs().customers().forEach(c -> out.add(customerJson(c)));
        json(ctx, 200, out);
    }

    private void customer(Context ctx) {
        Customer c = db.designs()
                .customer(ctx.pathParam("id"))
                .orElseThrow(() -> ApiProblem.notFound("customer '" + ctx.pathParam("id") + "'"));
        ObjectNode o = customerJson(c);
        if (!c.designIds().isEmpty()) {
            StoredDesign latest = db.designs().find(c.designIds().get(0)).orElseThrow();
            o.set("sites", read(latest.request()).get("sites"));
        }
        json(ctx, 200, o);
    }

    private static ObjectNode customerJson(Customer c) {
        ObjectNode o = object().put("id", c.id())
                .put("name", c.name())
                .put("createdAt", c.createdAt().toString());
        ArrayNode designs = o.putArray("designs");
        c.designIds().forEach(designs::add);
        return o;
    }

    private static final Set<String> DESIGN_FIELDS = Set.of("customer", "network", "topology", "sites", "compareWith");

    private void createDesign(Context ctx) throws Exception {
        idempotent(ctx, () -> {
            JsonRequest req = JsonRequest.parse(ctx.body(), DESIGN_FIELDS);
            String customer = req.string("customer", 200);
            String network = req.string("network", 100);
            Optional<String> compareWith = req.optionalString("compareWith", 100);
            Topology topology = req.optionalString("topology", 30)
                    .map(t -> Topology.fromLabel(t).orElseGet(() -> {
                        req.error("topology", "must be any-to-any or hub-spoke, was '" + t + "'");
                        return null;
                    }))
                    .orElse(Topology.HUB_SPOKE);
            if (network != null && networks.find(network).isEmpty()) {
                req.error("network", "no such network: '" + network + "'");
            }
            compareWith.ifPresent(cw -> {
                if (networks.find(cw).isEmpty()) {
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
            req.throwIfInvalid();
            Network n = networks.get(network);
            Design d = Designer.design(n, sites, DesignOptions.defaults(topology));
            Quote q = Quote.of(d, PriceBook.defaults());
            ObjectNode result = DesignView.json(d, q);
            if (compareWith.isPresent()) {
                Network other = networks.get(compareWith.get());
                Design od = Designer.design(other, sites, DesignOptions.defaults(topology));
                ObjectNode comparison = result.putObject("comparison");
                comparison.set(n.name(), result.get("summary"));
                comparison.set(
                        other.name(),
                        DesignView.json(od, Quote.of(od, PriceBook.defaults())).get("summary"));
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
                        .save(caller(ctx).name(), customer, network, topology.label(), request, write(result), gbps);
                ctx.header("Location", "/api/v1/designs/" + s.id());
                return new Reply(201, designJson(s, result));
            };
        });
    }

    private static ObjectNode designJson(StoredDesign s, JsonNode result) {
        ObjectNode o = object().put("id", s.id())
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
        StoredDesign s = db.designs()
                .find(ctx.pathParam("id"))
                .orElseThrow(() -> ApiProblem.notFound("design '" + ctx.pathParam("id") + "'"));
        json(ctx, 200, designJson(s, read(s.result())));
    }

    private static JsonNode read(String json) {
        try {
            return JsonRequest.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not read", e);
        }
    }

    // ---------------------------------------------------------------- orders and audit

    private static final Set<String> ORDER_FIELDS = Set.of("designId");

    private void createOrder(Context ctx) throws Exception {
        idempotent(ctx, () -> {
            JsonRequest req = JsonRequest.parse(ctx.body(), ORDER_FIELDS);
            String designId = req.string("designId", 100);
            req.throwIfInvalid();
            StoredDesign d = db.designs()
                    .find(designId)
                    .orElseThrow(() -> ApiProblem.invalid(
                            List.of(new ApiProblem.FieldError("/designId", "no such design: '" + designId + "'"))));
            if (d.gbpsBySpan().isEmpty()) {
                throw ApiProblem.invalid(List.of(new ApiProblem.FieldError(
                        "/designId", "design '" + designId + "' uses no backbone capacity: nothing to order")));
            }
            return tx -> {
                Order o = tx.orders()
                        .create(
                                caller(ctx).name(),
                                Ids.next("ord"),
                                d.customerName(),
                                d.network(),
                                d.gbpsBySpan(),
                                d.id());
                ctx.header("Location", "/api/v1/orders/" + o.id());
                return new Reply(201, orderJson(o));
            };
        });
    }

    private static ObjectNode orderJson(Order o) {
        ObjectNode j = object().put("id", o.id())
                .put("customer", o.customer())
                .put("network", o.network())
                .put("designId", o.designId())
                .put("state", o.state().label());
        ObjectNode spans = j.putObject("gbpsBySpan");
        new java.util.TreeMap<>(o.gbpsBySpan()).forEach(spans::put);
        j.put(
                "totalGbps",
                o.gbpsBySpan().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum());
        return j;
    }

    private void listOrders(Context ctx) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        db.orders().list(limit(ctx, 1000)).forEach(o -> out.add(orderJson(o)));
        json(ctx, 200, out);
    }

    private void showOrder(Context ctx) {
        Order o = db.orders()
                .find(ctx.pathParam("id"))
                .orElseThrow(() -> ApiProblem.notFound("order '" + ctx.pathParam("id") + "'"));
        json(ctx, 200, orderJson(o));
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
        if (db.orders().find(id).isEmpty()) {
            throw ApiProblem.notFound("order '" + id + "'");
        }
        String actor = caller(ctx).name();
        idempotent(ctx, () -> tx -> {
            Order o = switch (action) {
                case "submit" -> tx.orders().submit(actor, id);
                case "reserve" -> tx.orders().reserve(actor, id);
                case "activate" -> tx.orders().activate(actor, id);
                case "cease" -> tx.orders().cease(actor, id);
                default -> tx.orders().cancel(actor, id);
            };
            return new Reply(200, orderJson(o));
        });
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
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (AuditEntry e : db.orders().auditEntries(after, limit(ctx, 1000))) {
            out.addObject()
                    .put("id", e.id())
                    .put("at", e.at().toString())
                    .put("actor", e.actor())
                    .put("action", e.action())
                    .put("entity", e.entity())
                    .put("before", e.before())
                    .put("after", e.after());
        }
        json(ctx, 200, out);
    }

    // ---------------------------------------------------------------- tokens (admin)

    private static final Set<String> TOKEN_FIELDS = Set.of("role");

    private void listTokens(Context ctx) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        db.tokens().list().forEach(t -> out.add(tokenJson(t)));
        json(ctx, 200, out);
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
        req.throwIfInvalid();
        Tokens.Issued issued = db.tokens().issue(role.orElseThrow(), caller(ctx).name());
        ctx.header("Location", "/api/v1/tokens");
        ctx.header("Cache-Control", "no-store");
        json(ctx, 201, tokenJson(issued.info()).put("token", issued.token()));
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
            t = db.tokens().revoke(caller(ctx).name(), id.getAsLong());
        } catch (java.util.NoSuchElementException e) {
            throw ApiProblem.notFound("token '" + raw + "'");
        }
        tokens.forget(Tokens.name(t.id()));
        json(ctx, 200, tokenJson(t));
    }

    private static ObjectNode tokenJson(Tokens.Info t) {
        ObjectNode j = object().put("id", Tokens.name(t.id()))
                .put("role", t.role().label())
                .put("createdAt", t.createdAt().toString())
                .put("createdBy", t.createdBy());
        if (t.revoked()) {
            j.put("revokedAt", t.revokedAt().toString()).put("revokedBy", t.revokedBy());
        } else {
            j.putNull("revokedAt").putNull("revokedBy");
        }
        return j;
    }

    private static int limit(Context ctx, int max) {
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

    /** The Natural Earth 1:50m countries of Europe (public domain) the map draws under the network: no tile server. */
    private void basemap(Context ctx) throws IOException {
        try (InputStream in =
                org.wanplan.io.builtin.BuiltinNetworks.class.getResourceAsStream("ne_50m_europe_countries.geojson")) {
            ctx.contentType("application/geo+json")
                    .header("Cache-Control", "max-age=86400")
                    .result(in.readAllBytes());
        }
    }

    // ---------------------------------------------------------------- OpenAPI

    private void openApi(Context ctx) throws IOException {
        try (InputStream in = WanplanServer.class.getResourceAsStream("openapi.json")) {
            ctx.contentType("application/json").result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
