package org.wanplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wanplan.design.L3smExport;

/**
 * {@code design --l3sm}: every sample customer's service order is valid against RFC 8299's modules, as
 * libyang's {@code yanglint} (a strict validator: types, identities, leafrefs, when conditions, mandatory
 * nodes) judges it; and yanglint refuses it once broken, so the check can fail.
 */
public class L3smExportTest {
    static final Path YANGLINT = Path.of("/usr/bin/yanglint");
    static final Path MODULES =
            Path.of("..", "wanplan-design", "src", "main", "resources", "org", "wanplan", "design", "yang");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** yanglint's verdict on an instance document: exit status and what it printed. */
    record Verdict(int exit, String output) {}

    /** Validates {@code instance} against ietf-l3vpn-svc with the features the export uses. */
    public static Verdict yanglint(Path instance) throws Exception {
        assertThat(Files.isExecutable(YANGLINT))
                .as("Debian's libyang-tools is needed for yanglint (./test installs it)")
                .isTrue();
        List<String> cmd = new ArrayList<>(List.of(
                YANGLINT.toString(),
                "-t",
                "config",
                "-F",
                L3smExport.MODULE + ":" + L3smExport.FEATURES,
                "-p",
                MODULES.toString(),
                MODULES.resolve("ietf-l3vpn-svc@2018-01-19.yang").toString(),
                instance.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Verdict(p.exitValue(), out);
    }

    @Test
    void every_sample_exports_a_valid_service_order_in_either_topology() throws Exception {
        for (String sample : List.of("french-retailer", "euro-manufacturer")) {
            for (String topology : List.of("hub-spoke", "any-to-any")) {
                Path out = dir.resolve(sample + "-" + topology + ".json");
                Path sites = DesignCommandTest.sample(sample + ".csv");
                NetworkCommandTest.Run r = NetworkCommandTest.run(
                        "design",
                        "euro350",
                        "--sites",
                        sites.toString(),
                        "--topology",
                        topology,
                        "--json",
                        "--l3sm",
                        out.toString(),
                        "--customer",
                        "Acme " + sample);
                assertThat(r.exit()).as(r.err()).isZero();
                Verdict v = yanglint(out);
                assertThat(v.exit())
                        .as(sample + " " + topology + ": " + v.output())
                        .isZero();
                assertThat(v.output()).as("no warnings").isBlank();

                // what the order says, against the design and the site list it came from
                JsonNode design = JSON.readTree(r.out());
                JsonNode svc = JSON.readTree(out.toFile()).get("ietf-l3vpn-svc:l3vpn-svc");
                JsonNode vpn = svc.get("vpn-services").get("vpn-service").get(0);
                assertThat(vpn.get("vpn-id").asText()).isEqualTo("acme-" + sample);
                assertThat(vpn.get("customer-name").asText()).isEqualTo("Acme " + sample);
                assertThat(vpn.get("vpn-service-topology").asText()).isEqualTo("ietf-l3vpn-svc:" + topology);
                List<JsonNode> accepted = new ArrayList<>();
                design.get("sites").forEach(s -> {
                    if (!s.get("refused").asBoolean()) {
                        accepted.add(s);
                    }
                });
                JsonNode ordered = svc.get("sites").get("site");
                assertThat(ordered).hasSize(accepted.size());
                List<String> csv = Files.readAllLines(sites);
                for (int i = 0; i < accepted.size(); i++) {
                    JsonNode s = accepted.get(i);
                    JsonNode o = ordered.get(i);
                    assertThat(o.get("site-id").asText()).isEqualTo(s.get("id").asText());
                    JsonNode accesses = o.get("site-network-accesses").get("site-network-access");
                    assertThat(accesses).hasSize(s.get("tails").size());
                    String[] row = csv.stream()
                            .filter(l -> l.startsWith(s.get("id").asText() + ","))
                            .findFirst()
                            .orElseThrow()
                            .split(",", -1);
                    long bps = Math.round(Double.parseDouble(row[7]) * 1_000_000);
                    for (JsonNode a : accesses) {
                        assertThat(a.get("service").get("svc-input-bandwidth").asText())
                                .isEqualTo(Long.toString(bps));
                        String role = a.get("vpn-attachment").get("site-role").asText();
                        assertThat(role)
                                .isEqualTo(
                                        topology.equals("any-to-any")
                                                ? "ietf-l3vpn-svc:any-to-any-role"
                                                : row[6].equals("hub")
                                                        ? "ietf-l3vpn-svc:hub-role"
                                                        : "ietf-l3vpn-svc:spoke-role");
                    }
                    assertThat(o.get("locations")
                                    .get("location")
                                    .get(0)
                                    .get("country-code")
                                    .asText())
                            .isEqualTo(row[3].toUpperCase(java.util.Locale.ROOT));
                }
            }
        }
    }

    @Test
    void the_vpn_id_is_the_customer_name_made_safe() {
        assertThat(L3smExport.vpnId("French Retailer")).isEqualTo("french-retailer");
        assertThat(L3smExport.vpnId("Ölwerke Größe & Söhne")).isEqualTo("olwerke-grosse-sohne");
        assertThat(L3smExport.vpnId("  ---  ")).isEqualTo("vpn");
    }

    @Test
    void yanglint_refuses_a_broken_order() throws Exception {
        Path out = dir.resolve("order.json");
        NetworkCommandTest.Run r = NetworkCommandTest.run(
                "design",
                "euro350",
                "--sites",
                DesignCommandTest.sample("french-retailer.csv").toString(),
                "--topology",
                "hub-spoke",
                "--l3sm",
                out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String good = Files.readString(out);
        assertThat(yanglint(out).exit()).isZero();

        // an identity the module does not define
        Files.writeString(out, good.replaceFirst("ietf-l3vpn-svc:hub-role", "ietf-l3vpn-svc:boss-role"));
        Verdict identity = yanglint(out);
        assertThat(identity.exit()).isNotZero();
        assertThat(identity.output()).contains("boss-role");

        // a mandatory leaf missing (svc-mtu of the first access)
        Files.writeString(out, good.replaceFirst("\"svc-mtu\" : 1500,", ""));
        Verdict mandatory = yanglint(out);
        assertThat(mandatory.exit()).isNotZero();
        assertThat(mandatory.output()).contains("svc-mtu");

        // an access on a CE the site does not have (a leafref to nothing)
        Files.writeString(out, good.replaceFirst("\"device-reference\" : \"ce-1\"", "\"device-reference\" : \"ce-9\""));
        Verdict leafref = yanglint(out);
        assertThat(leafref.exit()).isNotZero();
        assertThat(leafref.output()).contains("ce-9");

        // a 64-bit integer as a JSON number, which RFC 7951 forbids
        Files.writeString(
                out, good.replaceFirst("\"svc-input-bandwidth\" : \"(\\d+)\"", "\"svc-input-bandwidth\" : $1"));
        assertThat(yanglint(out).exit()).isNotZero();
    }
}
