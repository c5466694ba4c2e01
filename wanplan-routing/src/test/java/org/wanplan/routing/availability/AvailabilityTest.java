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
import org.wanplan.model.PopId;
import org.wanplan.model.Span;
import org.wanplan.model.SpanId;
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
    void a_submarine_span_fails_and_is_repaired_like_a_submarine_cable() throws Exception {
        // 300 km at sea: 200 faults a year on 1.2 million km, 20 days (480 h) each
        double ratio = 200 / 1_200_000.0 * 300 / 8766 * 480;
        assertThat(MODEL.submarineCable(300)).isCloseTo(1 / (1 + ratio), within(1e-15));
        Network n = Network.builder("strait")
                .pop(Pop.of("a", "A", 0, 0))
                .pop(Pop.of("b", "B", 0, 1))
                .span(new Span(
                        SpanId.of("sea"),
                        PopId.of("a"),
                        PopId.of("b"),
                        java.util.Optional.of(
                                new org.wanplan.model.FibreLength(300, org.wanplan.model.LengthSource.MEASURED)),
                        100,
                        List.of(),
                        true))
                .span(Span.of("land", "a", "b", 300, 100))
                .build();
        Availability a = new Availability(n, MODEL);
        assertThat(a.span(n.span(SpanId.of("sea")).orElseThrow())).isCloseTo(1 / (1 + ratio), within(1e-15));
        assertThat(a.span(n.span(SpanId.of("land")).orElseThrow())).isEqualTo(MODEL.cable(300));
        // the submarine span is down about 23.9 h a year against 9.8 h for the same km on land: a sixteenth of
        // the faults (0.05 against 0.82 a year), each 40 times longer to repair
        assertThat(Availability.downtimeMinutesPerYear(MODEL.submarineCable(300)) / 60)
                .isCloseTo(23.9, within(0.1));
        assertThat(Availability.downtimeMinutesPerYear(MODEL.cable(300)) / 60).isCloseTo(9.8, within(0.1));
        // and the override
        assertThat(MODEL.withSubmarine(1, 24).submarineCable(1000)).isCloseTo(1 / (1 + 24 / 8766.0), within(1e-15));
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
