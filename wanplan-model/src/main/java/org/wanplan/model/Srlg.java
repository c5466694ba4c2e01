package org.wanplan.model;

import java.util.Objects;

/** A shared-risk link group: spans that one event (a cut duct, a cable fault) takes down together. */
public record Srlg(SrlgId id, SrlgKind kind, String name) {
    public Srlg {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public static Srlg of(String id, SrlgKind kind, String name) {
        return new Srlg(SrlgId.of(id), kind, name);
    }
}
