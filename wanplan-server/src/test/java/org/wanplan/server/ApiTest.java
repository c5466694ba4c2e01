package org.wanplan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wanplan.design.Design;
import org.wanplan.design.DesignFigures;
import org.wanplan.design.DesignOptions;
import org.wanplan.design.DesignView;
import org.wanplan.design.Designer;
import org.wanplan.design.Quote;
import org.wanplan.design.Topology;
import org.wanplan.io.builtin.BuiltinNetworks;
import org.wanplan.io.sites.SiteJsonReader;
import org.wanplan.model.Network;
import org.wanplan.model.PriceBook;
import org.wanplan.model.Span;

/** The API over real HTTP on the embedded SQLite database. */
class ApiTest {
    @TempDir
    static Path dir;

    static ServerFixture f;
    static ApiClient api;

    @BeforeAll
    static void start() {
        f = ServerFixture.embedded(dir);
        api = f.api;
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void listsTheBuiltInNetworksWithTheirSpansCapacityAndReservations() {
        var r = api.get("/api/v1/networks", f.viewer);
        assertThat(r.status()).isEqualTo(200);
        Map<String, JsonNode> byName = new HashMap<>();
        r.json().forEach(n -> byName.put(n.get("name").asText(), n));
        for (BuiltinNetworks.Entry e : BuiltinNetworks.list()) {
            Network n = BuiltinNetworks.load(e.name()).orElseThrow();
            assertThat(byName.get(e.name()).get("pops").asInt())
                    .isEqualTo(n.pops().size());
            assertThat(byName.get(e.name()).get("spans").asInt())
                    .isEqualTo(n.spans().size());
        }
        Network sparse = BuiltinNetworks.load("sparse").orElseThrow();
        var spans = api.get("/api/v1/networks/sparse/spans", f.viewer).json();
        assertThat(spans).hasSize(sparse.spans().size());
        for (JsonNode s : spans) {
            Span model = sparse.spans().stream()
                    .filter(x -> x.id().value().equals(s.get("id").asText()))
                    .findFirst()
                    .orElseThrow();
            assertThat(s.get("capacityGbps").asDouble()).isEqualTo(model.capacityGbps());
            assertThat(s.get("reservedGbps").asDouble()).isZero();
        }
        var pops = api.get("/api/v1/networks/euro350/pops", f.viewer).json();
        assertThat(pops).hasSize(350);
        assertThat(api.get("/api/v1/networks/atlantis/spans", f.viewer).code()).isEqualTo("not-found");
    }

    @Test
    void aDesignIsStoredWithTheQuoteTheDesignerGives() throws Exception {
        String body = ServerFixture.twoSites("Quote Check", "euro350", 1000);
        var r = api.post("/api/v1/designs", f.planner, body);
        assertThat(r.status()).isEqualTo(201);
        String id = r.json().get("id").asText();
        assertThat(r.header("Location")).isEqualTo("/api/v1/designs/" + id);

        // the library, called directly, is the reference for what the API carries
        Network euro350 = BuiltinNetworks.load("euro350").orElseThrow();
        Design d = Designer.design(
                euro350,
                SiteJsonReader.readArray(
                        ApiClient.JSON.readTree(body).get("sites").toString(), "sites"),
                DesignOptions.defaults(Topology.HUB_SPOKE));
        Quote q = Quote.of(d, PriceBook.defaults());
        JsonNode quote = api.get("/api/v1/designs/" + id, f.viewer).json().get("quote");
        assertThat(quote.get("totalContractValue").decimalValue()).isEqualByComparingTo(q.totalContractValue());
        // closed form: total = NRC + 36 × MRC
        assertThat(quote.get("totalContractValue").decimalValue())
                .isEqualByComparingTo(quote.get("nrc")
                        .decimalValue()
                        .add(quote.get("mrc").decimalValue().multiply(BigDecimal.valueOf(36))));

        var customers = api.get("/api/v1/customers", f.viewer).json();
        JsonNode c = null;
        for (JsonNode x : customers) {
            if (x.get("name").asText().equals("Quote Check")) {
                c = x;
            }
        }
        assertThat(c).isNotNull();
        var customer =
                api.get("/api/v1/customers/" + c.get("id").asText(), f.viewer).json();
        assertThat(customer.get("designs").get(0).asText()).isEqualTo(id);
        assertThat(customer.get("sites")).hasSize(2);
    }

    @Test
    void aComparisonSaysWhatItTakesForTheSlowerNetworkAsTheLibraryDoes() throws Exception {
        JsonNode sites = api.get("/api/v1/samples/euro-manufacturer", f.viewer).json();
        var body = ApiClient.JSON.createObjectNode();
        body.put("customer", "What It Takes");
        body.put("network", "euro350");
        body.put("compareWith", "sparse");
        body.set("sites", sites);
        var r = api.post("/api/v1/designs", f.planner, body.toString());
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        JsonNode c = r.json().get("comparison");
        JsonNode euro = c.get("euro350").get("whatItTakes");
        assertThat(c.get("sparse").get("whatItTakes").get("needed").asBoolean()).isFalse();
        assertThat(euro.get("needed").asBoolean()).isTrue();
        assertThat(euro.get("competitorMeanRttMs").asDouble())
                .isEqualTo(c.get("sparse").get("meanRttMs").asDouble());
        // the summary of the design itself carries no whatItTakes
        assertThat(r.json().get("summary").has("whatItTakes")).isFalse();

        List<org.wanplan.model.Site> list = SiteJsonReader.readArray(sites.toString(), "sites");
        DesignOptions options = DesignOptions.defaults(Topology.HUB_SPOKE);
        Network euro350 = BuiltinNetworks.load("euro350").orElseThrow();
        Design d = Designer.design(euro350, list, options);
        org.wanplan.design.WhatItTakes.Answer a = org.wanplan.design.WhatItTakes.of(
                euro350,
                list,
                options,
                d,
                Quote.of(d, PriceBook.defaults()).totalContractValue(),
                "sparse",
                c.get("sparse").get("meanRttMs").asDouble(),
                org.wanplan.model.SpanCatalogue.defaults());
        assertThat(euro.get("spans")).hasSize(a.spans().size());
        for (int i = 0; i < a.spans().size(); i++) {
            assertThat(euro.get("spans").get(i).get("a").asText())
                    .isEqualTo(a.spans().get(i).a());
            assertThat(euro.get("spans").get(i).get("b").asText())
                    .isEqualTo(a.spans().get(i).b());
        }
        assertThat(euro.get("termCost").asDouble()).isEqualTo(a.termCost());
        assertThat(euro.get("afterMeanRttMs").asDouble()).isEqualTo(a.afterMeanRttMs());
        assertThat(euro.get("shareOfContract").asDouble()).isEqualTo(a.shareOfContract());
    }

    @Test
    void anOrderReservesItsDesignsBandwidthAndCeasingGivesItBack() {
        var design = api.post("/api/v1/designs", f.planner, ServerFixture.twoSites("Lifecycle", "sparse", 2000))
                .json();
        Map<String, Double> load = new HashMap<>();
        design.get("spanLoadGbps")
                .fields()
                .forEachRemaining(e -> load.put(e.getKey(), e.getValue().asDouble()));
        assertThat(load).isNotEmpty();
        Map<String, Double> before = reserved("sparse");

        var order = api.post(
                "/api/v1/orders",
                f.planner,
                "{\"designId\": \"" + design.get("id").asText() + "\"}");
        assertThat(order.status()).isEqualTo(201);
        String id = order.json().get("id").asText();
        assertThat(order.json().get("state").asText()).isEqualTo("draft");
        assertThat(step(id, "submit").json().get("state").asText()).isEqualTo("submitted");
        assertThat(step(id, "reserve").json().get("state").asText()).isEqualTo("reserved");
        Map<String, Double> during = reserved("sparse");
        load.forEach((span, gbps) -> assertThat(during.get(span)).isCloseTo(before.get(span) + gbps, within()));
        // the order keeps its quote's monthly charge; each span it holds: 12 ln(capacity / used) / ln 1.25 months
        assertThat(order.json().get("mrc").decimalValue())
                .isEqualByComparingTo(design.get("quote").get("mrc").decimalValue());
        Map<String, Double> capacity = new HashMap<>();
        api.get("/api/v1/networks/sparse/spans?limit=10000", f.viewer)
                .json()
                .forEach(s ->
                        capacity.put(s.get("id").asText(), s.get("capacityGbps").asDouble()));
        JsonNode runway =
                api.get("/api/v1/networks/sparse/runway?growth=0.25", f.viewer).json();
        assertThat(runway.get("growth").asDouble()).isEqualTo(0.25);
        int held = 0;
        double previous = 0;
        for (JsonNode r : runway.get("spans")) {
            String span = r.get("id").asText();
            assertThat(r.get("usedGbps").asDouble()).isCloseTo(during.get(span), within());
            if (during.get(span) > 0) {
                held++;
                double months = r.get("monthsToExhaustion").asDouble();
                assertThat(months)
                        .isCloseTo(12 * Math.log(capacity.get(span) / during.get(span)) / Math.log(1.25), within());
                assertThat(months).isGreaterThanOrEqualTo(previous); // soonest first
                previous = months;
            } else {
                assertThat(r.get("monthsToExhaustion").isNull()).isTrue();
            }
        }
        assertThat(held)
                .isEqualTo((int) during.values().stream().filter(g -> g > 0).count())
                .isPositive();
        assertThat(api.get("/api/v1/networks/sparse/runway?growth=abc", f.viewer)
                        .status())
                .isEqualTo(422);
        assertThat(api.get("/api/v1/networks/nowhere/runway", f.viewer).status())
                .isEqualTo(404);
        assertThat(step(id, "activate").json().get("state").asText()).isEqualTo("active");
        assertThat(step(id, "cease").json().get("state").asText()).isEqualTo("ceased");
        Map<String, Double> after = reserved("sparse");
        load.forEach((span, gbps) -> assertThat(after.get(span)).isCloseTo(before.get(span), within()));

        var audit = api.get("/api/v1/audit", f.admin).json();
        List<String> trail = new ArrayList<>();
        for (JsonNode e : audit) {
            if (e.get("entity").asText().equals("order " + id)) {
                trail.add(e.get("actor").asText() + " " + e.get("action").asText() + " "
                        + e.get("before").asText() + "→" + e.get("after").asText());
            }
        }
        String planner = api.get("/api/v1/whoami", f.planner).json().get("name").asText();
        assertThat(trail)
                .containsExactly(
                        planner + " create null→draft",
                        planner + " submitted draft→submitted",
                        planner + " reserved submitted→reserved",
                        planner + " activated reserved→active",
                        planner + " ceased active→ceased");
    }

    @Test
    void aTransitionTheLifecycleDoesNotAllowIsAConflict() {
        String order = newOrder("Illegal", "sparse");
        var r = step(order, "reserve");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("illegal-transition");
        assertThat(step(order, "cease").status()).isEqualTo(409);
        assertThat(api.get("/api/v1/orders/" + order, f.viewer)
                        .json()
                        .get("state")
                        .asText())
                .isEqualTo("draft");
        assertThat(step(order, "explode").status()).isEqualTo(404);
        assertThat(step("ord_nosuchorder", "submit").code()).isEqualTo("not-found");
    }

    @Test
    void aDesignTakesThePartnersAndRoundTripTargetsOfItsRequestAndKeepsThemForItsDownloads() throws Exception {
        JsonNode sites = api.get("/api/v1/samples/euro-manufacturer", f.viewer).json();
        var body = ApiClient.JSON.createObjectNode();
        body.put("customer", "Own Terms");
        body.put("network", "sparse");
        body.set("sites", sites);
        body.set("partners", ApiClient.JSON.readTree("{\"default\": {\"name\": \"slow partner\", \"mttrHours\": 48}}"));
        // every pair up to 500 km held to 1 ms, the rest to a minute
        body.set(
                "rttTargets",
                ApiClient.JSON.readTree("{\"bands\": [{\"upToKm\": 500, \"realtimeMs\": 1, \"businessMs\": 1,"
                        + " \"bestEffortMs\": 1}, {\"realtimeMs\": 60000, \"businessMs\": 60000,"
                        + " \"bestEffortMs\": 60000}]}"));
        var r = api.post("/api/v1/designs", f.planner, body.toString());
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        // the library, given the same book and targets, designs the same
        List<org.wanplan.model.Site> list = SiteJsonReader.readArray(sites.toString(), "sites");
        DesignOptions options = DesignOptions.defaults(Topology.HUB_SPOKE)
                .withPartners(new org.wanplan.model.PartnerBook(
                        new org.wanplan.model.PartnerBook.Partner("slow partner", 48), Map.of()))
                .withRtt(new org.wanplan.model.RttTargets(List.of(
                        new org.wanplan.model.RttTargets.Band(500, 1, 1, 1),
                        new org.wanplan.model.RttTargets.Band(Double.POSITIVE_INFINITY, 60000, 60000, 60000))));
        Design d = Designer.design(BuiltinNetworks.load("sparse").orElseThrow(), list, options);
        DesignView.LatencySummary expected =
                DesignView.of(d, Quote.of(d, PriceBook.defaults())).latencySummary();
        JsonNode summary = r.json().get("latencySummary");
        assertThat(summary.get("realtimeBreaches").asLong())
                .isEqualTo(expected.realtimeBreaches())
                .isPositive();
        assertThat(summary.get("bestEffortBreaches").asLong()).isEqualTo(expected.bestEffortBreaches());
        assertThat(r.json().get("summary").get("meanAvailability").asDouble())
                .isEqualTo(DesignFigures.summary(d, Quote.of(d, PriceBook.defaults()))
                        .meanAvailability());
        boolean named = false;
        for (JsonNode site : r.json().get("sites")) {
            JsonNode t = site.get("tails").get(0);
            if (!t.get("onNet").asBoolean()) {
                assertThat(t.get("partner").asText()).isEqualTo("slow partner");
                named = true;
            }
        }
        assertThat(named).isTrue();
        // the downloads recompute with them: the CSV's real-time column, and the L3SM boundaries (half of 1 ms and
        // of a minute, rounded down: 0 and 30,000)
        String id = r.json().get("id").asText();
        var csv = api.get("/api/v1/designs/" + id + "/latency.csv", f.viewer)
                .raw()
                .body();
        assertThat(csv.lines()
                        .skip(1)
                        .filter(l -> l.split(",")[5].equals("false"))
                        .count())
                .isEqualTo(expected.realtimeBreaches());
        var l3sm = api.get("/api/v1/designs/" + id + "/l3sm", f.viewer).raw().body();
        assertThat(l3sm).contains("\"latency-boundary\":30000").doesNotContain("\"latency-boundary\":22");
        // a bad book is a 422 naming the field, and nothing is kept
        body.set("partners", ApiClient.JSON.readTree("{\"countries\": {\"de\": {\"mttrHours\": -1}}}"));
        body.set("rttTargets", ApiClient.JSON.readTree("[1]"));
        var bad = api.post("/api/v1/designs", f.planner, body.toString());
        assertThat(bad.status()).isEqualTo(422);
        Set<String> pointers = new HashSet<>();
        bad.json().get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
        assertThat(pointers).containsExactlyInAnyOrder("/partners", "/rttTargets");
        assertThat(bad.json().get("errors").toString()).contains("'de' is not an ISO 3166-1 alpha-2 code");
    }

    @Test
    void aDesignWithACostBookShowsItsMarginAndABadOneIsA422() throws Exception {
        JsonNode sites = api.get("/api/v1/samples/french-retailer", f.viewer).json();
        var body = ApiClient.JSON.createObjectNode();
        body.put("customer", "Margin");
        body.put("network", "euro350");
        body.set("sites", sites);
        String book = """
                {"currency": "EUR",
                 "ownTiers": [{"upToMbps": 10000, "accessMrc": 100, "accessNrc": 400, "portMrc": 30}],
                 "managementMrc": 20, "installNrc": 500,
                 "partners": {"default": [{"upToMbps": 10000, "mrc": 300, "nrc": 1000, "mrcPerKm": 2}]}}""";
        body.set("costBook", ApiClient.JSON.readTree(book));
        var r = api.post("/api/v1/designs", f.planner, body.toString());
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        JsonNode m = r.json().get("margin");
        // every site is costed, so the margin's price is the quote's, and the margin is price − cost
        assertThat(m.get("costOnRequest")).isEmpty();
        assertThat(m.get("priceTotal").decimalValue())
                .isEqualByComparingTo(
                        r.json().get("quote").get("totalContractValue").decimalValue());
        assertThat(m.get("margin").decimalValue())
                .isEqualByComparingTo(m.get("priceTotal")
                        .decimalValue()
                        .subtract(m.get("costTotal").decimalValue()));
        // each site's cost by hand from its tails: 500 + 36 × 20, and per circuit a port (36 × 30) and either own
        // access (400 + 36 × 100, + 30,000 per km built) or the partner's (1,000 + 36 × (300 + 2 × km)); the
        // Luxembourg store's crosses the border
        boolean crossed = false;
        int i = 0;
        for (JsonNode site : r.json().get("sites")) {
            double cost = 500 + 36 * 20;
            for (JsonNode t : site.get("tails")) {
                crossed |= t.get("crossBorder").asBoolean();
                cost += 36 * 30;
                // a partner circuit handed over across a border costs 30 % more (the default cross-border share)
                cost += t.get("onNet").asBoolean()
                        ? 400 + 36 * 100 + 30000 * t.get("buildKm").asDouble()
                        : (t.get("crossBorder").asBoolean() ? 1.3 : 1)
                                * (1000 + 36 * (300 + 2 * t.get("km").asDouble()));
            }
            JsonNode sm = m.get("sites").get(i++);
            assertThat(sm.get("site").asText()).isEqualTo(site.get("id").asText());
            assertThat(sm.get("cost").asDouble()).isCloseTo(cost, org.assertj.core.api.Assertions.within(36.0));
        }
        assertThat(i).isEqualTo(sites.size());
        assertThat(crossed).isTrue();
        // a bad book, or one in another currency, is a 422 naming /costBook, and nothing is kept
        body.set("costBook", ApiClient.JSON.readTree(book.replace("\"managementMrc\": 20", "\"managementMrc\": -1")));
        var bad = api.post("/api/v1/designs", f.planner, body.toString());
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/costBook");
        assertThat(bad.json().get("errors").toString()).contains("managementMrc must be from 0");
        body.set("costBook", ApiClient.JSON.readTree(book.replace("EUR", "GBP")));
        var gbp = api.post("/api/v1/designs", f.planner, body.toString());
        assertThat(gbp.status()).isEqualTo(422);
        assertThat(gbp.json().get("errors").toString()).contains("the cost book is in GBP");
    }

    @Test
    void validationReportsEveryBadFieldAtOnceAndStoresNothing() {
        int customers = api.get("/api/v1/customers", f.viewer).json().size();
        var r = api.post("/api/v1/designs", f.planner, """
                {"customer": "Bad", "topology": "ring", "colour": "blue", "sites": [
                  {"id": "a", "city": "Paris", "country": "FR", "bandwidthMbps": -5},
                  {"id": "b", "city": "Atlantis", "country": "FR", "bandwidthMbps": 100, "size": 3}
                ]}""");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo("validation-failed");
        assertThat(r.json().get("type").asText()).isEqualTo("https://wanplan.org/problems/validation-failed");
        Set<String> pointers = new HashSet<>();
        r.json().get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
        assertThat(pointers).contains("/colour", "/network", "/topology", "/sites/0", "/sites/1");
        assertThat(r.json().get("errors").toString()).contains("bandwidthMbps", "Atlantis", "size");
        assertThat(api.get("/api/v1/customers", f.viewer).json()).hasSize(customers);
    }

    @Test
    void bodiesThatAreNotJsonObjectsAreBadRequests() {
        var r = api.post("/api/v1/designs", f.planner, "{\"customer\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("malformed-json");
        assertThat(api.post("/api/v1/orders", f.planner, "[1, 2]").code()).isEqualTo("malformed-json");
        assertThat(api.post("/api/v1/orders", f.planner, "{\"designId\": \"x\"} trailing")
                        .code())
                .isEqualTo("malformed-json");
        var unknown = api.post("/api/v1/orders", f.planner, "{\"designId\": \"des_none\", \"rush\": true}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/rush");
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsSentAndNothingIsStored() throws Exception {
        int customers = api.get("/api/v1/customers", f.viewer).json().size();
        // only the headers go out, announcing one byte over the limit (as curl does with Expect: 100-continue):
        // the server must answer 413 without waiting for the body
        String response =
                api.headersOnly("/api/v1/designs", f.planner, "application/json", WanplanServer.MAX_BODY_BYTES + 1);
        assertThat(response).startsWith("HTTP/1.1 413");
        assertThat(response).contains("application/problem+json").contains("\"code\":\"payload-too-large\"");
        assertThat(api.get("/api/v1/customers", f.viewer).json()).hasSize(customers);
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        var r = api.get("/api/v1/nothing-here", f.viewer);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.code()).isEqualTo("not-found");
        var m = api.call("DELETE", "/api/v1/networks", f.admin, null);
        assertThat(m.status()).isEqualTo(405);
        assertThat(m.code()).isEqualTo("method-not-allowed");
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstResponseAndRefusesAnotherRequest() throws Exception {
        String design = api.post("/api/v1/designs", f.planner, ServerFixture.twoSites("Idem", "sparse", 1000))
                .json()
                .get("id")
                .asText();
        String body = "{\"designId\": \"" + design + "\"}";
        var first = api.post("/api/v1/orders", f.planner, body, "Idempotency-Key", "k-1");
        var again = api.post("/api/v1/orders", f.planner, body, "Idempotency-Key", "k-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
        // the same JSON written otherwise is the same request (the audit found 422 here)
        var spaced = api.post(
                "/api/v1/orders", f.planner, "{\n  \"designId\" :  \"" + design + "\"\n}", "Idempotency-Key", "k-1");
        assertThat(spaced.status()).isEqualTo(201);
        assertThat(spaced.header("Idempotent-Replayed")).isEqualTo("true");
        var other = api.post("/api/v1/orders", f.planner, "{\"designId\": \"d-0\"}", "Idempotency-Key", "k-1");
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("idempotency-key-reused");
        // another caller's key space is its own
        var admin = api.post("/api/v1/orders", f.admin, body, "Idempotency-Key", "k-1");
        assertThat(admin.json().get("id")).isNotEqualTo(first.json().get("id"));

        // 16 racing retries of one request create one order
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<ApiClient.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                replies.add(pool.submit(() -> api.post("/api/v1/orders", f.planner, body, "Idempotency-Key", "race")));
            }
            Set<String> ids = new HashSet<>();
            for (Future<ApiClient.Reply> r : replies) {
                assertThat(r.get().status()).isEqualTo(201);
                ids.add(r.get().json().get("id").asText());
            }
            assertThat(ids).hasSize(1);
            long made = 0;
            for (JsonNode o : api.get("/api/v1/orders", f.viewer).json()) {
                if (ids.contains(o.get("id").asText())) {
                    made++;
                }
            }
            assertThat(made).isEqualTo(1);

            // 16 racing retries of one reservation: every one answers 200 with the one reservation (the
            // audit found 15 × 200 and one 409, the loser having tried to reserve a reserved order)
            String order = ids.iterator().next();
            assertThat(api.post("/api/v1/orders/" + order + "/submit", f.planner, "{}")
                            .status())
                    .isEqualTo(200);
            List<Future<ApiClient.Reply>> reserves = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                reserves.add(pool.submit(() -> api.post(
                        "/api/v1/orders/" + order + "/reserve", f.planner, "{}", "Idempotency-Key", "reserve-race")));
            }
            Set<String> bodies = new HashSet<>();
            int replayed = 0;
            for (Future<ApiClient.Reply> r : reserves) {
                assertThat(r.get().status()).as(r.get().raw().body()).isEqualTo(200);
                bodies.add(r.get().raw().body());
                replayed += "true".equals(r.get().header("Idempotent-Replayed")) ? 1 : 0;
            }
            assertThat(bodies).hasSize(1);
            assertThat(replayed).isEqualTo(15);
            // a replay after the order moved on returns the response as first sent, not the order now
            assertThat(api.post("/api/v1/orders/" + order + "/activate", f.planner, "{}")
                            .status())
                    .isEqualTo(200);
            var late = api.post(
                    "/api/v1/orders/" + order + "/reserve", f.planner, "{}", "Idempotency-Key", "reserve-race");
            assertThat(late.raw().body()).isEqualTo(bodies.iterator().next());
            assertThat(late.json().get("state").asText()).isEqualTo("reserved");
            assertThat(api.get("/api/v1/orders/" + order, f.viewer)
                            .json()
                            .get("state")
                            .asText())
                    .isEqualTo("active");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void anAdminIssuesListsAndRevokesTokensAndARevokedTokenIsRefusedAtOnce() {
        String adminName = api.get("/api/v1/whoami", f.admin).json().get("name").asText();
        var issued = api.post("/api/v1/tokens", f.admin, "{\"role\": \"planner\"}");
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.header("Cache-Control")).isEqualTo("no-store");
        String token = issued.json().get("token").asText();
        String id = issued.json().get("id").asText();
        assertThat(issued.json().get("createdBy").asText()).isEqualTo(adminName);
        var me = api.get("/api/v1/whoami", token).json();
        assertThat(me.get("name").asText()).isEqualTo(id);
        assertThat(me.get("role").asText()).isEqualTo("planner");

        var list = api.get("/api/v1/tokens", f.admin);
        assertThat(list.json().findValuesAsText("id")).contains(id, adminName);
        assertThat(list.raw().body()).doesNotContain("wp_"); // no secret, ever

        // revoked through this server: refused on the very next request, not after the cache's 10 s
        var revoked = api.post("/api/v1/tokens/" + id.replace("#", "%23") + "/revoke", f.admin, null);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("revokedBy").asText()).isEqualTo(adminName);
        assertThat(api.get("/api/v1/whoami", token).status()).isEqualTo(401);
        var again = api.post("/api/v1/tokens/" + id.substring("token#".length()) + "/revoke", f.admin, null);
        assertThat(again.json().get("revokedAt").asText())
                .isEqualTo(revoked.json().get("revokedAt").asText());
        assertThat(api.get("/api/v1/audit", f.admin).json())
                .filteredOn(e -> e.get("entity").asText().equals(id))
                .extracting(e -> e.get("actor").asText() + " " + e.get("action").asText())
                .containsExactly(adminName + " create", adminName + " revoke");

        assertThat(api.post("/api/v1/tokens/token%23999999/revoke", f.admin, null)
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/tokens/nonsense/revoke", f.admin, null).status())
                .isEqualTo(404);
        var bad = api.post("/api/v1/tokens", f.admin, "{\"role\": \"king\"}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/role");
        var keyed = api.post("/api/v1/tokens", f.admin, "{\"role\": \"viewer\"}", "Idempotency-Key", "t-1");
        assertThat(keyed.status()).isEqualTo(422);
        assertThat(keyed.json().get("errors").get(0).get("pointer").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void theOpenApiDocumentIsServedWithoutAToken() {
        var r = api.get("/api/v1/openapi.json", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(api.get("/api/v1/health", null).status()).isEqualTo(200);
    }

    private Map<String, Double> reserved(String network) {
        Map<String, Double> out = new HashMap<>();
        api.get("/api/v1/networks/" + network + "/spans", f.viewer)
                .json()
                .forEach(
                        s -> out.put(s.get("id").asText(), s.get("reservedGbps").asDouble()));
        return out;
    }

    private ApiClient.Reply step(String order, String action) {
        return api.post("/api/v1/orders/" + order + "/" + action, f.planner, null);
    }

    private String newOrder(String customer, String network) {
        String design = api.post("/api/v1/designs", f.planner, ServerFixture.twoSites(customer, network, 1000))
                .json()
                .get("id")
                .asText();
        return api.post("/api/v1/orders", f.planner, "{\"designId\": \"" + design + "\"}")
                .json()
                .get("id")
                .asText();
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
