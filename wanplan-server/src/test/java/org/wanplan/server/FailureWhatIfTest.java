package org.wanplan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wanplan.io.builtin.BuiltinNetworks;
import org.wanplan.model.Network;
import org.wanplan.model.PopId;
import org.wanplan.model.SpanId;
import org.wanplan.routing.Mask;
import org.wanplan.routing.Metric;
import org.wanplan.routing.Router;

/** The what-if endpoint against the routing engine called directly, with JGraphT-tested routing as the reference. */
class FailureWhatIfTest {
    @TempDir
    Path dir;

    @Test
    void aFailedSpanReroutesEveryDemandThatCrossedItAroundIt() {
        try (ServerFixture f = ServerFixture.embedded(dir)) {
            var r = f.api.post(
                    "/api/v1/failures",
                    f.viewer,
                    "{\"network\": \"sparse\", \"fail\": [\"span:paris-lyon\"], \"maxDemands\": 200}");
            assertThat(r.status()).isEqualTo(200);
            JsonNode o = r.json();
            assertThat(o.get("failedSpans").get(0).asText()).isEqualTo("paris-lyon");
            // sparse is 2-edge-connected: one cut loses nothing
            assertThat(o.get("lost").asInt()).isZero();
            assertThat(o.get("reroutedDemands").size())
                    .isEqualTo(o.get("affected").asInt())
                    .isPositive();
            Network sparse = BuiltinNetworks.load("sparse").orElseThrow();
            Router router = Router.of(sparse, Metric.LATENCY);
            Mask cut = Mask.none().withSpans(sparse, java.util.List.of(SpanId.of("paris-lyon")));
            for (JsonNode d : o.get("reroutedDemands")) {
                Set<String> before = new HashSet<>();
                d.get("before").get("spans").forEach(s -> before.add(s.asText()));
                assertThat(before).contains("paris-lyon");
                Set<String> after = new HashSet<>();
                d.get("after").get("spans").forEach(s -> after.add(s.asText()));
                assertThat(after).doesNotContain("paris-lyon");
                double expected = router.shortest(
                                PopId.of(d.get("from").asText()),
                                PopId.of(d.get("to").asText()),
                                cut)
                        .orElseThrow()
                        .latencyMs();
                assertThat(d.get("after").get("latencyMs").asDouble())
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
                assertThat(d.get("after").get("latencyMs").asDouble())
                        .isGreaterThanOrEqualTo(d.get("before").get("latencyMs").asDouble() - 1e-9);
            }
        }
    }

    @Test
    void withoutATrafficTotalTheBusiestSpanRunsAtHalfItsCapacityBeforeTheFailure() {
        try (ServerFixture f = ServerFixture.embedded(dir)) {
            JsonNode o = f.api.post(
                            "/api/v1/failures",
                            f.viewer,
                            "{\"network\": \"euro350\", \"fail\": [\"span:trondheim-oulu\"], \"maxDemands\": 200}")
                    .json();
            double peak = 0;
            for (JsonNode s : o.get("worstSpans")) {
                peak = Math.max(peak, s.get("baselineUtilisation").asDouble());
            }
            // a cut far from the busiest span (none of the 200 heaviest demands crosses Trondheim–Oulu) leaves it
            // among the worst: it ran at exactly half before
            assertThat(peak).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(o.get("affected").asInt()).isZero();
            assertThat(o.get("maxUtilisation").asDouble()).isGreaterThanOrEqualTo(peak - 1e-9);
        }
    }

    @Test
    void aFailedPopLosesTheDemandsThatEndThere() {
        try (ServerFixture f = ServerFixture.embedded(dir)) {
            JsonNode o = f.api.post(
                            "/api/v1/failures",
                            f.viewer,
                            "{\"network\": \"sparse\", \"fail\": [\"pop:paris\"], \"maxDemands\": 200}")
                    .json();
            assertThat(o.get("lost").asInt())
                    .isEqualTo(o.get("lostDemands").size())
                    .isPositive();
            for (JsonNode d : o.get("lostDemands")) {
                assertThat(d.get("from").asText() + d.get("to").asText()).contains("paris");
            }
        }
    }

    @Test
    void unknownElementsAreReportedTogether() {
        try (ServerFixture f = ServerFixture.embedded(dir)) {
            var r = f.api.post(
                    "/api/v1/failures",
                    f.viewer,
                    "{\"network\": \"sparse\", \"fail\": [\"span:nope\", \"pop:paris\", \"cable:x\"], \"gravityGbps\": -1}");
            assertThat(r.status()).isEqualTo(422);
            Set<String> pointers = new HashSet<>();
            r.json().get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
            assertThat(pointers).containsExactlyInAnyOrder("/fail/0", "/fail/2", "/gravityGbps");
        }
    }
}
