package org.wanplan.routing;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.wanplan.model.Network;
import org.wanplan.model.Srlg;

/**
 * A set of elements failing together: one span, one PoP, one SRLG (all its spans), or any
 * combination. A mask over the network, never a copy.
 *
 * @param kind {@code span}, {@code pop}, {@code srlg} or {@code multi}
 */
public record FailureScenario(String name, String kind, BitSet spans, BitSet pops) {
    public FailureScenario {
        spans = (BitSet) spans.clone();
        pops = (BitSet) pops.clone();
    }

    @Override
    public BitSet spans() {
        return (BitSet) spans.clone();
    }

    @Override
    public BitSet pops() {
        return (BitSet) pops.clone();
    }

    /** Every single failure: each span, each PoP, each SRLG, in that order. */
    public static List<FailureScenario> singles(Network n) {
        List<FailureScenario> all = new ArrayList<>();
        for (int s = 0; s < n.spans().size(); s++) {
            BitSet spans = new BitSet();
            spans.set(s);
            all.add(new FailureScenario("span " + n.spans().get(s).id(), "span", spans, new BitSet()));
        }
        for (int p = 0; p < n.pops().size(); p++) {
            BitSet pops = new BitSet();
            pops.set(p);
            all.add(new FailureScenario("pop " + n.pops().get(p).id(), "pop", new BitSet(), pops));
        }
        for (Srlg g : n.srlgs()) {
            all.add(new FailureScenario(
                    "srlg " + g.id(),
                    "srlg",
                    Mask.none().withSrlgs(n, List.of(g.id())).spanBits(),
                    new BitSet()));
        }
        return all;
    }
}
