package org.wanplan.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class NetworkTest {
    @Test
    void every_problem_is_reported_at_once_with_the_element_it_concerns() {
        Network.Builder b = Network.builder("bad")
                .pop(Pop.of("a", "A", 0, 0))
                .pop(Pop.of("b", "B", 0, 1))
                .pop(Pop.of("a", "A again", 0, 2))
                .srlg(Srlg.of("g", SrlgKind.DUCT, "duct"))
                .span(Span.of("s1", "a", "b", 10, 100))
                .span(Span.of("s1", "b", "a", 10, 100))
                .span(Span.of("s2", "a", "x", 10, 100))
                .span(Span.of("s3", "b", "b", 10, 100))
                .span(Span.of("s4", "a", "b", 10, 100).withSrlgs(List.of(SrlgId.of("nope"))));
        InvalidNetworkException e = catchThrowableOfType(InvalidNetworkException.class, b::build);
        assertThat(e.problems())
                .extracting(NetworkProblem::toString)
                .containsExactly(
                        "pop[2]: duplicate PoP id 'a'",
                        "span[1]: duplicate span id 's1'",
                        "span[2]: span s2: unknown endpoint b 'x'",
                        "span[3]: span s3: self-loop at 'b'",
                        "span[4]: span s4: unknown SRLG 'nope'");
    }

    @Test
    void parallel_spans_are_allowed_and_counted_in_degrees() throws Exception {
        Network n = Network.builder("parallel")
                .pop(Pop.of("a", "A", 0, 0))
                .pop(Pop.of("b", "B", 0, 1))
                .span(Span.of("s1", "a", "b", 120, 100))
                .span(Span.of("s2", "b", "a", 130, 100))
                .build();
        assertThat(n.degree(PopId.of("a"))).isEqualTo(2);
        assertThat(n.totalFibreKm()).isEqualTo(250);
        assertThat(n.incidentSpans(PopId.of("b")))
                .extracting(s -> s.id().value())
                .containsExactly("s1", "s2");
    }

    @Test
    void elements_validate_themselves() {
        assertThatThrownBy(() -> new GeoPoint(100, 0)).hasMessageContaining("latitude must be in [-90, 90], was 100.0");
        assertThatThrownBy(() -> Span.of("s", "a", "b", 0, 10)).hasMessageContaining("lengthKm must be");
        assertThatThrownBy(() -> Span.of("s", "a", "b", 10, -1)).hasMessageContaining("capacityGbps must be");
        assertThatThrownBy(() -> PopId.of(" ")).hasMessageContaining("PoP id must not be blank");
        assertThatThrownBy(() ->
                        new Pop(PopId.of("p"), "P", Optional.of("France"), Optional.empty(), OptionalLong.empty()))
                .hasMessageContaining("ISO 3166-1 alpha-2");
    }

    @Test
    void pops_are_found_by_id_or_by_unique_name() throws Exception {
        Network n = Network.builder("names")
                .pop(Pop.of("fra", "Frankfurt", 50.1, 8.7))
                .pop(Pop.of("fra2", "Frankfurt", 50.1, 8.7))
                .pop(Pop.of("par", "Paris", 48.9, 2.3))
                .build();
        assertThat(n.popsMatching("par")).extracting(Pop::name).containsExactly("Paris");
        assertThat(n.popsMatching("paris")).extracting(p -> p.id().value()).containsExactly("par");
        assertThat(n.popsMatching("Frankfurt")).hasSize(2);
        assertThat(n.popsMatching("Lyon")).isEmpty();
    }

    @Test
    void great_circle_needs_both_locations() throws Exception {
        Network n = Network.builder("partial")
                .pop(Pop.of("a", "A", 0, 0))
                .pop(Pop.of("b", "B", 0, 1))
                .pop(new Pop(PopId.of("x"), "X", Optional.empty(), Optional.empty(), OptionalLong.empty()))
                .span(Span.of("ab", "a", "b", 150, 10))
                .span(Span.of("ax", "a", "x", 150, 10))
                .build();
        assertThat(n.greatCircleKm(n.spans().get(0))).isPresent();
        assertThat(n.greatCircleKm(n.spans().get(1))).isEmpty();
    }
}
