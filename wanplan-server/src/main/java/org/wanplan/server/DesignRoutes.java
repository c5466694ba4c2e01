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
import org.wanplan.design.DesignTimeoutException;
import org.wanplan.design.DesignView;
import org.wanplan.design.Designer;
import org.wanplan.design.Quote;
import org.wanplan.design.Topology;
import org.wanplan.design.WhatItTakes;
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
        r.get("/api/v1/designs/{id}/latency.csv", Api.as(Role.VIEWER, this::latencyCsv));
        r.get("/api/v1/designs/{id}/l3sm", Api.as(Role.VIEWER, this::l3sm));
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
        List<Customer> all = api.db().designs().customers();
        Api.page(ctx, 1000, Customer::id, Api.inMemory(all, Customer::id), Views.CustomerView::of);
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

    private static final Set<String> DESIGN_FIELDS =
            Set.of("customer", "network", "topology", "sites", "compareWith", "partners", "rttTargets", "costBook");

    /**
     * {@code POST /designs}: a JSON body, or a {@code multipart/form-data} form whose {@code sites} part is the
     * site list as a file (an Excel workbook, CSV or JSON, as on the command line; {@code sheet} names the
     * workbook's sheet) and whose other fields are the JSON body's. The form is turned into that JSON body —
     * the sites as the JSON array the body takes — which is what is kept, fingerprinted for retries and
     * designed.
     */
    private void createDesign(Context ctx) throws Exception {
        String text = ctx.isMultipartFormData() ? formAsJson(ctx) : ctx.body();
        api.idempotent(ctx, text, () -> {
            JsonRequest req = JsonRequest.parse(text, DESIGN_FIELDS);
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
            DesignOptions options = options(
                    topology == null ? Topology.HUB_SPOKE : topology,
                    req.optionalObject("partners"),
                    req.optionalObject("rttTargets"),
                    req::errors);
            // what each line costs the operator: the design's margin, when given (there is no built-in one)
            Optional<org.wanplan.model.CostBook> costs = book(
                    req.optionalObject("costBook"), "costBook", org.wanplan.io.price.CostBookFile::read, req::errors);
            costs.filter(c -> !c.currency().equals(PriceBook.defaults().currency()))
                    .ifPresent(c -> req.error(
                            "costBook",
                            "the cost book is in " + c.currency() + " and the price book in "
                                    + PriceBook.defaults().currency() + "; give it in "
                                    + PriceBook.defaults().currency()));
            JsonNode siteArray = req.array("sites");
            List<Site> sites = List.of();
            int maxSites = api.limits().maxSitesPerDesign();
            if (siteArray != null && siteArray.size() > maxSites) {
                req.error("sites", "at most " + maxSites + " sites per design request, was " + siteArray.size());
            } else if (siteArray != null) {
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
            long start = System.nanoTime();
            Design d = design(n, sites, options, api.limits().designBudget());
            Quote q = Quote.of(d, PriceBook.defaults());
            ObjectNode result =
                    (ObjectNode) Json.tree(DesignView.of(d, q, api.limits().maxPairsListed()));
            costs.ifPresent(c -> result.set("margin", Json.tree(org.wanplan.design.Margin.of(d, q, c, n))));
            if (body.compareWith().isPresent()) {
                Network other = api.networks().get(body.compareWith().get());
                Design od = design(
                        other, sites, options, api.limits().designBudget().minusNanos(System.nanoTime() - start));
                Quote oq = Quote.of(od, PriceBook.defaults());
                ObjectNode comparison = result.putObject("comparison");
                ObjectNode mine = result.get("summary").deepCopy();
                ObjectNode theirs = (ObjectNode) Json.tree(DesignFigures.summary(od, oq));
                mine.set("whatItTakes", whatItTakes(n, sites, options, d, q, other.name(), theirs, start));
                theirs.set("whatItTakes", whatItTakes(other, sites, options, od, oq, n.name(), mine, start));
                comparison.set(n.name(), mine);
                comparison.set(other.name(), theirs);
            }
            Map<String, Double> gbps = new java.util.TreeMap<>();
            d.spanLoadGbps().forEach((span, g) -> {
                if (g > 0) {
                    gbps.put(span.value(), g);
                }
            });
            String request = text;
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

    private static final List<String> FORM_FIELDS =
            List.of("customer", "network", "topology", "compareWith", "sheet", "sites");

    /** A design form as the JSON body it stands for; a site file that does not read is a 422 naming its cells. */
    private String formAsJson(Context ctx) throws IOException {
        List<ApiProblem.FieldError> errors = new java.util.ArrayList<>();
        for (String field : ctx.formParamMap().keySet()) {
            if (!FORM_FIELDS.contains(field)) {
                errors.add(new ApiProblem.FieldError(field, "unknown field (known: " + FORM_FIELDS + ")"));
            }
        }
        io.javalin.http.UploadedFile file = ctx.uploadedFile("sites");
        if (file == null) {
            errors.add(new ApiProblem.FieldError("sites", "required: the site list as a file part"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        String name = file.filename() == null || file.filename().isBlank() ? "sites" : file.filename();
        Optional<String> sheet = Optional.ofNullable(ctx.formParam("sheet")).filter(s -> !s.isBlank());
        List<Site> sites;
        try (InputStream in = file.content()) {
            sites = org.wanplan.io.sites.SiteFiles.read(in.readAllBytes(), name, sheet);
        } catch (InputException e) {
            throw ApiProblem.invalid(e.problems().stream()
                    .map(p -> new ApiProblem.FieldError(
                            "sites" + (p.cell().isEmpty() ? p.line() > 0 ? ":" + p.line() : "" : ": " + p.cell()),
                            p.message()))
                    .toList());
        }
        ObjectNode o = Api.object();
        for (String field : List.of("customer", "network", "topology", "compareWith")) {
            String v = ctx.formParam(field);
            if (v != null) {
                o.put(field, v);
            }
        }
        o.set("sites", SampleSites.asJson(sites));
        return Api.write(o);
    }

    /**
     * {@link WhatItTakes} for {@code n} against the competitor's {@code summary}, within what is left of the
     * design budget (a 422 past it, as for the design).
     */
    private ObjectNode whatItTakes(
            Network n,
            List<Site> sites,
            DesignOptions options,
            Design d,
            Quote q,
            String competitor,
            JsonNode summary,
            long start) {
        java.time.Duration left = api.limits().designBudget().minusNanos(System.nanoTime() - start);
        try {
            WhatItTakes.Answer a = WhatItTakes.of(
                    n,
                    sites,
                    options,
                    d,
                    q.totalContractValue(),
                    competitor,
                    summary.get("meanRttMs").asDouble(),
                    org.wanplan.model.SpanCatalogue.defaults(),
                    left.isNegative() ? java.time.Duration.ZERO : left);
            ObjectNode o = (ObjectNode) Json.tree(a);
            o.put("shareOfContract", a.shareOfContract());
            return o;
        } catch (DesignTimeoutException e) {
            throw new ApiProblem(
                    ProblemCode.DESIGN_BUDGET_EXCEEDED,
                    e.getMessage() + " while finding what it takes on " + n.name()
                            + "; the server gives a design and its comparison " + e.budgetMillis() / 1000
                            + " s. Compare with the command line (wanplan compare), which has no such limit");
        }
    }

    /** Reads a book of type {@code T} from JSON (a request's field). */
    @FunctionalInterface
    private interface BookReader<T> {
        T read(java.io.Reader in, String file, boolean yaml) throws IOException, InputException;
    }

    /**
     * The design options of a request: its topology, with its partner book and round-trip targets when it gives
     * them. A book that does not read goes to {@code problems}, each of its problems an error of its field, and
     * leaves the default in place.
     */
    private static DesignOptions options(
            Topology topology,
            Optional<JsonNode> partners,
            Optional<JsonNode> rttTargets,
            java.util.function.Consumer<List<ApiProblem.FieldError>> problems) {
        DesignOptions o = DesignOptions.defaults(topology);
        o = book(partners, "partners", org.wanplan.io.price.PartnerBookFile::read, problems)
                .map(o::withPartners)
                .orElse(o);
        return book(rttTargets, "rttTargets", org.wanplan.io.price.RttTargetsFile::read, problems)
                .map(o::withRtt)
                .orElse(o);
    }

    private static <T> Optional<T> book(
            Optional<JsonNode> node,
            String field,
            BookReader<T> reader,
            java.util.function.Consumer<List<ApiProblem.FieldError>> problems) {
        if (node.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(reader.read(new java.io.StringReader(node.get().toString()), field, false));
        } catch (InputException e) {
            problems.accept(e.problems().stream()
                    .map(p -> new ApiProblem.FieldError("/" + field, p.message()))
                    .toList());
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The design options of stored design {@code s}'s {@code request}, which read when it was taken. */
    private static DesignOptions options(StoredDesign s, JsonNode request) {
        java.util.function.Function<String, Optional<JsonNode>> object =
                f -> Optional.ofNullable(request.get(f)).filter(JsonNode::isObject);
        return options(
                Topology.fromLabel(s.topology()).orElseThrow(),
                object.apply("partners"),
                object.apply("rttTargets"),
                errors -> {
                    throw new IllegalStateException("a stored design request does not read: " + errors);
                });
    }

    /** {@link Designer#design} within {@code budget}; past it, a 422 saying so (and nothing kept). */
    private static Design design(Network n, List<Site> sites, DesignOptions options, java.time.Duration budget) {
        try {
            return Designer.design(n, sites, options, budget.isNegative() ? java.time.Duration.ZERO : budget);
        } catch (DesignTimeoutException e) {
            throw new ApiProblem(
                    ProblemCode.DESIGN_BUDGET_EXCEEDED,
                    e.getMessage() + " on " + n.name() + "; the server gives a design "
                            + e.budgetMillis() / 1000 + " s. Split the sites, or design them with the command"
                            + " line (wanplan design), which has no such limit");
        }
    }

    /** A stored design, recomputed from its request (a design is a function of its request and network). */
    private Design recompute(StoredDesign s) {
        JsonNode request = Api.read(s.request());
        return recompute(s, request, options(s, request));
    }

    /** The same from its request, read, and the request's options. */
    private Design recompute(StoredDesign s, JsonNode request, DesignOptions options) {
        List<Site> sites;
        try {
            sites = SiteJsonReader.readArray(request.get("sites").toString(), "sites");
        } catch (InputException e) {
            throw new IllegalStateException("a stored design request does not read: " + e.getMessage(), e);
        }
        return design(
                api.networks().get(s.network()), sites, options, api.limits().designBudget());
    }

    private StoredDesign stored(Context ctx) {
        return api.db()
                .designs()
                .find(ctx.pathParam("id"))
                .orElseThrow(() -> ApiProblem.notFound("design '" + ctx.pathParam("id") + "'"));
    }

    /**
     * The design as an RFC 8299 L3VPN service order ({@link org.wanplan.design.L3smExport}), RFC 7951 JSON as
     * RESTCONF serves it ({@code application/yang-data+json}); the VPN is named after the customer.
     */
    private void l3sm(Context ctx) {
        StoredDesign s = stored(ctx);
        JsonNode request = Api.read(s.request());
        DesignOptions options = options(s, request);
        Design d = recompute(s, request, options);
        Object order = org.wanplan.design.L3smExport.of(
                d, options, org.wanplan.design.L3smExport.vpnId(s.customerName()), s.customerName());
        ctx.status(200).contentType("application/yang-data+json").result(Api.write(Json.tree(order)));
    }

    /**
     * Every site pair's round trip as CSV, streamed: the design is recomputed from the stored request
     * (a design is a function of its request and network), within the same budget.
     */
    private void latencyCsv(Context ctx) throws IOException {
        StoredDesign s = stored(ctx);
        Design d = recompute(s);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + s.id() + "-latency.csv\"");
        try (java.io.Writer out = new java.io.BufferedWriter(
                new java.io.OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16)) {
            out.write("a,b,rttMs,km,gbps,realtimeOk,businessOk,bestEffortOk\n");
            for (Design.PairLatency p : d.latency()) {
                out.write(csvRow(List.of(
                        p.a(),
                        p.b(),
                        String.format(java.util.Locale.ROOT, "%.4f", p.rttMs()),
                        String.format(java.util.Locale.ROOT, "%.3f", p.km()),
                        String.format(java.util.Locale.ROOT, "%.6f", p.gbps()),
                        Boolean.toString(p.realtimeOk()),
                        Boolean.toString(p.businessOk()),
                        Boolean.toString(p.bestEffortOk()))));
            }
        }
    }

    private static String csvRow(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (String c : cells) {
            if (b.length() > 0) {
                b.append(',');
            }
            boolean quote = c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r");
            b.append(quote ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        return b.append('\n').toString();
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
