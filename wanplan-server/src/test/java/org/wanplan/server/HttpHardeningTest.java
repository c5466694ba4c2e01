package org.wanplan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit's HTTP findings, each reproduced over a raw socket or the real client. */
class HttpHardeningTest {
    @TempDir
    static Path dir;

    static ServerFixture f;

    @BeforeAll
    static void start() {
        f = ServerFixture.embedded(dir);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    /** One keep-alive connection: writes raw HTTP/1.1 requests and reads each response's status and headers. */
    private static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final BufferedReader in;

        Connection(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000);
            out = socket.getOutputStream();
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        }

        /** Sends {@code request} as is and returns the status line and headers; skips the body. */
        String exchange(String request) throws IOException {
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            StringBuilder head = new StringBuilder();
            int length = 0;
            boolean chunked = false;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.append(line).append('\n');
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
                if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                for (int size = Integer.parseInt(in.readLine().strip(), 16);
                        size > 0;
                        size = Integer.parseInt(in.readLine().strip(), 16)) {
                    in.skip(size);
                    in.readLine();
                }
                in.readLine();
            } else {
                in.skip(length);
            }
            return head.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static String get(String path, String token) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n\r\n";
    }

    @Test
    void aTokenInAnotherCaseIsRefusedOnAKeepAliveConnectionThatSentTheRealOne() throws IOException {
        String real = f.viewer;
        String upper = real.toUpperCase(Locale.ROOT);
        assertThat(upper).isNotEqualTo(real);
        try (Connection c = new Connection(f.server.port())) {
            assertThat(c.exchange(get("/api/v1/whoami", real))).startsWith("HTTP/1.1 200");
            assertThat(c.exchange(get("/api/v1/whoami", real))).startsWith("HTTP/1.1 200");
            assertThat(c.exchange(get("/api/v1/whoami", upper))).startsWith("HTTP/1.1 401");
            String lower = real.toLowerCase(Locale.ROOT);
            if (!lower.equals(real)) {
                assertThat(c.exchange(get("/api/v1/whoami", lower))).startsWith("HTTP/1.1 401");
            }
            assertThat(c.exchange(get("/api/v1/whoami", real))).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersAndApiResponsesAreNotCached() {
        for (String[] call : new String[][] {
            {"/api/v1/networks", f.viewer},
            {"/api/v1/health", null},
            {"/", null},
            {"/api/v1/nothing", f.viewer},
            {"/api/v1/networks", null}
        }) {
            var r = f.api.get(call[0], call[1]);
            assertThat(r.header("X-Content-Type-Options")).as(call[0]).isEqualTo("nosniff");
            assertThat(r.header("X-Frame-Options")).as(call[0]).isEqualTo("DENY");
            assertThat(r.header("Content-Security-Policy")).as(call[0]).contains("frame-ancestors 'none'");
            assertThat(r.header("Referrer-Policy")).as(call[0]).isEqualTo("no-referrer");
            if (call[0].startsWith("/api/")) {
                assertThat(r.header("Cache-Control")).as(call[0]).isEqualTo("no-store");
            }
        }
    }

    @Test
    void malformedRequestsThatJettyAnswersItselfGetAProblemNotAnHtmlPage() throws IOException {
        String[] requests = {
            "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header Without Colon\r\n\r\n",
            "GET /api/v1/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
            "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(70_000) + "\r\n\r\n",
            "BREW /api/v1/health HTCPCP/1.0\r\n\r\n",
        };
        for (String request : requests) {
            try (Connection c = new Connection(f.server.port())) {
                String head = c.exchange(request);
                assertThat(head).as(request.substring(0, 30)).matches("(?s)HTTP/1.1 (4..|505) .*");
                assertThat(head.toLowerCase(Locale.ROOT))
                        .as(request.substring(0, 30))
                        .contains("content-type: application/problem+json")
                        .contains("x-content-type-options: nosniff");
            }
        }
    }

    /** {@code n} spoke sites at seeded random places between Lisbon and Helsinki, as a POST /designs body. */
    static String sites(String customer, String topology, int n, long seed) {
        java.util.Random r = new java.util.Random(seed);
        StringBuilder b = new StringBuilder("{\"customer\": \"" + customer + "\", \"network\": \"euro350\", "
                + "\"topology\": \"" + topology + "\", \"sites\": [");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",")
                    .append(String.format(
                            Locale.ROOT,
                            "{\"id\":\"s%d\",\"lat\":%.4f,\"lon\":%.4f,\"bandwidthMbps\":100}",
                            i,
                            40 + r.nextDouble() * 20,
                            -5 + r.nextDouble() * 25));
        }
        return b.append("]}").toString();
    }

    @Test
    void aDesignRequestOverTheSiteLimitIsRefusedBeforeAnyWork() {
        var r = f.api.post("/api/v1/designs", f.planner, sites("Too many", "any-to-any", 20_001, 1));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/sites");
        assertThat(r.json().get("errors").get(0).get("detail").asText())
                .isEqualTo("at most 20000 sites per design request, was 20001");
    }

    @Test
    void aDesignPastItsBudgetStopsWithAReasonAndTheServerKeepsServing(@TempDir Path other) {
        try (ServerFixture g =
                ServerFixture.embedded(other, new WanplanServer.Limits(20_000, java.time.Duration.ofSeconds(2), 40))) {
            long start = System.nanoTime();
            var r = g.api.post("/api/v1/designs", g.planner, sites("Big", "any-to-any", 20_000, 2));
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(r.status()).as(r.raw().body()).isEqualTo(422);
            assertThat(r.code()).isEqualTo("design-budget-exceeded");
            assertThat(r.json().get("detail").asText())
                    .startsWith("the design of 20000 sites did not finish within 2000 ms");
            assertThat(tookMs)
                    .as("answered soon after its budget, not after the design")
                    .isLessThan(20_000);
            assertThat(g.api.get("/api/v1/health", null).json().get("database").asText())
                    .isEqualTo("ok");
            assertThat(g.api.get("/api/v1/customers", g.viewer).status()).isEqualTo(200);

            // a design within the budget lists its 40 worst round trips and summarises all of them; the
            // full matrix streams as CSV
            var small = g.api.post("/api/v1/designs", g.planner, sites("Small", "any-to-any", 20, 3));
            assertThat(small.status()).as(small.raw().body()).isEqualTo(201);
            JsonNode summary = small.json().get("latencySummary");
            assertThat(summary.get("pairs").asLong()).isEqualTo(20 * 19 / 2);
            assertThat(summary.get("listed").asInt()).isEqualTo(40);
            assertThat(small.json().get("latency")).hasSize(40);
            var csv = g.api.get("/api/v1/designs/" + small.json().get("id").asText() + "/latency.csv", g.viewer);
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.header("Content-Type")).startsWith("text/csv");
            List<String> rows = csv.raw().body().lines().skip(1).toList();
            assertThat(rows).hasSize(190);
            double[] rtt = rows.stream()
                    .mapToDouble(l -> Double.parseDouble(l.split(",")[2]))
                    .sorted()
                    .toArray();
            assertThat(summary.get("maxRttMs").asDouble())
                    .isCloseTo(rtt[rtt.length - 1], org.assertj.core.data.Offset.offset(1e-3));
            assertThat(summary.get("p50RttMs").asDouble())
                    .isCloseTo(rtt[94], org.assertj.core.data.Offset.offset(1e-3));
            double listedMin = java.util.stream.StreamSupport.stream(
                            small.json().get("latency").spliterator(), false)
                    .mapToDouble(l -> l.get("rttMs").asDouble())
                    .min()
                    .orElseThrow();
            assertThat(listedMin).isCloseTo(rtt[rtt.length - 40], org.assertj.core.data.Offset.offset(1e-3));
        }
    }

    @Test
    void everyListPagesWithACursorInItsLinkHeader() {
        for (int i = 0; i < 5; i++) {
            assertThat(f.api.post("/api/v1/designs", f.planner, ServerFixture.twoSites("Paging " + i, "sparse", 100))
                            .status())
                    .isEqualTo(201);
        }
        for (String list : List.of(
                "/api/v1/customers",
                "/api/v1/networks",
                "/api/v1/networks/sparse/pops",
                "/api/v1/networks/sparse/spans",
                "/api/v1/tokens")) {
            var all = f.api.get(list, f.admin);
            assertThat(all.header("Link")).as(list).isNull();
            List<JsonNode> paged = new java.util.ArrayList<>();
            String next = list + "?limit=2";
            int pages = 0;
            while (next != null) {
                var page = f.api.get(next, f.admin);
                assertThat(page.status()).as(next).isEqualTo(200);
                assertThat(page.json().size()).as(next).isLessThanOrEqualTo(2);
                page.json().forEach(paged::add);
                String link = page.header("Link");
                next = link == null ? null : link.substring(1, link.indexOf('>'));
                pages++;
            }
            assertThat(paged).as(list).containsExactlyElementsOf(all.json());
            assertThat(pages).as(list).isEqualTo(Math.max(1, (all.json().size() + 1) / 2));
        }
        var bad = f.api.get("/api/v1/networks?cursor=bm9wZQ", f.viewer);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").get(0).get("pointer").asText()).isEqualTo("cursor");
    }

    @Test
    void healthSaysWhetherTheDatabaseAnswers(@TempDir Path other) {
        ServerFixture g = ServerFixture.embedded(other);
        try {
            var ok = g.api.get("/api/v1/health", null);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.json().get("status").asText()).isEqualTo("ok");
            g.db.close();
            var down = g.api.get("/api/v1/health", null);
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.json().get("status").asText()).isEqualTo("unavailable");
            assertThat(down.json().get("database").asText()).isNotEqualTo("ok");
        } finally {
            g.server.close();
        }
    }

    @Test
    void outOfRangeNumbersAndBadBytesAreProblemsNotInternalErrors() {
        // above the largest access tier: designed, and quoted on request (the audit saw a 500)
        var big = f.api.post("/api/v1/designs", f.planner, ServerFixture.twoSites("Big pipes", "sparse", 200_000));
        assertThat(big.status()).as(big.raw().body()).isEqualTo(201);
        List<String> onRequest = new java.util.ArrayList<>();
        big.json().get("quote").get("lines").forEach(l -> {
            if (l.get("item").asText().startsWith("priced on request: ")) {
                onRequest.add(l.get("site").asText());
                assertThat(l.get("mrc").decimalValue()).isZero();
            }
        });
        assertThat(onRequest).containsExactly("paris", "lyon");
        for (String mbps : List.of("1e308", "1e-300", "-1")) {
            var r = f.api.post(
                    "/api/v1/designs",
                    f.planner,
                    ServerFixture.twoSites("Odd", "sparse", 100).replace("100}", mbps + "}"));
            assertThat(r.status()).as(mbps).isEqualTo(422);
            assertThat(r.json().get("errors")).as(r.raw().body()).hasSize(2);
            assertThat(r.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/sites/0");
            assertThat(r.json().get("errors").get(1).get("pointer").asText()).isEqualTo("/sites/1");
            assertThat(r.json().get("errors").get(0).get("detail").asText())
                    .startsWith("bandwidthMbps must be from 0.064");
        }
        // invalid UTF-8 in an uploaded network: 422 naming the line (the audit saw a 500)
        byte[] graphml =
                ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<graphml>\n<node id=\"caf\u00e9\"/>\n</graphml>\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bad = java.util.Arrays.copyOf(graphml, graphml.length);
        int e = new String(graphml, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf('\u00c3');
        bad[e + 1] = 0x28; // C3 28: not UTF-8
        var r = f.api.bytes("POST", "/api/v1/networks?name=badbytes&format=graphml", f.admin, bad);
        assertThat(r.status()).as(r.raw().body()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("invalid-network");
        assertThat(r.json().get("errors").get(0).get("pointer").asText()).isEqualTo("line 3");
        assertThat(r.json().get("errors").get(0).get("detail").asText()).startsWith("not valid UTF-8 at column");
    }
}
