package org.wanplan.routing;

import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.wanplan.model.Network;
import org.wanplan.model.PopId;
import org.wanplan.model.SpanId;
import org.wanplan.model.SrlgId;

/**
 * Elements taken out of a network — failed, excluded, or already used — by their dense indices. A
 * mask never copies or changes the network it applies to. Immutable; the {@code with…} methods
 * return new masks.
 */
public final class Mask {
    private static final Mask NONE = new Mask(new BitSet(), new BitSet());

    private final BitSet spans;
    private final BitSet pops;

    private Mask(BitSet spans, BitSet pops) {
        this.spans = spans;
        this.pops = pops;
    }

    public static Mask none() {
        return NONE;
    }

    public boolean spanDown(int span) {
        return spans.get(span);
    }

    public boolean popDown(int pop) {
        return pops.get(pop);
    }

    public boolean isEmpty() {
        return spans.isEmpty() && pops.isEmpty();
    }

    public Mask withSpanIndex(int span) {
        BitSet s = (BitSet) spans.clone();
        s.set(span);
        return new Mask(s, pops);
    }

    /** This mask plus the spans whose indices are set in {@code indices}. */
    public Mask withSpanIndices(BitSet indices) {
        BitSet s = (BitSet) spans.clone();
        s.or(indices);
        return new Mask(s, pops);
    }

    public Mask withPopIndex(int pop) {
        BitSet p = (BitSet) pops.clone();
        p.set(pop);
        return new Mask(spans, p);
    }

    public Mask withSpans(Network network, Collection<SpanId> ids) {
        BitSet s = (BitSet) spans.clone();
        ids.forEach(id -> s.set(require(network.indexOf(id), id)));
        return new Mask(s, pops);
    }

    public Mask withPops(Network network, Collection<PopId> ids) {
        BitSet p = (BitSet) pops.clone();
        ids.forEach(id -> p.set(require(network.indexOf(id), id)));
        return new Mask(spans, p);
    }

    /** This mask plus every span that belongs to one of {@code srlgs}. */
    public Mask withSrlgs(Network network, Collection<SrlgId> srlgs) {
        BitSet s = (BitSet) spans.clone();
        for (int i = 0; i < network.spans().size(); i++) {
            if (network.spans().get(i).srlgs().stream().anyMatch(srlgs::contains)) {
                s.set(i);
            }
        }
        return new Mask(s, pops);
    }

    /**
     * This mask plus one element named as scenario files and the API name them: {@code span:ID},
     * {@code pop:ID} or {@code srlg:ID}; empty when {@code element} names nothing in {@code network}.
     */
    public Optional<Mask> withElement(Network network, String element) {
        int colon = element.indexOf(':');
        String id = colon < 0 ? "" : element.substring(colon + 1).strip();
        if (id.isEmpty()) {
            return Optional.empty();
        }
        try {
            return switch (element.substring(0, colon).strip()) {
                case "span" -> network.span(SpanId.of(id)).map(x -> withSpans(network, List.of(x.id())));
                case "pop" -> network.pop(PopId.of(id)).map(x -> withPops(network, List.of(x.id())));
                case "srlg" -> network.srlg(SrlgId.of(id)).map(x -> withSrlgs(network, List.of(x.id())));
                default -> Optional.empty();
            };
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** The union of two masks. */
    public Mask and(Mask other) {
        BitSet s = (BitSet) spans.clone();
        s.or(other.spans);
        BitSet p = (BitSet) pops.clone();
        p.or(other.pops);
        return new Mask(s, p);
    }

    /** The failed spans, shared: callers in this package only read it. */
    BitSet spans() {
        return spans;
    }

    BitSet pops() {
        return pops;
    }

    public BitSet spanBits() {
        return (BitSet) spans.clone();
    }

    public BitSet popBits() {
        return (BitSet) pops.clone();
    }

    private static int require(int index, Object id) {
        if (index < 0) {
            throw new IllegalArgumentException("unknown element " + id);
        }
        return index;
    }
}
