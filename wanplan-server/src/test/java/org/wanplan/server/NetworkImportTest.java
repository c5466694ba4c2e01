package org.wanplan.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Networks imported by upload: every format the CLI reads, errors with lines, kept across restarts. */
class NetworkImportTest {
    @TempDir
    Path dir;

    @Test
    void anUploadedNetworkIsListedRegisteredAndSurvivesARestart() throws Exception {
        try (ServerFixture f = ServerFixture.embedded(dir)) {
            var r = upload(f, "duo", "json", TinyNetworks.parisLyon("ignored", 40));
            assertThat(r.statusCode()).isEqualTo(201);
            assertThat(r.headers().firstValue("Location")).contains("/api/v1/networks/duo");
            var spans = f.api.get("/api/v1/networks/duo/spans", f.viewer).json();
            assertThat(spans).hasSize(1);
            assertThat(spans.get(0).get("capacityGbps").asDouble()).isEqualTo(40.0);
            assertThat(upload(f, "duo", "json", TinyNetworks.parisLyon("x", 40)).statusCode())
                    .isEqualTo(409);
            assertThat(upload(f, "euro350", "json", TinyNetworks.parisLyon("x", 40))
                            .statusCode())
                    .isEqualTo(409);
            // a design on it, reserved, so the restart has something to keep
            var design = f.api.post("/api/v1/designs", f.planner, ServerFixture.twoSites("Duo", "duo", 1000))
                    .json();
            assertThat(design.get("spanLoadGbps").get("paris-lyon").asDouble()).isPositive();
        }
        try (ServerFixture again = ServerFixture.embedded(dir)) {
            var n = again.api.get("/api/v1/networks/duo", again.viewer);
            assertThat(n.status()).isEqualTo(200);
            assertThat(n.json().get("builtin").asBoolean()).isFalse();
            assertThat(n.json().get("spans").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aNetworkImportedThroughAnotherServerOnTheSameDatabaseIsServedAtOnce() throws Exception {
        try (ServerFixture first = ServerFixture.embedded(dir);
                ServerFixture second = ServerFixture.embedded(dir)) {
            assertThat(second.api.get("/api/v1/networks/duo", second.viewer).status())
                    .isEqualTo(404);
            assertThat(upload(first, "duo", "json", TinyNetworks.parisLyon("ignored", 40))
                            .statusCode())
                    .isEqualTo(201);
            // the second server learnt of it only from the database
            assertThat(second.api.get("/api/v1/networks", second.viewer).json().findValuesAsText("name"))
                    .contains("duo");
            assertThat(second.api.get("/api/v1/networks/duo", second.viewer).status())
                    .isEqualTo(200);
            var design = second.api
                    .post("/api/v1/designs", second.planner, ServerFixture.twoSites("Duo", "duo", 1000))
                    .json();
            assertThat(design.get("spanLoadGbps").get("paris-lyon").asDouble()).isPositive();
            assertThat(upload(second, "duo", "json", TinyNetworks.parisLyon("x", 40))
                            .statusCode())
                    .isEqualTo(409);
        }
    }

    @Test
    void aBrokenFileIsRefusedWithItsLinesAndNothingIsKept() throws Exception {
        try (ServerFixture f = ServerFixture.embedded(dir)) {
            String broken = TinyNetworks.parisLyon("b", 40).replace("\"b\":\"lyon\"", "\"b\":\"lyons\"");
            var r = upload(f, "broken", "json", broken);
            assertThat(r.statusCode()).isEqualTo(422);
            var problem = ApiClient.JSON.readTree(r.body());
            assertThat(problem.get("code").asText()).isEqualTo("invalid-network");
            assertThat(problem.get("errors").get(0).get("pointer").asText())
                    .isEqualTo("line 11"); // the span's line in the text block
            assertThat(problem.get("errors").get(0).get("detail").asText()).contains("lyons");
            assertThat(f.api.get("/api/v1/networks/broken", f.viewer).status()).isEqualTo(404);

            var badName = upload(f, "Bad Name!", "json", TinyNetworks.parisLyon("b", 40));
            assertThat(badName.statusCode()).isEqualTo(422);
            assertThat(badName.body()).contains("\"pointer\":\"name\"");
            var badFormat = upload(f, "fine", "excel", "x");
            assertThat(badFormat.body()).contains("\"pointer\":\"format\"");
        }
    }

    @Test
    void aTopologyZooGraphmlUploadReadsAsTheCommandLineReadsIt() throws Exception {
        Path zoo = Path.of(System.getProperty("wanplan.shared.data", "../../shared/data"))
                .resolve("topologyzoo/graphml/Geant2012.graphml");
        Assumptions.assumeTrue(Files.exists(zoo), "reference data absent: " + zoo);
        try (ServerFixture f = ServerFixture.embedded(dir)) {
            var r = upload(f, "geant", "graphml", Files.readString(zoo));
            assertThat(r.statusCode()).isEqualTo(201);
            var expected = org.wanplan.io.NetworkFiles.withDefaults().read(zoo);
            var summary = ApiClient.JSON.readTree(r.body());
            assertThat(summary.get("pops").asInt()).isEqualTo(expected.pops().size());
            assertThat(summary.get("spans").asInt()).isEqualTo(expected.spans().size());
        }
    }

    @Test
    void racingUploadsOfOneNameImportItOnce() throws Exception {
        try (ServerFixture f = ServerFixture.embedded(dir)) {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                var replies = new java.util.ArrayList<java.util.concurrent.Future<HttpResponse<String>>>();
                for (int i = 0; i < 8; i++) {
                    replies.add(pool.submit(() -> upload(f, "same", "json", TinyNetworks.parisLyon("same", 10))));
                }
                var statuses = new java.util.ArrayList<Integer>();
                for (var r : replies) {
                    statuses.add(r.get().statusCode());
                }
                assertThat(statuses).containsOnly(201, 409);
                assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void onlyAdminsImport() throws Exception {
        try (ServerFixture f = ServerFixture.embedded(dir)) {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://127.0.0.1:" + f.server.port() + "/api/v1/networks?name=x"))
                                    .header("Authorization", "Bearer " + f.planner)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(TinyNetworks.parisLyon("x", 1)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(403);
        }
    }

    static HttpResponse<String> upload(ServerFixture f, String name, String format, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + f.server.port()
                                        + "/api/v1/networks?name=" + java.net.URLEncoder.encode(name, "UTF-8")
                                        + "&format=" + format))
                                .header("Authorization", "Bearer " + f.admin)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
