package org.wanplan.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.wanplan.model.GeoPoint;
import org.wanplan.model.PopId;
import org.wanplan.model.PriceBook;
import org.wanplan.model.Resilience;
import org.wanplan.model.Site;
import org.wanplan.model.SiteRole;

class QuoteTest {
    static Design.SiteDesign designed(String id, double mbps, double rt, double biz, Resilience r, double tailKm) {
        Site s = new Site(
                id, id, new GeoPoint(0, 0), Optional.empty(), Optional.empty(), SiteRole.SPOKE, mbps, rt, biz, r);
        Homing.Tail tail = new Homing.Tail(PopId.of("p"), tailKm, tailKm <= 25);
        return new Design.SiteDesign(s, List.of(tail, tail), 0.999, Optional.empty(), Optional.empty());
    }

    static Design design(List<Design.SiteDesign> sites) {
        return new Design("n", Topology.ANY_TO_ANY, sites, List.of(), Map.of());
    }

    @Test
    void an_on_net_site_is_priced_line_by_line_from_the_default_book() {
        // 100 Mbps tier: access 350 (NRC 750), port 150; business uplift 10 % of the port: 15;
        // management 45 (installation 1,500). MRC 560, NRC 2,250, 36 months: 2,250 + 560 × 36 = 22,410
        Quote q = Quote.of(design(List.of(designed("s", 100, 0, 100, Resilience.SINGLE, 3))), PriceBook.defaults());
        assertThat(q.lines())
                .extracting(Quote.Line::mrc)
                .containsExactly(
                        new BigDecimal("350.00"),
                        new BigDecimal("150.00"),
                        new BigDecimal("15.00"),
                        new BigDecimal("45.00"));
        assertThat(q.mrc()).isEqualByComparingTo("560");
        assertThat(q.nrc()).isEqualByComparingTo("2250");
        assertThat(q.totalContractValue()).isEqualByComparingTo("22410");
    }

    @Test
    void tiers_between_100_mbps_and_1_gbps_lie_on_the_power_law_through_them() {
        // price = p100 × (mbps / 100)^b with b = log10(p1000 / p100), rounded to the euro (by hand, not the book)
        PriceBook b = PriceBook.defaults();
        for (double mbps : new double[] {200, 500}) {
            PriceBook.Tier t = b.tier(mbps);
            assertThat(t.upToMbps()).isEqualTo(mbps);
            double f = Math.log10(mbps / 100);
            assertThat(t.accessMrc())
                    .isEqualByComparingTo(BigDecimal.valueOf(Math.round(350 * Math.pow(900.0 / 350, f))));
            assertThat(t.portMrc())
                    .isEqualByComparingTo(BigDecimal.valueOf(Math.round(150 * Math.pow(400.0 / 150, f))));
            assertThat(t.accessNrc())
                    .isEqualByComparingTo(BigDecimal.valueOf(Math.round(750 * Math.pow(1000.0 / 750, f))));
        }
        // sub-linear: each tier costs less per Mbps than the one below, and more in all
        List<PriceBook.Tier> tiers = b.accessTiers();
        for (int i = 1; i < tiers.size(); i++) {
            PriceBook.Tier lo = tiers.get(i - 1);
            PriceBook.Tier hi = tiers.get(i);
            assertThat(hi.accessMrc()).isGreaterThan(lo.accessMrc());
            assertThat(hi.accessMrc().doubleValue() / hi.upToMbps())
                    .isLessThan(lo.accessMrc().doubleValue() / lo.upToMbps());
        }
        // a 200 Mbps site pays the 200 Mbps tier, no longer the 1 Gbps one
        Quote q = Quote.of(design(List.of(designed("s", 200, 0, 100, Resilience.SINGLE, 3))), b);
        assertThat(q.lines().get(0).mrc()).isEqualByComparingTo("465");
    }

    @Test
    void an_off_net_srlg_diverse_site_pays_the_distance_band_the_surcharge_and_its_second_tail() {
        // 1 Gbps tier: access 900 + off-net 50-200 km band 800 = 1,700 MRC, NRC 1,000 + 3,000 = 4,000;
        // SRLG-diverse +120 % of the access tier: 1,080 MRC, 1,200 NRC; the second tail, 120 km off-net, its
        // own band: 800 MRC, 3,000 NRC; port 400; real-time 50 % at 25 % + business 50 % at 10 %: 400 × (12.5
        // + 5) % = 70; management 45, installation 1,500
        Quote q = Quote.of(
                design(List.of(designed("s", 1000, 50, 50, Resilience.SRLG_DIVERSE, 120))), PriceBook.defaults());
        assertThat(q.mrc()).isEqualByComparingTo("4095"); // 1700 + 400 + 70 + 1080 + 800 + 45
        assertThat(q.nrc()).isEqualByComparingTo("9700"); // 4000 + 1200 + 3000 + 1500
        assertThat(q.lines())
                .extracting(Quote.Line::item)
                .anyMatch(i -> i.startsWith("second tail off-net to p, 120 km"));
    }

    @Property(tries = 300, seed = "20261129")
    void quote_lines_add_up_exactly(@ForAll @IntRange(min = 1, max = 40) int sites, @ForAll long seed) {
        Random random = new Random(seed);
        List<Design.SiteDesign> list = new ArrayList<>();
        for (int i = 0; i < sites; i++) {
            double rt = random.nextInt(101) / 3.0;
            double biz = Math.min(100 - rt, random.nextInt(101) / 7.0);
            list.add(designed(
                    "s" + i,
                    1 + random.nextInt(20_000) / 3.0,
                    rt,
                    biz,
                    Resilience.values()[random.nextInt(4)],
                    random.nextDouble() * 400));
        }
        Quote q = Quote.of(design(list), PriceBook.defaults());
        BigDecimal nrc = q.lines().stream().map(Quote.Line::nrc).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mrc = q.lines().stream().map(Quote.Line::mrc).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(q.nrc()).isEqualTo(nrc);
        assertThat(q.mrc()).isEqualTo(mrc);
        assertThat(q.totalContractValue()).isEqualTo(nrc.add(mrc.multiply(BigDecimal.valueOf(36))));
        assertThat(q.lines()).allMatch(l -> l.mrc().scale() == 2 && l.nrc().scale() == 2);
    }
}
