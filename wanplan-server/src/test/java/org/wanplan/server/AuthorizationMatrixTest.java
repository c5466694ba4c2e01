package org.wanplan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wanplan.store.Ids;
import org.wanplan.store.Order;
import org.wanplan.store.Role;
import org.wanplan.store.StoredDesign;

/**
 * Every endpoint × every caller (no token, an unknown token, viewer, planner, admin) → the expected
 * status: 401 without a valid token, 403 below the endpoint's role, its success status otherwise. The
 * table is written here by hand from the issue's role rules; the OpenAPI document must list exactly
 * these endpoints.
 */
class AuthorizationMatrixTest {
    @TempDir
    static Path dir;

    static ServerFixture f;
    static StoredDesign design;
    static final AtomicInteger NAMES = new AtomicInteger();

    /** One endpoint: method, path template, weakest role allowed (null: public), and a request that succeeds. */
    record Endpoint(String method, String template, Role role, int success, Supplier<String[]> request) {}

    static List<Endpoint> endpoints;

    @BeforeAll
    static void start() {
        f = ServerFixture.embedded(dir);
        String id = f.api.post("/api/v1/designs", f.planner, ServerFixture.twoSites("Matrix", "sparse", 1000))
                .json()
                .get("id")
                .asText();
        design = f.db.designs().find(id).orElseThrow();
        endpoints = List.of(
                get("/api/v1/health", null, () -> "/api/v1/health"),
                get("/api/v1/openapi.json", null, () -> "/api/v1/openapi.json"),
                get("/api/v1/whoami", Role.VIEWER, () -> "/api/v1/whoami"),
                get("/api/v1/networks", Role.VIEWER, () -> "/api/v1/networks"),
                new Endpoint("POST", "/api/v1/networks", Role.ADMIN, 201, () -> {
                    String name = "up" + NAMES.incrementAndGet();
                    return new String[] {
                        "/api/v1/networks?name=" + name + "&format=json", TinyNetworks.parisLyon(name, 10)
                    };
                }),
                get("/api/v1/networks/{name}", Role.VIEWER, () -> "/api/v1/networks/sparse"),
                get("/api/v1/networks/{name}/pops", Role.VIEWER, () -> "/api/v1/networks/sparse/pops"),
                get("/api/v1/networks/{name}/spans", Role.VIEWER, () -> "/api/v1/networks/sparse/spans"),
                get("/api/v1/networks/{name}/runway", Role.VIEWER, () -> "/api/v1/networks/sparse/runway?growth=0.3"),
                get("/api/v1/portfolio", Role.VIEWER, () -> "/api/v1/portfolio"),
                get("/api/v1/samples", Role.VIEWER, () -> "/api/v1/samples"),
                get("/api/v1/samples/{name}", Role.VIEWER, () -> "/api/v1/samples/french-retailer"),
                get("/api/v1/customers", Role.VIEWER, () -> "/api/v1/customers"),
                get("/api/v1/customers/{id}", Role.VIEWER, () -> "/api/v1/customers/" + design.customerId()),
                new Endpoint("POST", "/api/v1/designs", Role.PLANNER, 201, () ->
                        new String[] {"/api/v1/designs", ServerFixture.twoSites("Matrix", "sparse", 500)}),
                get("/api/v1/designs/{id}", Role.VIEWER, () -> "/api/v1/designs/" + design.id()),
                get(
                        "/api/v1/designs/{id}/latency.csv",
                        Role.VIEWER,
                        () -> "/api/v1/designs/" + design.id() + "/latency.csv"),
                get("/api/v1/designs/{id}/l3sm", Role.VIEWER, () -> "/api/v1/designs/" + design.id() + "/l3sm"),
                get("/api/v1/orders", Role.VIEWER, () -> "/api/v1/orders"),
                new Endpoint("POST", "/api/v1/orders", Role.PLANNER, 201, () ->
                        new String[] {"/api/v1/orders", "{\"designId\": \"" + design.id() + "\"}"}),
                get("/api/v1/orders/{id}", Role.VIEWER, () -> "/api/v1/orders/" + order(0).id()),
                action("submit", 0),
                action("reserve", 1),
                action("activate", 2),
                action("cease", 3),
                action("cancel", 0),
                get("/api/v1/audit", Role.ADMIN, () -> "/api/v1/audit"),
                get("/api/v1/tokens", Role.ADMIN, () -> "/api/v1/tokens"),
                new Endpoint("POST", "/api/v1/tokens", Role.ADMIN, 201, () ->
                        new String[] {"/api/v1/tokens", "{\"role\": \"viewer\"}"}),
                new Endpoint("POST", "/api/v1/tokens/{id}/revoke", Role.ADMIN, 200, () -> new String[] {
                    "/api/v1/tokens/"
                            + f.db.tokens().issue(Role.VIEWER, "setup").info().id() + "/revoke",
                    null
                }),
                new Endpoint("POST", "/api/v1/failures", Role.VIEWER, 200, () -> new String[] {
                    "/api/v1/failures", "{\"network\": \"sparse\", \"fail\": [\"pop:paris\"], \"maxDemands\": 50}"
                }));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static Endpoint get(String template, Role role, Supplier<String> path) {
        return new Endpoint("GET", template, role, 200, () -> new String[] {path.get(), null});
    }

    /** An order action on a fresh order moved {@code steps} along draft → submitted → reserved → active. */
    static Endpoint action(String action, int steps) {
        return new Endpoint("POST", "/api/v1/orders/{id}/" + action, Role.PLANNER, 200, () ->
                new String[] {"/api/v1/orders/" + order(steps).id() + "/" + action, null});
    }

    static Order order(int steps) {
        try {
            var orders = f.db.orders();
            Order o = orders.create(
                    "setup",
                    Ids.next("ord"),
                    design.customerName(),
                    design.network(),
                    design.gbpsBySpan(),
                    design.id());
            if (steps > 0) {
                o = orders.submit("setup", o.id());
            }
            if (steps > 1) {
                o = orders.reserve("setup", o.id());
            }
            if (steps > 2) {
                o = orders.activate("setup", o.id());
            }
            return o;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyEndpointAnswersEveryCallerAsItsRoleRequires() {
        List<String> mismatches = new ArrayList<>();
        int cells = 0;
        for (Endpoint e : endpoints) {
            for (String who : List.of("none", "unknown", "viewer", "planner", "admin")) {
                String token = switch (who) {
                    case "none" -> null;
                    case "unknown" -> "wp_not-a-token";
                    case "viewer" -> f.viewer;
                    case "planner" -> f.planner;
                    default -> f.admin;
                };
                int expected;
                if (e.role() == null) {
                    expected = e.success();
                } else if (token == null || who.equals("unknown")) {
                    expected = 401;
                } else {
                    Role r = Role.fromLabel(who).orElseThrow();
                    expected = r.allows(e.role()) ? e.success() : 403;
                }
                String[] req = e.request().get();
                var reply = f.api.call(e.method(), req[0], token, req[1]);
                cells++;
                if (reply.status() != expected) {
                    mismatches.add(e.method() + " " + req[0] + " as " + who + ": expected " + expected + ", was "
                            + reply.status() + " " + reply.raw().body());
                }
                if (reply.status() >= 400) {
                    JsonNode p = reply.json();
                    if (p == null
                            || !p.has("code")
                            || !reply.header("Content-Type").startsWith("application/problem+json")) {
                        mismatches.add(e.method() + " " + req[0] + " as " + who + ": not a problem+json");
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(cells).isEqualTo(endpoints.size() * 5);
    }

    @Test
    void theOpenApiDocumentListsExactlyTheseEndpoints() {
        JsonNode doc = f.api.get("/api/v1/openapi.json", null).json();
        Set<String> documented = new TreeSet<>();
        doc.get("paths")
                .fields()
                .forEachRemaining(p -> p.getValue()
                        .fieldNames()
                        .forEachRemaining(m -> documented.add(m.toUpperCase(Locale.ROOT) + " /api/v1" + p.getKey())));
        Set<String> tested = new TreeSet<>();
        endpoints.forEach(e -> tested.add(e.method() + " " + e.template()));
        assertThat(documented).isEqualTo(tested);
        // and the role each documents is the one tested
        for (Endpoint e : endpoints) {
            JsonNode op = doc.get("paths")
                    .get(e.template().substring("/api/v1".length()))
                    .get(e.method().toLowerCase(Locale.ROOT));
            assertThat(op.get("x-wanplan-role").asText())
                    .as(e.method() + " " + e.template())
                    .isEqualTo(e.role() == null ? "none" : e.role().label());
        }
    }
}
