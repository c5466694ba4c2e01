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
        // 33 km from a PoP of no population (5 km on-net radius): off-net, the partner's fibre, repaired in 15 h
        assertThat(d.sites().get(0).tails()).noneMatch(Homing.Tail::onNet);
        double cable = 1 / (1 + 4.39 / 1.609344 * km / 1000 / 8766 * 15);
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

    /** A site at (lat, lon) in {@code country}, single-homed. */
    static Site siteIn(String id, double lat, double lon, String country, Resilience r) {
        return new Site(
                id, id, new GeoPoint(lat, lon), Optional.empty(), Optional.of(country), SiteRole.SPOKE, 100, 0, 100, r);
    }

    @Test
    void an_off_net_tail_is_repaired_on_its_partners_terms_and_an_on_net_one_on_ours() throws Exception {
        // three PoPs of no country on the line: every site is served across the border, by its own country's
        // partner; the anchor (1 Gbps) sits on PoP c, so the others' backbone is the static path to it
        Site anchor = new Site(
                "anchor",
                "anchor",
                new GeoPoint(0, 2),
                Optional.empty(),
                Optional.empty(),
                SiteRole.SPOKE,
                1000,
                0,
                100,
                Resilience.SINGLE);
        List<Site> sites = List.of(
                siteIn("fr", 0.2, 0, "FR", Resilience.SINGLE), // 22 km from a: off-net
                siteIn("de", 0.2, 0, "DE", Resilience.SINGLE), // the same place, a German partner
                siteIn("it", 0.2, 0, "IT", Resilience.SINGLE), // Italy: a guaranteed availability
                siteIn("near", 0.02, 0, "FR", Resilience.SINGLE), // 2.2 km: on-net, our own fibre
                anchor);
        org.wanplan.model.PartnerBook partners = new org.wanplan.model.PartnerBook(
                new org.wanplan.model.PartnerBook.Partner("anyone", 15),
                java.util.Map.of(
                        "DE",
                        new org.wanplan.model.PartnerBook.Partner("Telekom", 8),
                        "IT",
                        new org.wanplan.model.PartnerBook.Partner("TIM", 15, java.util.OptionalDouble.of(99.5))));
        Design d = Designer.design(
                line(),
                sites,
                DesignOptions.defaults(Topology.ANY_TO_ANY)
                        .withPartners(partners)
                        .withoutRestoration());
        AvailabilityModel m = AvailabilityModel.defaults();
        double pop = m.popAvailability();
        // backbone a → c: spans ab and bc and the transit PoP b; PoP c is the anchor's, counted in its access
        double backbone = m.cable(100) * m.cable(100) * pop;
        double km = d.sites().get(0).tails().get(0).km();
        double cutsPerHour = 4.39 / 1.609344 * km / 1000 / 8766; // Grover's long-haul cut rate, per hour
        assertThat(d.sites().get(0).tails().get(0).partner()).contains("anyone"); // FR has no entry
        assertThat(d.sites().get(0).availability())
                .isCloseTo(1 / (1 + cutsPerHour * 15) * pop * backbone, within(1e-15));
        assertThat(d.sites().get(1).tails().get(0).partner()).contains("Telekom");
        assertThat(d.sites().get(1).availability())
                .isCloseTo(1 / (1 + cutsPerHour * 8) * pop * backbone, within(1e-15));
        // the contract's figure, whatever the length
        assertThat(d.sites().get(2).availability()).isCloseTo(0.995 * pop * backbone, within(1e-15));
        Homing.Tail own = d.sites().get(3).tails().get(0);
        assertThat(own.onNet()).isTrue();
        assertThat(own.partner()).isEmpty();
        double ownCutsPerHour = 4.39 / 1.609344 * own.km() / 1000 / 8766;
        assertThat(d.sites().get(3).availability())
                .isCloseTo(1 / (1 + ownCutsPerHour * 12) * pop * backbone, within(1e-15));
        // the partner is shown with the tail
        DesignView v = DesignView.of(d, Quote.of(d, org.wanplan.model.PriceBook.defaults()));
        assertThat(v.sites().get(1).tails().get(0).partner()).contains("Telekom");
        assertThat(v.sites().get(3).tails().get(0).partner()).isEmpty();
    }

    @Test
    void a_longer_partner_repair_costs_exactly_its_share_of_downtime() throws Exception {
        // the same off-net site with partners repairing in 12 h (our own time) and 24 h: the tail's
        // unavailability λ·MTTR / (1 + λ·MTTR) roughly doubles; checked against the closed form, not the code
        List<Site> sites = List.of(
                siteIn("s", 0.5, 0, "FR", Resilience.SINGLE),
                new Site(
                        "anchor",
                        "anchor",
                        new GeoPoint(0, 0),
                        Optional.empty(),
                        Optional.empty(),
                        SiteRole.SPOKE,
                        1000,
                        0,
                        100,
                        Resilience.SINGLE));
        java.util.function.DoubleFunction<Double> availabilityAt = h -> {
            try {
                org.wanplan.model.PartnerBook b = new org.wanplan.model.PartnerBook(
                        new org.wanplan.model.PartnerBook.Partner("p", h), java.util.Map.of());
                return Designer.design(
                                line(),
                                sites,
                                DesignOptions.defaults(Topology.ANY_TO_ANY)
                                        .withPartners(b)
                                        .withoutRestoration())
                        .sites()
                        .get(0)
                        .availability();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        double pop = AvailabilityModel.defaults().popAvailability();
        Homing.Tail t = Homing.defaults().tails(line(), sites.get(0)).get(0);
        double lambda = 4.39 / 1.609344 * t.km() / 1000 / 8766;
        // both sites on PoP a: no backbone; the access is the tail and PoP a
        assertThat(availabilityAt.apply(12)).isCloseTo(pop / (1 + lambda * 12), within(1e-15));
        assertThat(availabilityAt.apply(24)).isCloseTo(pop / (1 + lambda * 24), within(1e-15));
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
