package org.wanplan.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wanplan.io.builtin.BuiltinNetworks;
import org.wanplan.model.GeoPoint;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.PopId;
import org.wanplan.model.Resilience;
import org.wanplan.model.Site;
import org.wanplan.model.SiteRole;

class HomingTest {
    private static final Network EURO = BuiltinNetworks.load("euro350").orElseThrow();

    private static Site at(String id, GeoPoint where, Resilience r) {
        return new Site(id, id, where, Optional.empty(), Optional.empty(), SiteRole.SPOKE, 100, 0, 100, r);
    }

    @Test
    void a_site_in_a_pop_city_is_on_net_with_a_zero_tail() {
        Pop paris = EURO.pop(PopId.of("paris")).orElseThrow();
        List<Homing.Tail> tails =
                Homing.defaults().tails(EURO, at("s", paris.location().get(), Resilience.SINGLE));
        assertThat(tails).containsExactly(new Homing.Tail(PopId.of("paris"), 0, true));
    }

    @Test
    void a_remote_site_gets_an_off_net_tail_of_one_and_a_half_great_circles() {
        // Chamonix, 45.9237 N 6.8694 E: the nearest euro350 PoP is found by brute force here
        GeoPoint chamonix = new GeoPoint(45.9237, 6.8694);
        Pop nearest = EURO.pops().stream()
                .min(java.util.Comparator.comparingDouble(
                        p -> p.location().get().distanceKm(chamonix)))
                .orElseThrow();
        Homing.Tail t = Homing.defaults()
                .tails(EURO, at("s", chamonix, Resilience.SINGLE))
                .get(0);
        assertThat(t.pop()).isEqualTo(nearest.id());
        assertThat(t.km()).isCloseTo(nearest.location().get().distanceKm(chamonix) * 1.5, within(1e-9));
        // on-net within the metro's radius: sqrt(population / (π · 3,050 per km²)), 5 to 40 km
        double radius = Math.max(5, Math.min(40, Math.sqrt(nearest.population().getAsLong() / (Math.PI * 3050))));
        assertThat(t.onNet()).isEqualTo(nearest.location().get().distanceKm(chamonix) <= radius);
    }

