package org.wanplan.model;

/** Identifier of a {@link Pop}, unique within one {@link Network}. */
public record PopId(String value) implements Comparable<PopId> {
    public PopId {
        Ids.requireValid(value, "PoP id");
    }

    public static PopId of(String value) {
        return new PopId(value);
    }

    @Override
    public int compareTo(PopId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
