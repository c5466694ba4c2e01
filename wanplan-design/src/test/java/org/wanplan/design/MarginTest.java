package org.wanplan.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wanplan.model.CostBook;
import org.wanplan.model.GeoPoint;
import org.wanplan.model.PopId;
import org.wanplan.model.PriceBook;
import org.wanplan.model.Resilience;
import org.wanplan.model.Site;
import org.wanplan.model.SiteRole;
import org.wanplan.model.SpanId;

class MarginTest {
    private static final PopId POP = PopId.of("p");

    /**
     * Own: up to 100 Mbps access 100 a month (400 once) and port 30; up to 1 Gbps 200 (600) and 60. Management 20
     * a month, installation 500. Partners: 300 a month + 2 per km, 1,000 once, up to 1 Gbps; in GB 150 + 1 per km,
     * 800 once, up to 100 Mbps only. Near-net build and backbone at the cited defaults.
     */
    static CostBook book(String currency) {
        return new CostBook(
                currency,
                List.of(own(100, "100", "400", "30"), own(1000, "200", "600", "60")),
                new BigDecimal("20"),
                new BigDecimal("500"),
                CostBook.DEFAULT_NEAR_NET_BUILD_PER_KM,
                CostBook.DEFAULT_BACKBONE_MRC_PER_GBPS_KM,
                List.of(partner(1000, "300", "1000", "2")),
                Map.of("GB", List.of(partner(100, "150", "800", "1"))),
                PriceBook.DEFAULT_CROSS_BORDER_PCT);
    }

    private static CostBook.OwnTier own(double mbps, String mrc, String nrc, String port) {
        return new CostBook.OwnTier(mbps, new BigDecimal(mrc), new BigDecimal(nrc), new BigDecimal(port));
    }

    private static CostBook.PartnerTier partner(double mbps, String mrc, String nrc, String perKm) {
        return new CostBook.PartnerTier(mbps, new BigDecimal(mrc), new BigDecimal(nrc), new BigDecimal(perKm));
    }

    private static Design.SiteDesign site(
            String id, String country, double mbps, Resilience r, List<Homing.Tail> tails) {
        Site s = new Site(
                id, id, new GeoPoint(0, 0), Optional.empty(), Optional.of(country), SiteRole.SPOKE, mbps, 0, 0, r);
        return new Design.SiteDesign(s, tails, 0.999, Optional.empty(), Optional.empty());
    }

    private static Homing.Tail offNet(double km, String partner) {
        return new Homing.Tail(POP, km, false, 0, Optional.of(partner));
    }

    private static Design design() {
        return new Design(
                "n",
                Topology.HUB_SPOKE,
                List.of(
                        site("on", "FR", 100, Resilience.SINGLE, List.of(new Homing.Tail(POP, 3, true))),
                        site("off", "FR", 1000, Resilience.SINGLE, List.of(offNet(40, "Orange"))),
                        site("near", "FR", 100, Resilience.SINGLE, List.of(new Homing.Tail(POP, 0.5, true, 0.2))),
                        site(
                                "dual",
                                "DE",
                                100,
                                Resilience.DUAL_ACCESS,
                                List.of(offNet(10, "local partner"), offNet(10, "local partner"))),
                        site("gb", "GB", 1000, Resilience.SINGLE, List.of(offNet(20, "Openreach"))),
                        site("big", "FR", 200_000, Resilience.SINGLE, List.of(new Homing.Tail(POP, 1, true)))),
                List.of(),
                Map.of(SpanId.of("s1"), 2.0, SpanId.of("s2"), 0.5, SpanId.of("s3"), 1.0));
    }

    private static Optional<Double> km(SpanId s) {
        return switch (s.value()) {
            case "s1" -> Optional.of(400.0);
            case "s2" -> Optional.of(1000.0);
            default -> Optional.empty();
        };
    }