    @Test
    void the_nearest_pop_is_the_one_of_least_great_circle_for_random_sites() {
        // the homing ranks PoPs by the dot product of unit vectors; the oracle is the haversine distance to every
        // PoP, brute force, with pop-diverse sites for the second nearest too
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261203L);
        for (int i = 0; i < 2000; i++) {
            GeoPoint g = new GeoPoint(35 + random.nextDouble() * 35, -10 + random.nextDouble() * 40);
            List<Pop> byKm = EURO.pops().stream()
                    .sorted(java.util.Comparator.comparingDouble(
                                    (Pop p) -> p.location().get().distanceKm(g))
                            .thenComparing(p -> p.id().value()))
                    .toList();
            List<Homing.Tail> tails = Homing.defaults().tails(EURO, at("s" + i, g, Resilience.POP_DIVERSE));
            assertThat(tails.get(0).pop())
                    .as(g.toString())
                    .isEqualTo(byKm.get(0).id());
            assertThat(tails.get(1).pop())
                    .as(g.toString())
                    .isEqualTo(byKm.get(1).id());
            assertThat(tails.get(0).km()).isCloseTo(byKm.get(0).location().get().distanceKm(g) * 1.5, within(1e-9));
        }
    }

    @Test
    void the_on_net_footprint_grows_with_the_metro() {
        Homing h = Homing.defaults();
        // by hand: Paris 9,904,000 → sqrt(9.904e6 / (π · 3050)) = 32.15 km; a PoP of 100,000 → 3.2 km → 5 km
        assertThat(h.onNetRadiusKm(EURO.pop(PopId.of("paris")).orElseThrow())).isCloseTo(32.15, within(0.01));
        assertThat(h.onNetRadiusKm(Pop.of("x", "X", 0, 0))).isEqualTo(5.0);
        // a site 20 km from the centre of Paris is on-net; 20 km from a city of 847,000 (Toulouse, 9.4 km) is not
        Pop toulouse = EURO.pop(PopId.of("toulouse")).orElseThrow();
        GeoPoint nearParis = new GeoPoint(48.8566 + 20 / 111.2, 2.3522);
        assertThat(h.tails(EURO, at("p", nearParis, Resilience.SINGLE)).get(0).onNet())
                .isTrue();
        GeoPoint nearToulouse = new GeoPoint(
                toulouse.location().get().latitude() + 20 / 111.2,
                toulouse.location().get().longitude());
        Homing.Tail t = h.tails(EURO, at("t", nearToulouse, Resilience.SINGLE)).get(0);
        assertThat(t.pop()).isEqualTo(PopId.of("toulouse"));
        assertThat(t.onNet()).isFalse();
    }

    @Test
    void a_site_is_handed_over_in_its_own_country_when_the_network_has_a_pop_there() {
        Network sparse = BuiltinNetworks.load("sparse").orElseThrow();
        // Brest: London is nearer than any French PoP of sparse, but a French site is handed over in France
        GeoPoint brest = new GeoPoint(48.3904, -4.4861);
        Site french = new Site(
                "b",
                "Brest",
                brest,
                Optional.of("Brest"),
                Optional.of("FR"),
                SiteRole.SPOKE,
                100,
                0,
                100,
                Resilience.SINGLE);
        Pop nearestFrench = sparse.pops().stream()
                .filter(p -> p.countryCode().equals(Optional.of("FR")))
                .min(java.util.Comparator.comparingDouble(
                        p -> p.location().get().distanceKm(brest)))
                .orElseThrow();
        Pop nearestAnywhere = sparse.pops().stream()
                .min(java.util.Comparator.comparingDouble(
                        p -> p.location().get().distanceKm(brest)))
                .orElseThrow();
        assertThat(nearestAnywhere.countryCode()).isNotEqualTo(Optional.of("FR")); // else the test means nothing
        assertThat(Homing.defaults().tails(sparse, french).get(0).pop()).isEqualTo(nearestFrench.id());
        // given by coordinates alone, the site takes the nearest PoP anywhere
        assertThat(Homing.defaults()
                        .tails(sparse, at("c", brest, Resilience.SINGLE))
                        .get(0)
                        .pop())
                .isEqualTo(nearestAnywhere.id());
        // a PoP-diverse site in a country with one PoP (Slovenia on sparse) takes its second PoP abroad
        GeoPoint ljubljana = new GeoPoint(46.0569, 14.5058);
        assertThat(sparse.pops().stream().filter(p -> p.countryCode().equals(Optional.of("SI"))))
                .hasSize(1);
        Site slovene = new Site(
                "s",
                "Ljubljana",
                ljubljana,
                Optional.of("Ljubljana"),
                Optional.of("SI"),
                SiteRole.SPOKE,
                100,
                0,
                100,
                Resilience.POP_DIVERSE);
        Pop nearestAbroad = sparse.pops().stream()
                .filter(p -> !p.countryCode().equals(Optional.of("SI")))
                .min(java.util.Comparator.comparingDouble(
                        p -> p.location().get().distanceKm(ljubljana)))
                .orElseThrow();
        List<Homing.Tail> two = Homing.defaults().tails(sparse, slovene);
        assertThat(two).extracting(Homing.Tail::pop).containsExactly(PopId.of("ljubljana"), nearestAbroad.id());
        // a country without a PoP (Andorra) is served across the border, from the nearest PoP anywhere
        GeoPoint andorraLaVella = new GeoPoint(42.5063, 1.5218);
        Site andorran = new Site(
                "a",
                "Andorra",
                andorraLaVella,
                Optional.empty(),
                Optional.of("AD"),
                SiteRole.SPOKE,
                100,
                0,
                100,
                Resilience.SINGLE);
        Pop nearestToAndorra = sparse.pops().stream()
                .min(java.util.Comparator.comparingDouble(
                        p -> p.location().get().distanceKm(andorraLaVella)))
                .orElseThrow();
        Homing.Tail andorra = Homing.defaults().tails(sparse, andorran).get(0);
        assertThat(andorra.pop()).isEqualTo(nearestToAndorra.id());
        // ... by a partner circuit across the border (off-net, handed over in another country)
        assertThat(andorra.onNet()).isFalse();
        assertThat(andorra.crossBorder()).isTrue();
        // the French and Slovene first tails stay at home; the Slovene second crosses the border when off-net
        assertThat(Homing.defaults().tails(sparse, french).get(0).crossBorder()).isFalse();
        assertThat(two.get(0).crossBorder()).isFalse();
        assertThat(two.get(1).crossBorder()).isEqualTo(!two.get(1).onNet());
        // a site given by coordinates alone has no country to cross from
        assertThat(Homing.defaults()
                        .tails(sparse, at("c", brest, Resilience.SINGLE))
                        .get(0)
                        .crossBorder())
                .isFalse();
    }

    @Test
    void diverse_sites_land_on_two_pops_and_dual_access_twice_on_one() {
        GeoPoint lyonish = new GeoPoint(45.76, 4.84);
        List<Homing.Tail> diverse = Homing.defaults().tails(EURO, at("s", lyonish, Resilience.POP_DIVERSE));
        assertThat(diverse).hasSize(2);
        assertThat(diverse.get(0).pop()).isNotEqualTo(diverse.get(1).pop());
        assertThat(diverse.get(0).km()).isLessThanOrEqualTo(diverse.get(1).km());
        List<Homing.Tail> dual = Homing.defaults().tails(EURO, at("s", lyonish, Resilience.DUAL_ACCESS));
        assertThat(dual).hasSize(2);
        assertThat(dual.get(0)).isEqualTo(dual.get(1));
    }

    @Test
    void a_site_just_outside_the_footprint_is_near_net_and_a_little_further_off_net() throws Exception {
        // a PoP without population: the 5 km minimum footprint. North along a meridian the great circle is
        // R·Δφ exactly: at 5.05 km the lateral is 0.05 × 1.5 = 0.075 km ≤ 0.137 (near-net, 75 m to build); at
        // 5.1 km it is 0.15 km > 0.137 (off-net); at 4.9 km the site is on-net with nothing to build
        Network n = Network.builder("one")
                .pop(org.wanplan.model.Pop.of("p", "P", 0, 0))
                .pop(org.wanplan.model.Pop.of("q", "Q", 0, 10))
                .span(org.wanplan.model.Span.of("pq", "p", "q", 1200, 100))
                .build();
        java.util.function.DoubleFunction<GeoPoint> north =
                km -> new GeoPoint(Math.toDegrees(km / org.wanplan.model.Geodesy.MEAN_EARTH_RADIUS_KM), 0);
        Homing h = Homing.defaults();
        assertThat(Homing.DEFAULT_NEAR_NET_KM).isCloseTo((100 * 36 + 500) / 30_000.0, within(1e-12));
        Homing.Tail near =
                h.tails(n, at("near", north.apply(5.05), Resilience.SINGLE)).get(0);
        assertThat(near.onNet()).isTrue();
        assertThat(near.nearNet()).isTrue();
        assertThat(near.buildKm()).isCloseTo(0.075, within(1e-9));
        assertThat(near.km()).isCloseTo(5.05 * 1.5, within(1e-9));
        Homing.Tail off =
                h.tails(n, at("off", north.apply(5.1), Resilience.SINGLE)).get(0);
        assertThat(off.onNet()).isFalse();
        assertThat(off.buildKm()).isZero();
        Homing.Tail on =
                h.tails(n, at("on", north.apply(4.9), Resilience.SINGLE)).get(0);
        assertThat(on.onNet()).isTrue();
        assertThat(on.nearNet()).isFalse();

        // the quote builds the lateral once for dual access (one route), twice for diverse dual access
        Quote single = Quote.of(
                new Design(
                        "one",
                        Topology.ANY_TO_ANY,
                        List.of(new Design.SiteDesign(
                                at("near", north.apply(5.05), Resilience.SINGLE),
                                List.of(near),
                                0.999,
                                Optional.empty(),
                                Optional.empty())),
                        List.of(),
                        java.util.Map.of()),
                org.wanplan.model.PriceBook.defaults());
        // 0.075 km × EUR 30,000 = EUR 2,250 once; the access is priced on-net (no off-net band)
        assertThat(single.lines())
                .filteredOn(l -> l.item().startsWith(Quote.NEAR_NET_BUILD))
                .singleElement()
                .satisfies(l -> {
                    assertThat(l.nrc()).isEqualByComparingTo("2250.00");
                    assertThat(l.mrc()).isEqualByComparingTo("0");
                    assertThat(l.item())
                            .isEqualTo(
                                    "near-net build: 75 m of fibre from the on-net footprint to p's metro, delivered in 60"
                                            + " working days");
                });
        assertThat(single.lines().get(0).item()).startsWith("near-net access 100 Mbps");
        assertThat(single.lines().get(0).mrc()).isEqualByComparingTo("350.00"); // the tier alone
        for (Resilience r : List.of(Resilience.DUAL_ACCESS, Resilience.DUAL_ACCESS_DIVERSE)) {
            Quote q = Quote.of(
                    new Design(
                            "one",
                            Topology.ANY_TO_ANY,
                            List.of(new Design.SiteDesign(
                                    at("near", north.apply(5.05), r),
                                    List.of(near, near),
                                    0.999,
                                    Optional.empty(),
                                    Optional.empty())),
                            List.of(),
                            java.util.Map.of()),
                    org.wanplan.model.PriceBook.defaults());
            assertThat(q.lines().stream()
                            .filter(l -> l.item().startsWith(Quote.NEAR_NET_BUILD))
                            .count())
                    .as(r.label())
                    .isEqualTo(r == Resilience.DUAL_ACCESS ? 1 : 2);
        }
    }
}
