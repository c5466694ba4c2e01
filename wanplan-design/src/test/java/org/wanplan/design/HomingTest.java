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
        assertThat(t.onNet()).isEqualTo(t.km() <= 25);
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
}
