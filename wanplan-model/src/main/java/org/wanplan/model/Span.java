package org.wanplan.model;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A fibre span between two PoPs, undirected. Parallel spans (same endpoints) are allowed.
 *
 * @param length fibre length; empty when neither measured nor estimable (an endpoint has no location)
 * @param capacityGbps capacity installed on the span, ≥ 0
 * @param srlgs the shared-risk groups this span belongs to, without duplicates, in the given order
 * @param submarine whether (part of) the span is a submarine cable
 */
public record Span(
        SpanId id,
        PopId a,
        PopId b,
        Optional<FibreLength> length,
        double capacityGbps,
        List<SrlgId> srlgs,
        boolean submarine) {
    public Span {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(length, "length");
        srlgs = List.copyOf(srlgs);
        capacityProblem(capacityGbps).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        if (new HashSet<>(srlgs).size() != srlgs.size()) {
            throw new IllegalArgumentException("span " + id + " lists an SRLG twice: " + srlgs);
        }
    }

    /** A terrestrial span with a measured length and no SRLG. */
    public static Span of(String id, String a, String b, double lengthKm, double capacityGbps) {
        return new Span(
                SpanId.of(id),
                PopId.of(a),
                PopId.of(b),
                Optional.of(FibreLength.measured(lengthKm)),
                capacityGbps,
                List.of(),
                false);
    }

    /** Why {@code gbps} is not a valid capacity, or empty when it is (finite and ≥ 0). */
    public static Optional<String> capacityProblem(double gbps) {
        return gbps >= 0 && Double.isFinite(gbps)
                ? Optional.empty()
                : Optional.of("capacityGbps must be a finite number ≥ 0, was " + gbps);
    }

    /** The endpoint that is not {@code end}; {@code end} must be one of the two. */
    public PopId opposite(PopId end) {
        if (end.equals(a)) {
            return b;
        }
        if (end.equals(b)) {
            return a;
        }
        throw new IllegalArgumentException(end + " is not an endpoint of span " + id);
    }

    public Span withSrlgs(List<SrlgId> groups) {
        return new Span(id, a, b, length, capacityGbps, groups, submarine);
    }

    public Span withLength(FibreLength fibre) {
        return new Span(id, a, b, Optional.of(fibre), capacityGbps, srlgs, submarine);
    }
}