    @Test
    void each_site_costs_its_circuits_ports_build_and_management_and_the_margin_is_the_rest() {
        Design d = design();
        Quote q = Quote.of(d, PriceBook.defaults());
        Margin m = Margin.of(d, q, book("EUR"), MarginTest::km);

        // prices over 36 months from the default book, by hand:
        // on   100 Mbps on-net: MRC 350 + 150 + 45 = 545, NRC 750 + 1,500 → 2,250 + 545 × 36 = 21,870
        // off  1 Gbps, 40 km off-net (band ≤ 50 km: 300 / 1,200): MRC 900 + 300 + 400 + 45 = 1,645,
        //      NRC 1,000 + 1,200 + 1,500 = 3,700 → 62,920
        // near on-net once 200 m are built (6,000): 27,870
        // dual two 10 km off-net tails (band ≤ 10 km: 100 / 500), dual access 60 % of the tier (210 / 450):
        //      MRC 350 + 100 + 150 + 210 + 100 + 45 = 955, NRC 750 + 500 + 450 + 500 + 1,500 = 3,700 → 38,080
        // costs:
        // on   own 100 / 400, port 30, management 20 / 500: NRC 900, MRC 150 → 6,300; margin 15,570
        // off  FR has no entry: 300 + 2 × 40 = 380 / 1,000, port 60, management: NRC 1,500, MRC 460 → 18,060
        // near own 100 / 400 + build 0.2 km × 30,000 = 6,000 + port + management → 12,300: margin 15,570, the
        //      on-net site's, since the build is charged at cost
        // dual two partner circuits 2 × (300 + 2 × 10) = 640 / 2,000, two ports 60, management: MRC 720, NRC 2,500
        //      → 28,420
        assertThat(m.sites())
                .extracting(
                        Margin.SiteMargin::site,
                        s -> s.price().intValueExact(),
                        s -> s.cost().intValueExact(),
                        s -> s.margin().intValueExact())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("on", 21870, 6300, 15570),
                        org.assertj.core.groups.Tuple.tuple("off", 62920, 18060, 44860),
                        org.assertj.core.groups.Tuple.tuple("near", 27870, 12300, 15570),
                        org.assertj.core.groups.Tuple.tuple("dual", 38080, 28420, 9660));
        // GB's partner sells nothing above 100 Mbps: left out of both sides; "big" is priced on request: not costed
        assertThat(m.costOnRequest()).containsExactly("gb");
        assertThat(q.onRequest()).containsExactly("big");
        // backbone: 2 Gbps × 400 km + 0.5 × 1,000 = 1,300 Gbit/s·km × 0.0125 = 16.25 a month → 585; s3 has no length
        Margin.Cost backbone = m.costs().get(m.costs().size() - 1);
        assertThat(backbone.site()).isEqualTo(Margin.BACKBONE);
        assertThat(backbone.mrc()).isEqualByComparingTo("16.25");
        assertThat(backbone.item()).contains("1,300 Gbit/s·km").contains("1 loaded spans without a length");
        assertThat(m.priceTotal()).isEqualByComparingTo("150740");
        assertThat(m.costTotal()).isEqualByComparingTo("65665"); // 65,080 + 585
        assertThat(m.margin()).isEqualByComparingTo("85075");
        assertThat(m.marginPct()).isEqualByComparingTo("56.44"); // 85,075 / 150,740
        assertThat(m.costByKind())
                .containsEntry(Margin.PARTNER_ACCESS, new BigDecimal("39720.00")) // 1,000 + 380 × 36 + 2,000 + 640 × 36
                .containsEntry(Margin.OWN_ACCESS, new BigDecimal("8000.00"))
                .containsEntry(Margin.PORT, new BigDecimal("6480.00"))
                .containsEntry(Margin.NEAR_NET_BUILD, new BigDecimal("6000.00"))
                .containsEntry(Margin.MANAGEMENT, new BigDecimal("4880.00"))
                .containsEntry(Margin.BACKBONE_TRANSPORT, new BigDecimal("585.00"));
        assertThat(m.belowCost()).isEmpty();
        // the quote's total holds the GB site's price too
        assertThat(q.totalContractValue()).isGreaterThan(m.priceTotal());
    }

    @Test
    void a_margin_floor_gives_the_discount_that_keeps_it_or_the_rise_it_needs() {
        Design d = design();
        Margin m = Margin.of(d, Quote.of(d, PriceBook.defaults()), book("EUR"), MarginTest::km);
        // price 150,740, cost 65,665 (the first test). At a 50 % floor the price may fall to 65,665 / 0.5 = 131,330:
        // a discount of 1 − 131,330 / 150,740 = 12.88 %; the dual site (9,660 on 38,080) is under 50 % on its own
        Margin.Floor half = m.floor(new BigDecimal("50"));
        assertThat(half.met()).isTrue();
        assertThat(half.discountHeadroomPct()).isEqualByComparingTo("12.88");
        assertThat(half.risePct()).isEqualByComparingTo("0");
        assertThat(half.sitesBelow()).containsExactly("dual");
        // at 60 % the price must reach 65,665 / 0.4 = 164,162.50: 8.90 % more; near (15,570 on 27,870) falls under too
        Margin.Floor sixty = m.floor(new BigDecimal("60"));
        assertThat(sixty.met()).isFalse();
        assertThat(sixty.discountHeadroomPct()).isEqualByComparingTo("0");
        assertThat(sixty.risePct()).isEqualByComparingTo("8.90");
        assertThat(sixty.sitesBelow()).containsExactly("near", "dual");
        // the floor's own margin: exactly met at the headroom's discount (to the cent of the rounding)
        BigDecimal discounted = m.priceTotal().multiply(new BigDecimal("0.871235"));
        assertThat(discounted.subtract(m.costTotal()).divide(discounted, 4, java.math.RoundingMode.HALF_EVEN))
                .isEqualByComparingTo("0.5000");
        assertThatThrownBy(() -> m.floor(new BigDecimal("100"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_site_whose_partner_costs_more_than_its_price_is_below_cost() {
        // the dual site's partner at 1,100 a month per circuit: 2 × (1,100 + 20) = 2,240 + 60 + 20 = 2,320 a month
        // against a price of 955
        CostBook dear = new CostBook(
                "EUR",
                book("EUR").ownTiers(),
                new BigDecimal("20"),
                new BigDecimal("500"),
                CostBook.DEFAULT_NEAR_NET_BUILD_PER_KM,
                CostBook.DEFAULT_BACKBONE_MRC_PER_GBPS_KM,
                List.of(partner(1000, "1100", "1000", "2")),
                Map.of(),
                PriceBook.DEFAULT_CROSS_BORDER_PCT);
        Design d = design();
        Margin m = Margin.of(d, Quote.of(d, PriceBook.defaults()), dear, MarginTest::km);
        // dual: 38,080 − (2,500 + 2,320 × 36 = 86,020); off: 62,920 − (1,500 + (1,180 + 60 + 20) × 36 = 46,860)
        assertThat(m.belowCost())
                .extracting(Margin.SiteMargin::site, s -> s.margin().intValueExact())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dual", -47940));
        assertThat(m.sites().get(1).margin()).isEqualByComparingTo("16060");
    }

    @Test
    void a_partner_circuit_across_a_border_is_priced_and_costed_30_percent_more_on_its_off_net_part() {
        // a Luxembourg site handed over at a PoP abroad, 40 km off-net: the off-net band (≤ 50 km: 300 a month,
        // 1,200 once) carries 30 % more, 90 / 360; the partner's circuit 1.3 × (300 + 2 × 40) = 494 a month and
        // 1.3 × 1,000 = 1,300 once
        Design d = new Design(
                "n",
                Topology.HUB_SPOKE,
                List.of(site(
                        "lu",
                        "LU",
                        1000,
                        Resilience.SINGLE,
                        List.of(new Homing.Tail(POP, 40, false, 0, Optional.of("POST"), true)))),
                List.of(),
                Map.of());
        Quote q = Quote.of(d, PriceBook.defaults());
        Quote.Line surcharge = q.lines().stream()
                .filter(l -> l.item().startsWith(Quote.CROSS_BORDER))
                .findFirst()
                .orElseThrow();
        assertThat(surcharge.mrc()).isEqualByComparingTo("90");
        assertThat(surcharge.nrc()).isEqualByComparingTo("360");
        // price: MRC 900 + 300 + 400 + 45 + 90 = 1,735, NRC 1,000 + 1,200 + 1,500 + 360 = 4,060 → 66,520
        assertThat(q.totalContractValue()).isEqualByComparingTo("66520");
        Margin m = Margin.of(d, q, book("EUR"), MarginTest::km);
        Margin.Cost partner = m.costs().get(0);
        assertThat(partner.kind()).isEqualTo(Margin.PARTNER_ACCESS);
        assertThat(partner.item()).contains("across the border");
        assertThat(partner.mrc()).isEqualByComparingTo("494");
        assertThat(partner.nrc()).isEqualByComparingTo("1300");
        // cost: NRC 1,300 + 500, MRC 494 + 60 + 20 = 574 → 1,800 + 20,664 = 22,464
        assertThat(m.sites().get(0).cost()).isEqualByComparingTo("22464");
        // the same tail at home pays neither
        Design home = new Design(
                "n",
                Topology.HUB_SPOKE,
                List.of(site("lu", "LU", 1000, Resilience.SINGLE, List.of(offNet(40, "POST")))),
                List.of(),
                Map.of());
        Quote hq = Quote.of(home, PriceBook.defaults());
        assertThat(q.totalContractValue().subtract(hq.totalContractValue()))
                .isEqualByComparingTo("3600"); // 360 + 90 × 36
        assertThat(m.sites()
                        .get(0)
                        .cost()
                        .subtract(Margin.of(home, hq, book("EUR"), MarginTest::km)
                                .sites()
                                .get(0)
                                .cost()))
                .isEqualByComparingTo("4404"); // 300 + 114 × 36
    }

    @Test
    void the_backbone_default_is_a_100g_wave_per_km_shared_over_its_capacity() {
        assertThat(CostBook.DEFAULT_BACKBONE_MRC_PER_GBPS_KM).isEqualByComparingTo("0.0125"); // 1.25 / 100
        assertThat(CostBook.DEFAULT_NEAR_NET_BUILD_PER_KM).isEqualByComparingTo("30000");
    }

    @Test
    void a_cost_book_in_another_currency_is_refused() {
        Design d = design();
        Quote q = Quote.of(d, PriceBook.defaults());
        assertThatThrownBy(() -> Margin.of(d, q, book("GBP"), MarginTest::km))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GBP")
                .hasMessageContaining("EUR");
    }
}
