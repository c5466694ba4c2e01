package org.wanplan.io.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wanplan.io.SharedData;
import org.wanplan.model.Network;
import org.wanplan.model.NetworkFacts;
import org.wanplan.model.Pop;
import org.wanplan.model.Span;
import org.wanplan.model.SrlgId;

class BuiltinNetworksTest {
    private static Network euro;
    private static Network sparse;

    @BeforeAll
    static void load() {
        euro = BuiltinNetworks.load("euro350").orElseThrow();
        sparse = BuiltinNetworks.load("sparse").orElseThrow();
    }

    @Test
    void euro350_has_350_pops_50_to_60_thousand_km_of_own_fibre_and_at_most_72_thousand_in_all() {
        NetworkFacts f = NetworkFacts.of(euro);
        assertThat(f.pops()).isEqualTo(350);
        double own = euro.spans().stream()
                .filter(s -> !s.leased())
                .mapToDouble(s -> s.length().orElseThrow().km())
                .sum();
        assertThat(own).isBetween(50_000.0, 60_000.0);
        assertThat(f.fibreKm()).isGreaterThan(own).isLessThanOrEqualTo(72_000.0);
        assertThat(f.popsWithoutLocation()).isZero();
        assertThat(f.spansWithoutLength()).isZero();
    }

    @Test
    void euro350_survives_any_single_span_cut() {
        NetworkFacts f = NetworkFacts.of(euro);
        assertThat(f.twoEdgeConnected()).isTrue();
        assertThat(f.minDegree()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void every_span_is_at_least_its_great_circle_and_is_the_route_factor_times_it() {
        for (Span s : euro.spans()) {
            double gc = euro.greatCircleKm(s).orElseThrow();
            double km = s.length().orElseThrow().km();
            assertThat(km).as(s.id().value()).isGreaterThanOrEqualTo(gc);
            assertThat(km)
                    .as(s.id().value())
                    .isCloseTo(Math.max(1.0, gc * 1.25), org.assertj.core.api.Assertions.within(0.051));
        }
    }

    @Test
    void euro350_is_the_350_most_populous_cities_of_the_footprint() {
        // independent: read the reference extract directly and rank by metro population
        Set<String> footprint = Set.of(
                "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
                "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "GB", "CH", "NO", "AL", "BA", "XK", "ME",
                "MK", "RS");
        List<Map<String, String>> rows =
                SharedData.index(SharedData.require("cities/europe_ne10m_populated_places.csv"));
        List<String> expected = rows.stream()
                .filter(r -> footprint.contains(r.get("country_code")))
                .sorted(Comparator.comparingLong((Map<String, String> r) -> -Long.parseLong(r.get("pop_max"))))
                .limit(350)
                .map(r -> r.get("name") + "/" + r.get("country_code"))
                .sorted()
                .toList();
        List<String> actual = euro.pops().stream()
                .map(p -> p.name() + "/" + p.countryCode().orElseThrow())
                .sorted()
                .toList();
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void channel_and_north_sea_crossings_are_submarine_and_alpine_spans_are_not() {
        Set<String> continent = Set.of("FR", "BE", "NL", "DE", "DK", "NO", "ES", "PT", "IE");
        Set<String> landlocked = Set.of("AT", "CH", "CZ", "HU", "SK", "RS", "XK", "MK", "LU");
        int crossings = 0;
        int inland = 0;
        for (Span s : euro.spans()) {
            String a = country(s.a().value());
            String b = country(s.b().value());
            if ((a.equals("GB") && continent.contains(b)) || (b.equals("GB") && continent.contains(a))) {
                assertThat(s.submarine())
                        .as("%s crosses the sea from Britain", s.id())
                        .isTrue();
                crossings++;
            }
            if (landlocked.contains(a) && landlocked.contains(b)) {
                assertThat(s.submarine())
                        .as("%s runs between landlocked countries", s.id())
                        .isFalse();
                inland++;
            }
        }
        assertThat(crossings).isPositive();
        assertThat(inland).isPositive();
    }

    @Test
    void every_srlg_groups_at_least_two_spans_and_every_reference_resolves() {
        Map<SrlgId, Integer> members = new HashMap<>();
        euro.spans().forEach(s -> s.srlgs().forEach(g -> members.merge(g, 1, Integer::sum)));
        assertThat(euro.srlgs()).isNotEmpty();
        euro.srlgs()
                .forEach(g -> assertThat(members.getOrDefault(g.id(), 0))
                        .as(g.id().value())
                        .isGreaterThanOrEqualTo(2));
        assertThat(members.keySet()).allMatch(g -> euro.srlg(g).isPresent());
    }

    @Test
    void sparse_has_the_same_countries_with_one_to_three_pops_each() {
        NetworkFacts f = NetworkFacts.of(sparse);
        assertThat(f.pops()).isBetween(50, 70);
        assertThat(f.countries()).isEqualTo(NetworkFacts.of(euro).countries());
        assertThat(f.twoEdgeConnected()).isTrue();
        Map<String, Long> perCountry = sparse.pops().stream()
                .collect(Collectors.groupingBy(p -> p.countryCode().orElseThrow(), Collectors.counting()));
        assertThat(perCountry.values()).allMatch(n -> n >= 1 && n <= 3);
        assertThat(sparse.pops()).allMatch(p -> euro.pop(p.id()).isPresent());
        assertThat(f.fibreKm()).isLessThan(NetworkFacts.of(euro).fibreKm());
    }

    @Test
    void sparse_takes_the_largest_cities_of_each_country() {
        for (Pop p : sparse.pops()) {
            String c = p.countryCode().orElseThrow();
            long sparseInCountry = sparse.pops().stream()
                    .filter(q -> q.countryCode().orElseThrow().equals(c))
                    .count();
            long larger = euro.pops().stream()
                    .filter(q -> q.countryCode().orElseThrow().equals(c))
                    .filter(q -> q.population().getAsLong() > p.population().getAsLong())
                    .count();
            assertThat(larger)
                    .as("%s is among the %d largest of %s", p.name(), sparseInCountry, c)
                    .isLessThan(sparseInCountry);
        }
    }

    @Test
    void bteurope_is_the_zoo_network_with_its_attribution() {
        Network bt = BuiltinNetworks.load("bteurope").orElseThrow();
        assertThat(bt.pops()).hasSize(24);
        assertThat(bt.spans()).hasSize(37);
        assertThat(bt.attribution().orElseThrow()).contains("CC BY 4.0").contains("Topology Zoo");
    }

    @Test
    void unknown_names_are_empty() {
        assertThat(BuiltinNetworks.load("atlantis")).isEmpty();
    }

    private static String country(String popId) {
        return euro.pop(org.wanplan.model.PopId.of(popId))
                .orElseThrow()
                .countryCode()
                .orElseThrow();
    }
}
