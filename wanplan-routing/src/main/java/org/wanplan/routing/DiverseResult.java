package org.wanplan.routing;

import java.util.List;
import java.util.Optional;

/** The answer to a diverse-pair request: a pair at some level, a single unprotected path, or nothing. */
public sealed interface DiverseResult {
    Diversity requested();

    /** Every level tried and failed, strongest first. */
    List<Shortfall> shortfalls();

    /**
     * A working and a protection path at level {@code met}; {@code shortfalls} say why any stronger
     * requested level failed (empty when {@code met == requested}).
     */
    record Pair(Diversity requested, Diversity met, Path working, Path protection, List<Shortfall> shortfalls)
            implements DiverseResult {
        public Pair {
            shortfalls = List.copyOf(shortfalls);
        }

        public double totalWeight() {
            return working.weight() + protection.weight();
        }
    }

    /** Only one path exists at any level: the shortest, unprotected. */
    record Single(Diversity requested, Path only, List<Shortfall> shortfalls) implements DiverseResult {
        public Single {
            shortfalls = List.copyOf(shortfalls);
        }
    }

    /** The two PoPs are not connected at all. */
    record Unreachable(Diversity requested, String reason) implements DiverseResult {
        @Override
        public List<Shortfall> shortfalls() {
            return List.of();
        }
    }

    /** The level met, if any pair was found. */
    default Optional<Diversity> levelMet() {
        return this instanceof Pair p ? Optional.of(p.met()) : Optional.empty();
    }
}
