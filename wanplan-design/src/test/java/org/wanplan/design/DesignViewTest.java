package org.wanplan.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.wanplan.io.builtin.BuiltinNetworks;
import org.wanplan.model.GeoPoint;
import org.wanplan.model.Network;
import org.wanplan.model.PriceBook;
import org.wanplan.model.Resilience;
import org.wanplan.model.Site;
import org.wanplan.model.SiteRole;

class DesignViewTest {
    @Test
    void the_compact_pairs_give_the_same_view_as_a_plain_list_of_them() {
        Network euro = BuiltinNetworks.load("euro350").orElseThrow();
        SplittableRandom random = new SplittableRandom(3);
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            GeoPoint at = euro.pops().get(random.nextInt(60)).location().orElseThrow();
            sites.add(new Site(
                    "s" + i,
                    "s" + i,
                    new GeoPoint(at.latitude() + 0.1, at.longitude()),
                    Optional.empty(),
                    Optional.empty(),
                    SiteRole.SPOKE,
                    100 + i,
                    10,
                    50,
                    Resilience.SINGLE));
        }
        Design compact = Designer.design(euro, sites, DesignOptions.defaults(Topology.ANY_TO_ANY));
        assertThat(compact.latency()).isInstanceOf(Designer.PairList.class).hasSize(80 * 79 / 2);
        // the same design with the pairs made into a plain list: the view's generic path
        Design plain = new Design(
                compact.network(),
                compact.topology(),
                compact.sites(),
                new ArrayList<>(compact.latency()),
                compact.spanLoadGbps(),
                compact.availabilityBasis());
        assertThat(plain.latency()).isNotInstanceOf(Designer.PairList.class);
        Quote q = Quote.of(compact, PriceBook.defaults());
        for (int max : new int[] {0, 7, 100, 5_000}) {
            DesignView a = DesignView.of(compact, q, max);
            DesignView b = DesignView.of(plain, q, max);
            assertThat(a.latencySummary()).as("max %d", max).isEqualTo(b.latencySummary());
            assertThat(a.latency()).as("max %d", max).isEqualTo(b.latency());
        }
        assertThat(DesignFigures.summary(compact, q)).isEqualTo(DesignFigures.summary(plain, q));
    }
}
