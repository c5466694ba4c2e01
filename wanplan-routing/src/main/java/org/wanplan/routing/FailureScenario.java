package org.wanplan.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.wanplan.model.Network;
import org.wanplan.model.Srlg;

/**
 * A set of elements failing together: one span, one PoP, one SRLG (all its spans), or any combination.
 * A {@link Mask} over the network, never a copy.
 *
 * @param name how reports name it ({@code span paris-rouen}, or a scenario file's name)
 * @param kind what failed
 * @param down the failed spans and PoPs
 */
public record FailureScenario(String name, Kind kind, Mask down) {
    /** What a scenario fails. */
    public enum Kind {
        /** nothing: the intact network, as a state among failure states */
        NONE,
        SPAN,
        POP,
        SRLG,
        /** several elements at once (a scenario file's line, a what-if) */
        MULTI
    }

    public FailureScenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(down, "down");
    }

    /** The intact network. */
    public static FailureScenario intact() {
        return INTACT;
    }

    private static final FailureScenario INTACT = new FailureScenario("intact", Kind.NONE, Mask.none());

    /** Each span cut on its own, in span order. */
    public static List<FailureScenario> spanCuts(Network n) {
        List<FailureScenario> all = new ArrayList<>();
        for (int s = 0; s < n.spans().size(); s++) {
            all.add(new FailureScenario(
                    "span " + n.spans().get(s).id(), Kind.SPAN, Mask.none().withSpanIndex(s)));
        }
        return all;
    }

    /** Every single failure: each span, each PoP, each SRLG, in that order. */
    public static List<FailureScenario> singles(Network n) {
        List<FailureScenario> all = new ArrayList<>(spanCuts(n));
        for (int p = 0; p < n.pops().size(); p++) {
            all.add(new FailureScenario(
                    "pop " + n.pops().get(p).id(), Kind.POP, Mask.none().withPopIndex(p)));
        }
        for (Srlg g : n.srlgs()) {
            all.add(new FailureScenario("srlg " + g.id(), Kind.SRLG, Mask.none().withSrlgs(n, List.of(g.id()))));
        }
        return all;
    }
}
