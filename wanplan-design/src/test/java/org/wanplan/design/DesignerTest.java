package org.wanplan.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wanplan.model.Fibre;
import org.wanplan.model.GeoPoint;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.Resilience;
import org.wanplan.model.Site;
import org.wanplan.model.SiteRole;
import org.wanplan.model.Span;
import org.wanplan.model.SpanId;
import org.wanplan.model.Srlg;
import org.wanplan.model.SrlgId;
import org.wanplan.model.SrlgKind;
import org.wanplan.routing.availability.AvailabilityModel;

/** Small networks whose designs are worked out by hand in each test. */
class DesignerTest {
    /** A(0,0) — B(0,1) — C(0,2), 100 km spans. */
    static Network line() throws Exception {
        return Network.builder("line")
                .pop(Pop.of("a", "A", 0, 0))
                .pop(Pop.of("b", "B", 0, 1))
                .pop(Pop.of("c", "C", 0, 2))
                .span(Span.of("ab", "a", "b", 100, 100))
                .span(Span.of("bc", "b", "c", 100, 100))
                .build();
    }

    static Site site(String id, double lat, double lon, SiteRole role, double mbps, Resilience r) {
        return new Site(id, id, new GeoPoint(lat, lon), Optional.empty(), Optional.empty(), role, mbps, 0, 100, r);
    }

    @Test
    void round_trip_is_twice_the_fibre_delay_plus_the_per_pop_allowance() throws Exception {
        Design d = Designer.design(
                line(),
                List.of(
                        site("west", 0, 0, SiteRole.SPOKE, 1000, Resilience.SINGLE),
                        site("east", 0, 2, SiteRole.SPOKE, 1000, Resilience.SINGLE)),
                DesignOptions.defaults(Topology.ANY_TO_ANY));
        Design.PairLatency p = d.latency().get(0);
        // tails 0 km; 200 km of backbone; 3 PoPs crossed at 0.05 ms each, both ways
        assertThat(p.rttMs()).isCloseTo(2 * (Fibre.latencyMs(200) + 3 * 0.05), within(1e-12));
        // gravity: 1 Gbps × 1 Gbps / 2 Gbps / 4 = 0.125 Gbps on both spans
        assertThat(p.gbps()).isEqualTo(0.125);
        assertThat(d.spanLoadGbps()).containsEntry(SpanId.of("ab"), 0.125).containsEntry(SpanId.of("bc"), 0.125);
        assertThat(p.realtimeOk()).isTrue();
    }

    @Test
    void hub_and_spoke_pairs_every_spoke_with_the_hubs_only() throws Exception {
        Design d = Designer.design(
                line(),
                List.of(
                        site("w", 0, 0, SiteRole.SPOKE, 100, Resilience.SINGLE),
                        site("hub", 0, 1, SiteRole.HUB, 100, Resilience.SINGLE),
                        site("e", 0, 2, SiteRole.SPOKE, 100, Resilience.SINGLE)),
                DesignOptions.defaults(Topology.HUB_SPOKE));
        assertThat(d.latency()).extracting(l -> l.a() + "-" + l.b()).containsExactly("w-hub", "hub-e");
    }

    @Test
    void a_site_availability_is_its_access_times_its_backbone_to_the_anchor() throws Exception {
        AvailabilityModel m = AvailabilityModel.defaults();
        Design d = Designer.design(
                line(),
                List.of(
                        site("far", 0, 0, SiteRole.SPOKE, 100, Resilience.SINGLE),
                        site("anchor", 0, 2, SiteRole.SPOKE, 1000, Resilience.SINGLE)),
                DesignOptions.defaults(Topology.ANY_TO_ANY).withoutRestoration());
        // access: a 0 km tail and PoP a; backbone: spans ab, bc and transit PoP b
        double expected = m.popAvailability() * m.cable(100) * m.cable(100) * m.popAvailability();
        assertThat(d.availabilityBasis()).isEqualTo(Design.STATIC_PATH);
        assertThat(d.sites().get(0).availability()).isCloseTo(expected, within(1e-15));
        assertThat(d.sites().get(1).availability()).isCloseTo(m.popAvailability(), within(1e-15)); // the anchor
    }

