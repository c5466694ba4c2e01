package org.wanplan.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.wanplan.store.Database;

/**
 * 64 clients reserve orders on the same span at once, over HTTP. Every order needs the same bandwidth
 * {@code g} on a span of capacity {@code C}, so exactly ⌊C / g⌋ can be accepted; the rest must get a clear
 * 409, and the database must hold exactly the accepted ones.
 */
abstract class OverbookingHttpContract {
    static final int CLIENTS = 64;
    static final double CAPACITY_GBPS = 10.0;

    abstract Database open() throws Exception;

    @Test
    void sixtyFourClientsNeverOverbookASpan() throws Exception {
        try (ServerFixture f = ServerFixture.on(open())) {
            assertThat(NetworkImportTest.upload(f, "duo", "json", TinyNetworks.parisLyon("duo", CAPACITY_GBPS))
                            .statusCode())
                    .isEqualTo(201);
            var design = f.api.post("/api/v1/designs", f.planner, ServerFixture.twoSites("Race", "duo", 10_000))
                    .json();
            double g = design.get("spanLoadGbps").get("paris-lyon").asDouble();
            int fits = (int) Math.floor(CAPACITY_GBPS / g + 1e-9);
            assertThat(fits).isBetween(1, CLIENTS - 1); // the race must be contended to mean anything

            List<String> orders = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String id = f.api.post(
                                "/api/v1/orders",
                                f.planner,
                                "{\"designId\": \"" + design.get("id").asText() + "\"}")
                        .json()
                        .get("id")
                        .asText();
                assertThat(f.api.post("/api/v1/orders/" + id + "/submit", f.planner, null)
                                .status())
                        .isEqualTo(200);
                orders.add(id);
            }
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ApiClient.Reply>> replies = new ArrayList<>();
            for (String id : orders) {
                replies.add(pool.submit(() -> {
                    go.await();
                    return f.api.post("/api/v1/orders/" + id + "/reserve", f.planner, null);
                }));
            }
            go.countDown();
            int accepted = 0;
            for (Future<ApiClient.Reply> r : replies) {
                ApiClient.Reply reply = r.get(120, TimeUnit.SECONDS);
                if (reply.status() == 200) {
                    accepted++;
                    assertThat(reply.json().get("state").asText()).isEqualTo("reserved");
                } else {
                    assertThat(reply.status()).isEqualTo(409);
                    assertThat(reply.code()).isEqualTo("overbooked");
                    assertThat(reply.json().get("detail").asText()).contains("paris-lyon", "Gbps");
                    assertThat(reply.json().get("errors").get(0).get("detail").asText())
                            .isEqualTo("paris-lyon");
                }
            }
            pool.shutdown();
            assertThat(accepted).isEqualTo(fits);
            double reserved = f.api.get("/api/v1/networks/duo/spans", f.viewer)
                    .json()
                    .get(0)
                    .get("reservedGbps")
                    .asDouble();
            assertThat(reserved).isCloseTo(fits * g, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(reserved).isLessThanOrEqualTo(CAPACITY_GBPS + 1e-9);
            assertThat(f.db.reservations().reservationTotals("duo").get("paris-lyon"))
                    .isCloseTo(reserved, org.assertj.core.data.Offset.offset(1e-9));
            long reservedOrders = 0;
            for (String id : orders) {
                if (f.db.orders().find(id).orElseThrow().state().label().equals("reserved")) {
                    reservedOrders++;
                }
            }
            assertThat(reservedOrders).isEqualTo(fits);
        }
    }
}
