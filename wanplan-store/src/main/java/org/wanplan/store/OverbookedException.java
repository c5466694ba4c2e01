package org.wanplan.store;

/** A reservation did not fit: it names the span, its capacity, what was reserved and what was asked. */
public final class OverbookedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String span;

    OverbookedException(String network, String span, double capacityGbps, double reservedGbps, double askedGbps) {
        super(String.format(
                java.util.Locale.ROOT,
                "span %s of %s: %.3f Gbps asked, %.3f of %.3f Gbps already reserved",
                span,
                network,
                askedGbps,
                reservedGbps,
                capacityGbps));
        this.span = span;
    }

    public String span() {
        return span;
    }
}