    @Test
    void dual_access_shares_its_route_unless_the_site_orders_diverse_entry() throws Exception {
        AvailabilityModel m = AvailabilityModel.defaults();
        // both sites 0.3° (about 33 km) north of PoP a, the hub on b: tails of 1.5 × the great circle
        List<Site> sites = List.of(
                site("shared", 0.3, 0, SiteRole.SPOKE, 100, Resilience.DUAL_ACCESS),
                site("diverse", 0.3, 0, SiteRole.SPOKE, 100, Resilience.DUAL_ACCESS_DIVERSE),
                site("hub", 0, 1, SiteRole.HUB, 1000, Resilience.SINGLE));
        Design d = Designer.design(line(), sites, DesignOptions.defaults(Topology.HUB_SPOKE));
        double km = d.sites().get(0).tails().get(0).km();
        assertThat(d.sites().get(0).tails()).hasSize(2);
        assertThat(d.sites().get(1).tails())
                .hasSize(2)
                .allMatch(t -> t.pop().value().equals("a"));
        double pop = m.popAvailability();
        double cable = m.cable(km);
        // the line a–b: backbone to the hub's PoP b is span ab alone (end PoPs are in the access)
        double backbone = m.cable(100);
        // one route: a cut takes both circuits, so the access is a single tail's
        assertThat(d.sites().get(0).availability()).isCloseTo(cable * pop * backbone, within(1e-15));
        // separate routes and entries: the two tails in parallel
        assertThat(d.sites().get(1).availability())
                .isCloseTo((1 - (1 - cable) * (1 - cable)) * pop * backbone, within(1e-15));
        // priced as a second access: the access tier again (100 Mbps: 350 a month, 750 once)
        Quote q = Quote.of(d, org.wanplan.model.PriceBook.defaults());
        assertThat(q.lines())
                .filteredOn(l -> l.site().equals("diverse") && l.item().startsWith("resilience"))
                .singleElement()
                .satisfies(l -> {
                    assertThat(l.mrc()).isEqualByComparingTo("350");
                    assertThat(l.nrc()).isEqualByComparingTo("750");
                });
    }

    @Test
    void a_large_any_to_any_design_is_measured_to_the_anchor() throws Exception {
        Network euro = org.wanplan.io.builtin.BuiltinNetworks.load("euro350").orElseThrow();
        AvailabilityModel m = AvailabilityModel.defaults();
        // one site on each of the first 80 PoPs: 3,160 PoP pairs, over the 3,000 the mean is computed for
        List<Site> sites = new java.util.ArrayList<>();
        for (int i = 0; i < 80; i++) {
            var at = euro.pops().get(i).location().orElseThrow();
            sites.add(site(
                    "s" + i, at.latitude(), at.longitude(), SiteRole.SPOKE, i == 0 ? 1000 : 100, Resilience.SINGLE));
        }
        Design big = Designer.design(euro, sites, DesignOptions.defaults(Topology.ANY_TO_ANY));
        assertThat(big.availabilityBasis()).isEqualTo(Design.TO_ANCHOR);
        org.wanplan.routing.availability.Restoration r = new org.wanplan.routing.availability.Restoration(euro, m);
        double pop = m.popAvailability();
        for (int i : new int[] {1, 40, 79}) {
            // a 0 km tail on its PoP: the PoP, times the backbone to the anchor's PoP without the two end PoPs
            double expected = pop
                    * r.pair(euro.pops().get(i).id(), euro.pops().get(0).id()).availability()
                    / (pop * pop);
            assertThat(big.sites().get(i).availability()).isCloseTo(expected, within(1e-15));
        }
        Design small = Designer.design(euro, sites.subList(0, 20), DesignOptions.defaults(Topology.ANY_TO_ANY));
        assertThat(small.availabilityBasis()).isEqualTo(Design.MEAN_OVER_PAIRS);
    }

    @Test
    void with_restoration_a_chain_is_its_only_path_and_a_ring_survives_one_cut() throws Exception {
        AvailabilityModel m = AvailabilityModel.defaults();
        List<Site> sites = List.of(
                site("far", 0, 0, SiteRole.SPOKE, 100, Resilience.SINGLE),
                site("anchor", 0, 2, SiteRole.SPOKE, 1000, Resilience.SINGLE));
        // a chain reroutes nowhere: every element of the only path is a single cut, as without restoration
        Design chain = Designer.design(line(), sites, DesignOptions.defaults(Topology.ANY_TO_ANY));
        double path = m.popAvailability() * m.cable(100) * m.cable(100) * m.popAvailability();
        assertThat(chain.availabilityBasis()).isEqualTo(Design.MEAN_OVER_PAIRS);
        assertThat(chain.sites().get(0).availability()).isCloseTo(path, within(1e-15));
        // any to any: the anchor's figure is its access times the mean over its pairs, the same backbone
        assertThat(chain.sites().get(1).availability()).isCloseTo(path, within(1e-15));

        // a ring a–b–c–d–a of 100 km spans: with both end PoPs up the pair is down only when each side
        // {ab, b, bc} and {cd, d, da} has a failure; of those states, the ones of exactly two failures count:
        // P0 (the six side elements up) × (2 r_cable + r_pop)², r = u / (1 − u)
        Network ring = Network.builder("ring")
                .pop(Pop.of("a", "A", 0, 0))
                .pop(Pop.of("b", "B", 0, 1))
                .pop(Pop.of("c", "C", 0, 2))
                .pop(Pop.of("d", "D", 1, 1))
                .span(Span.of("ab", "a", "b", 100, 100))
                .span(Span.of("bc", "b", "c", 100, 100))
                .span(Span.of("cd", "c", "d", 100, 100))
                .span(Span.of("da", "d", "a", 100, 100))
                .build();
        Design d = Designer.design(
                ring,
                List.of(
                        site("far", 0, 0, SiteRole.SPOKE, 100, Resilience.SINGLE),
                        site("hub", 0, 2, SiteRole.HUB, 1000, Resilience.SINGLE)),
                DesignOptions.defaults(Topology.HUB_SPOKE));
        double cable = m.cable(100);
        double pop = m.popAvailability();
        double rc = (1 - cable) / cable;
        double rp = (1 - pop) / pop;
        double backbone = 1 - Math.pow(cable, 4) * pop * pop * (2 * rc + rp) * (2 * rc + rp);
        assertThat(d.availabilityBasis()).isEqualTo(Design.EVERY_HUB);
        assertThat(d.sites().get(0).availability()).isCloseTo(pop * backbone, within(1e-15));
        assertThat(d.sites().get(0).availability()).isGreaterThan(path); // one cut no longer takes it down
        assertThat(d.sites().get(1).availability()).isCloseTo(pop, within(1e-15)); // the only hub: its access
    }

