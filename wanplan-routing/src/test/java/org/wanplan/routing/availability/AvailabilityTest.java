package org.wanplan.routing.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.wanplan.io.builtin.BuiltinNetworks;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.Span;
import org.wanplan.model.Srlg;
import org.wanplan.model.SrlgId;
import org.wanplan.model.SrlgKind;
import org.wanplan.routing.DiverseResult;
import org.wanplan.routing.Diversity;
import org.wanplan.routing.Metric;
import org.wanplan.routing.Path;
import org.wanplan.routing.Router;

class AvailabilityTest {
    private static final AvailabilityModel MODEL = AvailabilityModel.defaults();

    @Test
    void a_cable_is_down_for_its_cuts_times_repair_time() {
        // 1000 km, 2.7278 cuts/yr, 12 h each: U/A = 2.7278 * 12 / 8766
        double ratio = 4.39 / 1.609344 * 12 / 8766;
        assertThat(MODEL.cable(1000)).isCloseTo(1 / (1 + ratio), within(1e-15));
        // down r / (1 + r) of the 525,960 minutes of a year: about 32.6 hours
        assertThat(Availability.downtimeMinutesPerYear(MODEL.cable(1000)))
                .isCloseTo(ratio / (1 + ratio) * 525_960, within(1e-6));
    }

    @Test
    void a_shared_risk_counts_once_in_a_pair() throws Exception {
        // two parallel spans a-b in the same duct: the duct is a series element in front of both
        Network n = Network.builder("twin")
                .pop(Pop.of("a", "A", 0, 0))
                .pop(Pop.of("b", "B", 0, 1))
                .srlg(Srlg.of("duct", SrlgKind.DUCT, "duct"))
                .span(Span.of("s1", "a", "b", 100, 10).withSrlgs(List.of(SrlgId.of("duct"))))
                .span(Span.of("s2", "a", "b", 120, 10).withSrlgs(List.of(SrlgId.of("duct"))))
                .build();
        DiverseResult.Pair pair = (DiverseResult.Pair) Router.of(n, Metric.KM)
                .diverse(n.pops().get(0).id(), n.pops().get(1).id(), Diversity.SPAN);
        Availability a = new Availability(n, MODEL);
        double pop = MODEL.popAvailability();
        double duct = MODEL.cable(2.0);
        double expected = pop * pop * duct * (1 - (1 - MODEL.cable(100)) * (1 - MODEL.cable(120)));
        assertThat(a.pair(pair.working(), pair.protection())).isCloseTo(expected, within(1e-15));
        assertThat(a.shared(pair.working(), pair.protection()))
                .containsExactlyInAnyOrder("pop:a", "pop:b", "srlg:duct");
    }

    @Test
    void monte_carlo_agrees_with_the_closed_form_on_euro350() {
        Network n = BuiltinNetworks.load("euro350").orElseThrow();
        Router router = Router.of(n, Metric.LATENCY);
        Availability a = new Availability(n, MODEL.with(40, 24, 0.999)); // high rates: failures common enough to sample
        DiverseResult r = router.diverse(
                n.popsMatching("Paris").get(0).id(),
                n.popsMatching("Warsaw").get(0).id(),
                Diversity.SRLG);
        DiverseResult.Pair pair = (DiverseResult.Pair) r;
        var single = a.monteCarlo(pair.working(), Optional.empty(), 400_000, 20261129L);
        assertThat(single.contains(a.path(pair.working())))
                .as("%s vs %s", single, a.path(pair.working()))
                .isTrue();
        var both = a.monteCarlo(pair.working(), Optional.of(pair.protection()), 400_000, 20261129L);
        assertThat(both.contains(a.pair(pair.working(), pair.protection())))
                .as("%s vs %s", both, a.pair(pair.working(), pair.protection()))
                .isTrue();
    }

    @Property(tries = 150, seed = "20261129")
    void a_protected_pair_is_at_least_as_available_as_either_path(
            @ForAll @IntRange(min = 3, max = 9) int pops,
            @ForAll @IntRange(min = 3, max = 18) int spans,
            @ForAll long seed)
            throws Exception {
        Network n = org.wanplan.routing.TestNetworks.connected(new Random(seed), pops, spans, 1, 500);
        DiverseResult r = Router.of(n, Metric.KM)
                .diverse(n.pops().get(0).id(), n.pops().get(pops - 1).id(), Diversity.SPAN);
        if (r instanceof DiverseResult.Pair pair) {
            Availability a = new Availability(n, MODEL);
            double both = a.pair(pair.working(), pair.protection());
            for (Path p : List.of(pair.working(), pair.protection())) {
                assertThat(both).isGreaterThanOrEqualTo(a.path(p));
            }
        }
    }
}
