package org.wanplan.model;

/** Identifier of a {@link Span}, unique within one {@link Network}. */
public record SpanId(String value) implements Comparable<SpanId> {
    public SpanId {
        Ids.requireValid(value, "span id");
    }

    public static SpanId of(String value) {
        return new SpanId(value);
    }

    @Override
    public int compareTo(SpanId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
