package org.wanplan.model;

/** Identifier of a shared-risk link group, unique within one {@link Network}. */
public record SrlgId(String value) implements Comparable<SrlgId> {
    public SrlgId {
        Ids.requireValid(value, "SRLG id");
    }

    public static SrlgId of(String value) {
        return new SrlgId(value);
    }

    @Override
    public int compareTo(SrlgId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
