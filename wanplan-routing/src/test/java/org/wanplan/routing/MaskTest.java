package org.wanplan.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wanplan.model.Network;

class MaskTest {
    @Test
    void anElementByNameIsTheSameMaskAsByItsTypedMethod() throws Exception {
        Network n = TestNetworks.connected(new Random(7), 8, 14, 3, 500);
        var span = n.spans().get(3).id();
        var pop = n.pops().get(2).id();
        var srlg = n.srlgs().get(0).id();
        Mask none = Mask.none();
        assertThat(none.withElement(n, "span:" + span.value()).orElseThrow().spanBits())
                .isEqualTo(none.withSpans(n, List.of(span)).spanBits());
        assertThat(none.withElement(n, "pop:" + pop.value()).orElseThrow().popBits())
                .isEqualTo(none.withPops(n, List.of(pop)).popBits());
        assertThat(none.withElement(n, " srlg: " + srlg.value()).orElseThrow().spanBits())
                .isEqualTo(none.withSrlgs(n, List.of(srlg)).spanBits());
        for (String bad : List.of("span:", "span:nope", "cable:" + span.value(), span.value(), "pop:a b", "")) {
            assertThat(none.withElement(n, bad)).as(bad).isEmpty();
        }
    }
}
