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
 * @param ownership own fibre or leased (a wavelength or fibre pair rented from another carrier)
 */
public record Span(
        SpanId id,
        PopId a,
        PopId b,
        Optional<FibreLength> length,
        double capacityGbps,
        List<SrlgId> srlgs,
        boolean submarine,
        Ownership ownership) {
    public Span {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownership, "ownership");
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

    /** A span of own fibre. */
    public Span(
            SpanId id,
            PopId a,
            PopId b,
            Optional<FibreLength> length,
            double capacityGbps,
            List<SrlgId> srlgs,
            boolean submarine) {
        this(id, a, b, length, capacityGbps, srlgs, submarine, Ownership.OWN);
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

    /**
     * The largest span capacity accepted: 1 Pbit/s. A fibre pair carries about 100 Tbit/s with today's
     * C+L-band coherent optics (ITU-T G.698.2 grids, 800G per wavelength); a span of ten lit pairs stays below
     * this, and a larger figure is a unit error (bit/s read as Gbit/s).
     */
    public static final double MAX_CAPACITY_GBPS = 1_000_000;

    /** Why {@code gbps} is not a valid capacity, or empty when it is (0 to {@link #MAX_CAPACITY_GBPS}). */
    public static Optional<String> capacityProblem(double gbps) {
        return gbps >= 0 && gbps <= MAX_CAPACITY_GBPS
                ? Optional.empty()
                : Optional.of("capacityGbps must be a number from 0 to " + (long) MAX_CAPACITY_GBPS + ", was " + gbps);
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
        return new Span(id, a, b, length, capacityGbps, groups, submarine, ownership);
    }

    public Span withLength(FibreLength fibre) {
        return new Span(id, a, b, Optional.of(fibre), capacityGbps, srlgs, submarine, ownership);
    }

    public Span withOwnership(Ownership o) {
        return new Span(id, a, b, length, capacityGbps, srlgs, submarine, o);
    }

    /** Whether the span is leased rather than own fibre. */
    public boolean leased() {
        return ownership.isLeased();
    }
}
