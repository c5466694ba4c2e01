package org.wanplan.model;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Who owns a span's fibre: the operator ({@link Kind#OWN}, the default), or a lessor it rents a
 * wavelength or fibre pair from ({@link Kind#LEASED}), at a monthly charge when known. Real backbones with
 * hundreds of PoPs are own regional fibre under an express layer partly bought this way.
 *
 * @param leaseEurPerMonth the monthly recurring charge of a leased span in euro; always empty for own fibre
 */
public record Ownership(Kind kind, OptionalDouble leaseEurPerMonth) {
    /** Own or leased. */
    public enum Kind {
        OWN,
        LEASED;

        /** The name used in files: {@code own}, {@code leased}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Kind> fromLabel(String label) {
            for (Kind k : values()) {
                if (k.label().equals(label)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * The largest monthly lease accepted: 1 M€. A 100G wavelength across Europe rents for a few thousand euro
     * a month and a dark-fibre pair for a few hundred euro per km a year; a million a month for one span is a
     * unit error (cents read as euro).
     */
    public static final double MAX_LEASE_EUR_PER_MONTH = 1_000_000;

    /** Own fibre. */
    public static final Ownership OWN = new Ownership(Kind.OWN, OptionalDouble.empty());

    public Ownership {
        java.util.Objects.requireNonNull(kind, "kind");
        java.util.Objects.requireNonNull(leaseEurPerMonth, "leaseEurPerMonth");
        if (kind == Kind.OWN && leaseEurPerMonth.isPresent()) {
            throw new IllegalArgumentException("leaseEurPerMonth is only for leased spans, was "
                    + leaseEurPerMonth.getAsDouble() + " on own fibre");
        }
        leaseEurPerMonth.stream()
                .mapToObj(Ownership::leaseProblem)
                .flatMap(Optional::stream)
                .findFirst()
                .ifPresent(p -> {
                    throw new IllegalArgumentException(p);
                });
    }

    /** A leased span at {@code eurPerMonth}. */
    public static Ownership leased(double eurPerMonth) {
        return new Ownership(Kind.LEASED, OptionalDouble.of(eurPerMonth));
    }

    /** A leased span whose charge is not known. */
    public static Ownership leased() {
        return new Ownership(Kind.LEASED, OptionalDouble.empty());
    }

    public boolean isLeased() {
        return kind == Kind.LEASED;
    }

    /** Why {@code eur} is not a valid monthly lease, or empty when it is (0 to {@link #MAX_LEASE_EUR_PER_MONTH}). */
    public static Optional<String> leaseProblem(double eur) {
        return eur >= 0 && eur <= MAX_LEASE_EUR_PER_MONTH
                ? Optional.empty()
                : Optional.of("leaseEurPerMonth must be a number from 0 to " + (long) MAX_LEASE_EUR_PER_MONTH + ", was "
                        + eur);
    }

    /**
     * What a file's {@code ownership} label (null or blank: own) and {@code leaseEurPerMonth} (empty when
     * absent) make; when they are invalid, {@code problem} gets the message and the result is {@link #OWN}
     * (the caller refuses the file).
     */
    public static Ownership parse(String label, OptionalDouble lease, java.util.function.Consumer<String> problem) {
        String l = label == null || label.isBlank() ? "own" : label.strip();
        Optional<Kind> kind = Kind.fromLabel(l);
        if (kind.isEmpty()) {
            problem.accept("ownership must be own or leased, was '" + l + "'");
            return OWN;
        }
        if (kind.get() == Kind.OWN && lease.isPresent()) {
            problem.accept("leaseEurPerMonth is only for leased spans (ownership leased), was " + lease.getAsDouble());
            return OWN;
        }
        Optional<String> bad = lease.stream()
                .mapToObj(Ownership::leaseProblem)
                .flatMap(Optional::stream)
                .findFirst();
        if (bad.isPresent()) {
            problem.accept(bad.get());
            return OWN;
        }
        return new Ownership(kind.get(), lease);
    }
}
