package org.wanplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wanplan.cli.NetworkCommandTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wanplan.io.builtin.BuiltinNetworks;
import org.wanplan.model.Network;
import org.wanplan.store.Database;

/**
 * {@code wanplan portfolio} and {@code wanplan runway} on a data directory whose orders were placed at known
 * times: the figures by hand.
 */
class PortfolioCommandTest {
    @TempDir
    Path dir;

    /**
     * Two orders on sparse: o1 (2,000 EUR a month, 4 Gbps on its first span) active from 10 March 2026, o2 (500,
     * 1 Gbps on the same span) reserved in April. The commands run now, long after: every month from March has
     * 2,000 at its end; the target curve from March's 2,000 at +30 % a year.
     */
    @Test
    void the_portfolio_and_the_runway_of_a_data_directory() throws Exception {
        Network sparse = BuiltinNetworks.load("sparse").orElseThrow();
        String span = sparse.spans().get(0).id().value();
        double capacity = sparse.spans().get(0).capacityGbps();
        try (Database db = Database.embedded(dir)) {
            db.reservations().register(sparse);
            db.withClock(Clock.fixed(Instant.parse("2026-03-10T10:00:00Z"), ZoneOffset.UTC));
            db.orders()
                    .create("t", "o1", "Retailer", "sparse", Map.of(span, 4.0), null, new BigDecimal("2000.00"), "EUR");
            db.orders().submit("t", "o1");
            db.orders().reserve("t", "o1");
            db.orders().activate("t", "o1");
            db.withClock(Clock.fixed(Instant.parse("2026-04-02T10:00:00Z"), ZoneOffset.UTC));
            db.orders().create("t", "o2", "Bank", "sparse", Map.of(span, 1.0), null, new BigDecimal("500.00"), "EUR");
            db.orders().submit("t", "o2");
            db.orders().reserve("t", "o2");
        }

        NetworkCommandTest.Run p = run("portfolio", "--data-dir", dir.toString(), "--json");
        assertThat(p.exit()).as(p.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(p.out());
        assertThat(j.get("activeMrc").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(j.get("pipelineMrc").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(j.get("orders").get("active").asInt()).isEqualTo(1);
        assertThat(j.get("orders").get("reserved").asInt()).isEqualTo(1);
        JsonNode history = j.get("history");
        assertThat(history.get(0).get("month").asText()).isEqualTo("2026-03");
        assertThat(history.get(0).get("targetMrc").decimalValue()).isEqualByComparingTo("2000.00");
        // April: 2,000 × 1.3^(1/12) = 2,044.21; March 2027: 2,000 × 1.3 = 2,600
        assertThat(history.get(1).get("targetMrc").decimalValue()).isEqualByComparingTo("2044.21");
        JsonNode march2027 = null;
        for (JsonNode m : history) {
            march2027 = "2027-03".equals(m.get("month").asText()) ? m : march2027;
        }
        for (JsonNode m : j.get("projection")) {
            march2027 = "2027-03".equals(m.get("month").asText()) ? m : march2027;
        }
        assertThat(march2027.get("targetMrc").decimalValue()).isEqualByComparingTo("2600.00");
        for (JsonNode m : history) {
            assertThat(m.get("activeMrc").decimalValue()).isEqualByComparingTo("2000.00");
        }
        // flat revenue misses a growing target
        assertThat(j.get("status").asText()).isEqualTo("behind");
        assertThat(j.get("projection")).hasSize(36);
        assertThat(run("portfolio", "--data-dir", dir.toString()).out())
                .contains("active EUR 2,000.00 a month, pipeline 500.00")
                .contains("2026-03");
        assertThat(run("portfolio", "--data-dir", dir.toString(), "--target-growth", "0")
                        .out())
                .contains(": on-track");

        NetworkCommandTest.Run r = run("runway", "sparse", "--data-dir", dir.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode first = new ObjectMapper().readTree(r.out()).get("spans").get(0);
        assertThat(first.get("id").asText()).isEqualTo(span);
        assertThat(first.get("usedGbps").asDouble()).isEqualTo(5.0);
        assertThat(first.get("monthsToExhaustion").asDouble())
                .isCloseTo(12 * Math.log(capacity / 5.0) / Math.log(1.3), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(new ObjectMapper()
                        .readTree(r.out())
                        .get("spans")
                        .get(1)
                        .get("monthsToExhaustion")
                        .isNull())
                .isTrue();
        assertThat(run("runway", "sparse", "--data-dir", dir.toString(), "--growth", "0")
                        .exit())
                .isEqualTo(2);
        assertThat(run("portfolio", "--data-dir", dir.toString(), "--target-growth", "-1")
                        .exit())
                .isEqualTo(2);
    }
}
