package org.wanplan.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.wanplan.model.Network;
import org.wanplan.model.Pop;
import org.wanplan.model.Span;
import org.wanplan.model.Srlg;
import org.wanplan.model.SrlgId;
import org.wanplan.model.SrlgKind;

/** Seeded random networks for property tests. */
public final class TestNetworks {
    private TestNetworks() {}

    /**
     * A connected network: a chain p0 … p(n−1) first, then random extra spans (parallel ones included),
     * integer lengths 1 … {@code maxKm} (ties are common, which is where implementations differ), and
     * each span in each of {@code srlgs} risk groups with probability 1/5.
     */
    public static Network connected(Random random, int pops, int spans, int srlgs, int maxKm) throws Exception {
        Network.Builder b = Network.builder("random");
        for (int i = 0; i < pops; i++) {
            b.pop(Pop.of("p" + i, "P" + i, 45, i));
        }
        for (int g = 0; g < srlgs; g++) {
            b.srlg(Srlg.of("g" + g, SrlgKind.DUCT, "g" + g));
        }
        for (int s = 0; s < Math.max(spans, pops - 1); s++) {
            int u = s < pops - 1 ? s : random.nextInt(pops);
            int v = s < pops - 1 ? s + 1 : (u + 1 + random.nextInt(pops - 1)) % pops;
            List<SrlgId> groups = new ArrayList<>();
            for (int g = 0; g < srlgs; g++) {
                if (random.nextInt(5) == 0) {
                    groups.add(SrlgId.of("g" + g));
                }
            }
            b.span(Span.of("s" + s, "p" + u, "p" + v, 1 + random.nextInt(maxKm), 100)
                    .withSrlgs(groups));
        }
        return b.build();
    }
}
