package org.wanplan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wanplan.io.sites.Workbooks;

/** {@code POST /designs} as a form with the site list as a file: an Excel workbook, as the customer sent it. */
class DesignUploadTest {
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

    private static String sample(String name) throws Exception {
        try (InputStream in =
                DesignUploadTest.class.getResourceAsStream("/org/wanplan/design/samples/" + name + ".csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void a_workbook_designs_exactly_as_the_json_body_of_the_same_sites() throws Exception {
        var json = ApiClient.JSON.createObjectNode();
        json.put("customer", "Retailer JSON");
        json.put("network", "euro350");
        json.put("compareWith", "sparse");
        json.set("sites", api.get("/api/v1/samples/french-retailer", f.viewer).json());
        var fromJson = api.post("/api/v1/designs", f.planner, json.toString());
        assertThat(fromJson.status()).as(fromJson.raw().body()).isEqualTo(201);

        byte[] workbook = Workbooks.fromCsv("Sites", sample("french-retailer"));
        var fromXlsx = api.form(
                "/api/v1/designs",
                f.planner,
                Map.of("customer", "Retailer XLSX", "network", "euro350", "compareWith", "sparse"),
                "sites",
                "french-retailer.xlsx",
                workbook);
        assertThat(fromXlsx.status()).as(fromXlsx.raw().body()).isEqualTo(201);
        for (String field : new String[] {"quote", "sites", "summary", "comparison", "latencySummary"}) {
            assertThat(fromXlsx.json().get(field))
                    .as(field)
                    .isEqualTo(fromJson.json().get(field));
        }
        // what is kept is the JSON body the form stands for: the customer's page shows the sites
        JsonNode customer = api.get(
                        "/api/v1/customers/" + fromXlsx.json().get("customerId").asText(), f.viewer)
                .json();
        assertThat(customer.get("sites")).hasSize(120);
        // and the latency download recomputes from it
        var csv = api.get("/api/v1/designs/" + fromXlsx.json().get("id").asText() + "/latency.csv", f.viewer);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.raw().body().lines().count())
                .isEqualTo(
                        1 + fromXlsx.json().get("latencySummary").get("pairs").asLong());
    }

    @Test
    void a_stored_design_downloads_as_a_valid_l3sm_service_order() throws Exception {
        byte[] workbook = Workbooks.fromCsv("Sites", sample("euro-manufacturer"));
        var design = api.form(
                "/api/v1/designs",
                f.planner,
                Map.of("customer", "Manufacturer AG", "network", "euro350", "topology", "hub-spoke"),
                "sites",
                "m.xlsx",
                workbook);
        assertThat(design.status()).as(design.raw().body()).isEqualTo(201);
        var r = api.get("/api/v1/designs/" + design.json().get("id").asText() + "/l3sm", f.viewer);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/yang-data+json");
        JsonNode svc = r.json().get("ietf-l3vpn-svc:l3vpn-svc");
        assertThat(svc.get("vpn-services")
                        .get("vpn-service")
                        .get(0)
                        .get("vpn-id")
                        .asText())
                .isEqualTo("manufacturer-ag");
        long designed = 0;
        for (JsonNode s : design.json().get("sites")) {
            designed += s.get("refused").asBoolean() ? 0 : 1;
        }
        assertThat(svc.get("sites").get("site")).hasSize((int) designed);
        // valid against RFC 8299's modules as shipped in the jar, by libyang's validator
        Path modules = dir.resolve("yang");
        java.nio.file.Files.createDirectories(modules);
        for (String m : new String[] {
            "ietf-l3vpn-svc@2018-01-19",
            "ietf-inet-types@2013-07-15",
            "ietf-yang-types@2013-07-15",
            "ietf-netconf-acm@2018-02-14"
        }) {
            try (InputStream in =
                    DesignUploadTest.class.getResourceAsStream("/org/wanplan/design/yang/" + m + ".yang")) {
                java.nio.file.Files.write(modules.resolve(m + ".yang"), in.readAllBytes());
            }
        }
        Path order = java.nio.file.Files.writeString(
                dir.resolve("order.json"), r.raw().body());
        Process p = new ProcessBuilder(
                        "/usr/bin/yanglint",
                        "-t",
                        "config",
                        "-F",
                        org.wanplan.design.L3smExport.MODULE + ":" + org.wanplan.design.L3smExport.FEATURES,
                        "-p",
                        modules.toString(),
                        modules.resolve("ietf-l3vpn-svc@2018-01-19.yang").toString(),
                        order.toString())
                .redirectErrorStream(true)
                .start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(said).isZero();
        assertThat(api.get("/api/v1/designs/des_none/l3sm", f.viewer).status()).isEqualTo(404);
    }

    @Test
    void a_bad_workbook_is_a_422_naming_each_cell_and_nothing_is_kept() throws Exception {
        int before = api.get("/api/v1/customers", f.viewer).json().size();
        byte[] bad = Workbooks.fromCsv("Sites", """
                id,name,city,country,lat,lon,role,bandwidthMbps,realtimePct,businessPct,resilience
                a,,Paris,FR,,,,-5,,,
                b,,Lyon,FR,,,boss,100,,,
                """);
        var r = api.form(
                "/api/v1/designs",
                f.planner,
                Map.of("customer", "Bad", "network", "euro350"),
                "sites",
                "bad.xlsx",
                bad);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").toString())
                .contains("\"pointer\":\"sites: Sites!H2\"")
                .contains("\"pointer\":\"sites: Sites!G3\"")
                .contains("role must be hub or spoke, was 'boss'");
        var sheet = api.form(
                "/api/v1/designs",
                f.planner,
                Map.of("customer", "Bad", "network", "euro350", "sheet", "Customers"),
                "sites",
                "bad.xlsx",
                bad);
        assertThat(sheet.status()).isEqualTo(422);
        assertThat(sheet.raw().body()).contains("no sheet named 'Customers'; the workbook has Sites");
        var missing = api.form(
                "/api/v1/designs", f.planner, Map.of("customer", "Bad", "network", "euro350"), null, null, null);
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.raw().body()).contains("required: the site list as a file part");
        var unknown = api.form(
                "/api/v1/designs", f.planner, Map.of("customer", "Bad", "colour", "red"), "sites", "bad.xlsx", bad);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.raw().body()).contains("\"pointer\":\"colour\"");
        var viewer = api.form(
                "/api/v1/designs", f.viewer, Map.of("customer", "Bad", "network", "euro350"), "sites", "bad.xlsx", bad);
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/customers", f.viewer).json().size()).isEqualTo(before);
    }

    @Test
    void a_retried_form_is_replayed_although_its_boundary_differs() throws Exception {
        byte[] workbook = Workbooks.fromCsv("Sites", """
                id,name,city,country,lat,lon,role,bandwidthMbps,realtimePct,businessPct,resilience
                hq,,Paris,FR,,,hub,1000,,,
                lyon,,Lyon,FR,,,,100,,,
                """);
        Map<String, String> fields = Map.of("customer", "Retry", "network", "sparse");
        var first =
                api.form("/api/v1/designs", f.planner, fields, "sites", "s.xlsx", workbook, "Idempotency-Key", "up-1");
        var again =
                api.form("/api/v1/designs", f.planner, fields, "sites", "s.xlsx", workbook, "Idempotency-Key", "up-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
        // the same key with other sites is another request
        byte[] other = Workbooks.fromCsv("Sites", """
                id,name,city,country,lat,lon,role,bandwidthMbps,realtimePct,businessPct,resilience
                hq,,Paris,FR,,,hub,1000,,,
                """);
        assertThat(api.form("/api/v1/designs", f.planner, fields, "sites", "s.xlsx", other, "Idempotency-Key", "up-1")
                        .code())
                .isEqualTo("idempotency-key-reused");
    }

    @Test
    void a_form_larger_than_the_body_limit_is_refused_before_it_is_sent() throws Exception {
        // a form announcing one byte over the limit, headers only: the server answers 413 before any of it is sent
        String response = api.headersOnly(
                "/api/v1/designs", f.planner, "multipart/form-data; boundary=b", WanplanServer.MAX_BODY_BYTES + 1);
        assertThat(response).startsWith("HTTP/1.1 413");
        assertThat(response).contains("\"code\":\"payload-too-large\"");
    }
}