    @Test
    void an_srlg_diverse_site_whose_paths_share_a_duct_is_refused_and_the_rest_proceeds() throws Exception {
        // P1 and P2 reach Z only through spans in duct g
        Network n = Network.builder("duct")
                .pop(Pop.of("p1", "P1", 0, 0))
                .pop(Pop.of("p2", "P2", 0, 0.2))
                .pop(Pop.of("z", "Z", 3, 0.1))
                .srlg(Srlg.of("g", SrlgKind.DUCT, "the duct"))
                .span(Span.of("s1", "p1", "z", 400, 100).withSrlgs(List.of(SrlgId.of("g"))))
                .span(Span.of("s2", "p2", "z", 400, 100).withSrlgs(List.of(SrlgId.of("g"))))
                .span(Span.of("s3", "p1", "p2", 25, 100))
                .build();
        List<Site> sites = List.of(
                site("branch", 0, 0.1, SiteRole.SPOKE, 100, Resilience.SRLG_DIVERSE),
                site("hq", 3, 0.1, SiteRole.HUB, 1000, Resilience.SINGLE));
        Design d = Designer.design(n, sites, DesignOptions.defaults(Topology.HUB_SPOKE));
        assertThat(d.sites().get(0).refusal())
                .hasValueSatisfying(r -> assertThat(r)
                        .startsWith("srlg-diverse: no path from p2 to z")
                        .endsWith("shares [g]"));
        assertThat(d.accepted()).extracting(s -> s.site().id()).containsExactly("hq");
        // PoP-diverse asks less: two PoPs are enough
        Design relaxed = Designer.design(
                n,
                List.of(site("branch", 0, 0.1, SiteRole.SPOKE, 100, Resilience.POP_DIVERSE), sites.get(1)),
                DesignOptions.defaults(Topology.HUB_SPOKE));
        assertThat(relaxed.accepted()).hasSize(2);
        assertThat(relaxed.sites().get(0).tails())
                .extracting(t -> t.pop().value())
                .containsExactlyInAnyOrder("p1", "p2");
    }

    @Test
    void traffic_that_does_not_fit_the_short_way_takes_the_longer_path_with_room() throws Exception {
        // a square a-b-c-d-a, 100 km sides; ab has 0.1 Gbps. Sites at a and b exchange 1 × 1 / 2 / 4 = 0.125
        // Gbps: not through ab, so round the other three sides (300 km)
        Network square = Network.builder("square")
                .pop(Pop.of("a", "A", 0, 0))
                .pop(Pop.of("b", "B", 0, 1))
                .pop(Pop.of("c", "C", 1, 1))
                .pop(Pop.of("d", "D", 1, 0))
                .span(Span.of("ab", "a", "b", 100, 0.1))
                .span(Span.of("bc", "b", "c", 100, 100))
                .span(Span.of("cd", "c", "d", 100, 100))
                .span(Span.of("da", "d", "a", 100, 100))
                .build();
        Design d = Designer.design(
                square,
                List.of(
                        site("x", 0, 0, SiteRole.SPOKE, 1000, Resilience.SINGLE),
                        site("y", 0, 1, SiteRole.SPOKE, 1000, Resilience.SINGLE)),
                DesignOptions.defaults(Topology.ANY_TO_ANY));
        assertThat(d.spanLoadGbps()).doesNotContainKey(SpanId.of("ab")).containsEntry(SpanId.of("cd"), 0.125);
        assertThat(d.latency().get(0).rttMs()).isCloseTo(2 * (Fibre.latencyMs(300) + 4 * 0.05), within(1e-12));
    }
}
