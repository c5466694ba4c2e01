package org.wanplan.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wanplan.model.GeoPoint;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.Resilience;
import org.wanplan.model.RttTargets;
import org.wanplan.model.Site;
import org.wanplan.model.SiteRole;
import org.wanplan.model.Span;

/** Each pair held to its distance band's targets, worked out by hand. */
class RttTargetsTest {
    /** One-way ms of {@code km} of fibre: refractive index 1.468 over c = 299,792.458 km/s. */
    private static double fibreMs(double km) {
        return km * 1.468 / 299_792.458 * 1000;
    }

    /** a(0,0) — b(0,20) — c(0,60) on the equator, spans of 3,000 and 5,000 km of fibre. */
    private static Network wide() throws Exception {
        return Network.builder("wide")
                .pop(Pop.of("a", "A", 0, 0))
                .pop(Pop.of("b", "B", 0, 20))
                .pop(Pop.of("c", "C", 0, 60))
                .span(Span.of("ab", "a", "b", 3000, 100))
                .span(Span.of("bc", "b", "c", 5000, 100))
                .build();
    }

    private static Site on(String id, double lon) {
        return new Site(
                id,
                id,
                new GeoPoint(0, lon),
                Optional.empty(),
                Optional.empty(),
                SiteRole.SPOKE,
                100,
                50,
                50,
                Resilience.SINGLE);
    }

    @Test
    void every_pair_is_held_to_the_targets_of_its_distance_band() throws Exception {
        // bands: up to 1,000 km 5/5/5 ms; up to 4,000 km 40/20/100; beyond 40/100/100
        RttTargets targets = new RttTargets(List.of(
                new RttTargets.Band(1000, 5, 5, 5),
                new RttTargets.Band(4000, 40, 20, 100),
                new RttTargets.Band(Double.POSITIVE_INFINITY, 40, 100, 100)));
        Design d = Designer.design(
                wide(),
                List.of(on("a", 0), on("b", 20), on("c", 60)),
                DesignOptions.defaults(Topology.ANY_TO_ANY).withRtt(targets));
        Map<String, Design.PairLatency> byPair = new java.util.HashMap<>();
        d.latency().forEach(p -> byPair.put(p.a() + "-" + p.b(), p));
        // the equator: 1° = 6,371.0088 × π / 180 = 111.195 km
        double degree = 6371.0088 * Math.PI / 180;
        Design.PairLatency ab = byPair.get("a-b");
        assertThat(ab.km()).isCloseTo(20 * degree, within(1e-6)); // 2,224 km: the 4,000 km band
        assertThat(ab.rttMs()).isCloseTo(2 * (fibreMs(3000) + 2 * 0.05), within(1e-9)); // 29.58 ms
        assertThat(List.of(ab.realtimeOk(), ab.businessOk(), ab.bestEffortOk())).containsExactly(true, false, true);
        Design.PairLatency ac = byPair.get("a-c");
        assertThat(ac.km()).isCloseTo(60 * degree, within(1e-6)); // 6,672 km: beyond
        assertThat(ac.rttMs()).isCloseTo(2 * (fibreMs(8000) + 3 * 0.05), within(1e-9)); // 78.64 ms
        assertThat(List.of(ac.realtimeOk(), ac.businessOk(), ac.bestEffortOk())).containsExactly(false, true, true);
        Design.PairLatency bc = byPair.get("b-c");
        assertThat(bc.km()).isCloseTo(40 * degree, within(1e-6)); // 4,448 km: beyond
        assertThat(bc.rttMs()).isCloseTo(2 * (fibreMs(5000) + 2 * 0.05), within(1e-9)); // 49.17 ms
        assertThat(List.of(bc.realtimeOk(), bc.businessOk(), bc.bestEffortOk())).containsExactly(false, true, true);
        // the summary counts the same breaches as the pairs: real-time 2 (a-c, b-c), business 1 (a-b)
        DesignView.LatencySummary s = DesignView.of(d, Quote.of(d, org.wanplan.model.PriceBook.defaults()))
                .latencySummary();
        assertThat(List.of(s.realtimeBreaches(), s.businessBreaches(), s.bestEffortBreaches()))
                .containsExactly(2L, 1L, 0L);
        // and so does a view that lists only the worst pair
        DesignView.LatencySummary one = DesignView.of(d, Quote.of(d, org.wanplan.model.PriceBook.defaults()), 1)
                .latencySummary();
        assertThat(List.of(one.realtimeBreaches(), one.businessBreaches(), one.bestEffortBreaches()))
                .containsExactly(2L, 1L, 0L);
    }

