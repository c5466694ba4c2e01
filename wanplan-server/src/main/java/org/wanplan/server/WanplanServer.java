package org.wanplan.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.wanplan.store.Caller;
import org.wanplan.store.Database;
import org.wanplan.store.IllegalTransitionException;
import org.wanplan.store.Integrity;
import org.wanplan.store.OverbookedException;

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

    private final NetworkCatalog networks;
    private final Integrity.Report recovery;
    private final TokenCache tokens;
    private final Api api;
    private final Javalin app;

    /**
     * What one request may ask of the server, enforced before the work starts or while it runs.
     *
     * @param maxSitesPerDesign sites in one {@code POST /designs} (a larger list is refused, 422)
     * @param designBudget time one design may take (past it the design stops and the request gets 422
     *     {@code design-budget-exceeded}; the CLI has no such limit)
     * @param maxPairsListed round trips listed in a design (the worst ones past this; every pair is in the
     *     summary, and in {@code GET /designs/{id}/latency.csv})
     */
    public record Limits(int maxSitesPerDesign, java.time.Duration designBudget, int maxPairsListed) {
        public Limits {
            if (maxSitesPerDesign < 1 || designBudget.isNegative() || designBudget.isZero() || maxPairsListed < 0) {
                throw new IllegalArgumentException(
                        "limits must be positive: " + maxSitesPerDesign + ", " + designBudget + ", " + maxPairsListed);
            }
        }

        /** 20,000 sites, 30 s, 5,000 pairs: the largest enterprise VPNs quoted run to a few thousand sites. */
        public static Limits defaults() {
            return new Limits(20_000, java.time.Duration.ofSeconds(30), 5_000);
        }
    }

    private WanplanServer(Database db, java.util.function.Consumer<String> accessLog, Limits limits) {
        this.networks = new NetworkCatalog(db);
        this.recovery = db.integrity().checkAndRepair();
        this.tokens = new TokenCache(t -> db.tokens().caller(t));
        this.api = new Api(db, networks, tokens, limits);
        this.app = Javalin.create(config -> {
            config.http.maxRequestSize = MAX_BODY_BYTES;
            // a design form's site file (an Excel workbook of 20,000 sites is about 1 MB): in memory, the same limit
            config.jetty.multipartConfig.maxFileSize(MAX_BODY_BYTES, io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(MAX_BODY_BYTES, io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize((int) MAX_BODY_BYTES, io.javalin.config.SizeUnit.BYTES);
            config.http.prefer405over404 = true;
            config.startup.showJavalinBanner = false;
            config.jetty.modifyHttpConfiguration(http -> {
                // Jetty keeps the header fields a keep-alive connection repeats, and by default matches a
                // new field against them ignoring case: a token in another case would be taken for the
                // cached one. Tokens are compared byte for byte, so the cache must be too.
                http.setHeaderCacheCaseSensitive(true);
                http.setSendServerVersion(false);
            });
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems()));
            if (accessLog != NO_ACCESS_LOG) {
                config.requestLogger.http((ctx, ms) -> {
                    Caller c = Api.caller(ctx);
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
            }
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/org/wanplan/server/ui";
                files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
            var r = config.routes;
            r.before(WanplanServer::securityHeaders);
            r.before("/api/*", this::authenticate);
            Api api = this.api;
            for (Routes routes : List.of(
                    new AdminRoutes(api),
                    new NetworkRoutes(api),
                    new DesignRoutes(api),
                    new OrderRoutes(api),
                    new TokenRoutes(api),
                    new FailureRoutes(api),
                    new PortfolioRoutes(api))) {
                routes.register(r);
            }
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
                    org.wanplan.store.UnknownOrderException.class,
                    (e, ctx) -> problem(ctx, new ApiProblem(ProblemCode.NOT_FOUND, e.getMessage())));
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
        return new WanplanServer(db, NO_ACCESS_LOG, Limits.defaults());
    }

    /** No access log: no line is even formatted. */
    private static final java.util.function.Consumer<String> NO_ACCESS_LOG = line -> {};

    /** A server over {@code db}, not yet listening, that hands one line per request to {@code accessLog}. */
    public static WanplanServer create(Database db, java.util.function.Consumer<String> accessLog) {
        return new WanplanServer(db, accessLog, Limits.defaults());
    }

    /** A server over {@code db}, not yet listening, with an access log and its own request limits. */
    public static WanplanServer create(Database db, java.util.function.Consumer<String> accessLog, Limits limits) {
        return new WanplanServer(db, accessLog, limits);
    }

    /**
     * Measures the portfolio against {@code growth} a year (default {@value
     * org.wanplan.store.Portfolio#TARGET_GROWTH}, the operator's plan).
     *
     * @throws IllegalArgumentException unless above -1 and at most 10
     */
    public WanplanServer targetGrowth(double growth) {
        if (!org.wanplan.store.Portfolio.validTargetGrowth(growth)) {
            throw new IllegalArgumentException("target growth must be above -1 and at most 10, was " + growth);
        }
        api.targetGrowth(growth);
        return this;
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

    /**
     * On every response: no MIME sniffing, never framed (clickjacking), no referrer leaves the UI, and
     * nothing under {@code /api} is cached by a browser or proxy (it carries tokens' results).
     */
    private static void securityHeaders(Context ctx) {
        SECURITY_HEADERS.forEach(ctx::header);
        if (ctx.path().startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    static final java.util.Map<String, String> SECURITY_HEADERS = java.util.Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", "frame-ancestors 'none'; object-src 'none'; base-uri 'none'",
            "Referrer-Policy", "no-referrer");

    private void authenticate(Context ctx) {
        if (ctx.path().equals("/api/v1/health") || ctx.path().equals("/api/v1/openapi.json")) {
            return;
        }
        long len = ctx.req().getContentLengthLong();
        if (len > MAX_BODY_BYTES) {
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
        ctx.attribute(Api.CALLER, caller);
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

    /** An RFC 9457 problem as written: {@code errorId} for internal errors, {@code errors} for bad fields. */
    record ProblemBody(
            String type,
            String title,
            int status,
            String detail,
            String code,
            String instance,
            Optional<String> errorId,
            Optional<List<ApiProblem.FieldError>> errors) {}

    static void problem(Context ctx, ApiProblem p) {
        ProblemBody body = new ProblemBody(
                PROBLEM_TYPE + p.code(),
                p.title(),
                p.status(),
                p.getMessage(),
                p.code(),
                ctx.path(),
                p.errorId(),
                p.errors().isEmpty() ? Optional.empty() : Optional.of(p.errors()));
        JsonNode o = Json.tree(body);
        ctx.status(p.status()).contentType(PROBLEM_JSON).result(Api.write(o));
    }
}