    @Test
    void a_pair_on_a_band_edge_belongs_to_the_band() throws Exception {
        // sites exactly 1,000 km apart on the equator, and a little farther: the first band, then the second
        double degree = 6371.0088 * Math.PI / 180;
        RttTargets targets = new RttTargets(List.of(
                new RttTargets.Band(1000, 1e-3, 1e-3, 1e-3),
                new RttTargets.Band(Double.POSITIVE_INFINITY, 1000, 1000, 1000)));
        for (double km : new double[] {999.999, 1000.001}) {
            Design d = Designer.design(
                    wide(),
                    List.of(on("x", 0), on("y", km / degree)),
                    DesignOptions.defaults(Topology.ANY_TO_ANY).withRtt(targets));
            assertThat(d.latency().get(0).realtimeOk()).as(km + " km").isEqualTo(km > 1000);
        }
    }

    @Test
    void the_defaults_are_the_published_figures_by_band() {
        RttTargets t = RttTargets.defaults();
        assertThat(t.forKm(0)).isEqualTo(new RttTargets.Band(1000, 30, 50, 2000));
        assertThat(t.forKm(1000)).isEqualTo(new RttTargets.Band(1000, 30, 50, 2000));
        assertThat(t.forKm(3360)).isEqualTo(new RttTargets.Band(4000, 45, 70, 2000)); // Lisbon–Helsinki
        assertThat(t.forKm(5570)).isEqualTo(new RttTargets.Band(Double.POSITIVE_INFINITY, 90, 110, 2000));
        assertThatThrownBy(() -> new RttTargets(List.of(new RttTargets.Band(1000, 1, 1, 1))))
                .hasMessageContaining("the last covering every distance");
        assertThatThrownBy(() -> new RttTargets(List.of(
                        new RttTargets.Band(1000, 1, 1, 1),
                        new RttTargets.Band(500, 1, 1, 1),
                        new RttTargets.Band(Double.POSITIVE_INFINITY, 1, 1, 1))))
                .hasMessageContaining("ascend");
    }

    @Test
    void the_l3sm_boundary_is_half_the_target_of_the_sites_farthest_peer() throws Exception {
        // any to any: a's farthest peer is c (6,672 km: beyond), b's is c (4,448 km: beyond)... and with
        // hub and spoke and b the hub, a's only peer is b (2,224 km: the 4,000 km band)
        List<Site> sites = List.of(
                on("a", 0),
                new Site(
                        "b",
                        "b",
                        new GeoPoint(0, 20),
                        Optional.empty(),
                        Optional.empty(),
                        SiteRole.HUB,
                        1000,
                        50,
                        50,
                        Resilience.SINGLE),
                on("c", 60));
        Design hub = Designer.design(wide(), sites, DesignOptions.defaults(Topology.HUB_SPOKE));
        double[] far = L3smExport.farthestPeerKm(hub.accepted(), Topology.HUB_SPOKE);
        double degree = 6371.0088 * Math.PI / 180;
        assertThat(far[0]).isCloseTo(20 * degree, within(1e-6)); // a → the hub b
        assertThat(far[1]).isCloseTo(40 * degree, within(1e-6)); // the hub b → c
        assertThat(far[2]).isCloseTo(40 * degree, within(1e-6)); // c → the hub b
        double[] any = L3smExport.farthestPeerKm(hub.accepted(), Topology.ANY_TO_ANY);
        assertThat(any[0]).isCloseTo(60 * degree, within(1e-6));
        assertThat(any[1]).isCloseTo(40 * degree, within(1e-6));
        // the site a of the hub and spoke: real-time 45 / 2, business 70 / 2 (the default 4,000 km band)
        String json = new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(L3smExport.of(hub, DesignOptions.defaults(Topology.HUB_SPOKE), "vpn", "c"));
        com.fasterxml.jackson.databind.JsonNode a = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json)
                .path("ietf-l3vpn-svc:l3vpn-svc")
                .path("sites")
                .path("site")
                .get(0);
        assertThat(a.path("site-id").asText()).isEqualTo("a");
        assertThat(a.toString()).contains("\"latency-boundary\":22").contains("\"latency-boundary\":35");
    }
}
