package org.wanplan.routing.availability;

import java.util.EnumMap;
import java.util.Map;
import org.wanplan.model.SrlgKind;

/**
 * The failure rates and repair times availability is predicted from.
 *
 * <p>Defaults: fibre cable cuts at 4.39 per 1,000 sheath-miles per year (the long-haul figure from US
 * FCC outage reports that W. D. Grover uses throughout "Mesh-Based Survivable Networks", Prentice
 * Hall 2003), i.e. 2.73 per 1,000 km per year, repaired in 12 hours on average (the same source's
 * planning value); a PoP's equipment is available 99.999 % of the time (carrier-class "five nines").
 * A shared-risk group stands for a stretch of shared route whose cut takes all its spans down: a
 * duct out of a city 2 km, a corridor 20 km, a cable landing or shared cable section 5 km, a
 * building 0.5 km, anything else 5 km — each failing at the same rate per km as any cable.
 *
 * <p>Submarine spans fail and are repaired like submarine cables: 0.167 faults per 1,000 km a year — over
 * 200 faults a year on average (Kordahi et al., "Global trends in submarine cable system faults", SubOptic
 * 2019, for the Submarine Cable Improvement Group) on over 1.2 million km of cable in service (TeleGeography,
 * 2020) — and 20 days to repair: the average reported repair time fell from 30 days towards 20 over
 * 2013–2019 (SubTel Forum, Submarine Telecoms Industry Report 2020, §4.2). A span counts as submarine as a
 * whole (the generator marks spans with ≥ 20 km at sea), which overstates the faults of a long span with a
 * short crossing.
 *
 * @param cutsPer1000KmYear cable cuts per 1,000 km of fibre route per year
 * @param mttrHours mean time to repair a cut, hours
 * @param popAvailability steady-state availability of one PoP's equipment
 * @param sharedKm length of shared route each kind of SRLG stands for
 * @param unknownLengthKm length assumed for a span whose length is unknown
 * @param submarineFaultsPer1000KmYear faults per 1,000 km of submarine cable per year
 * @param submarineMttrHours mean time to repair a submarine fault, hours
 */
public record AvailabilityModel(
        double cutsPer1000KmYear,
        double mttrHours,
        double popAvailability,
        Map<SrlgKind, Double> sharedKm,
        double unknownLengthKm,
        double submarineFaultsPer1000KmYear,
        double submarineMttrHours) {
    public static final double HOURS_PER_YEAR = 8766.0; // 365.25 days

    public AvailabilityModel {
        if (!(cutsPer1000KmYear >= 0) || !(mttrHours >= 0) || !(popAvailability > 0 && popAvailability <= 1)) {
            throw new IllegalArgumentException("cut rate and MTTR must be ≥ 0 and PoP availability in (0, 1], were "
                    + cutsPer1000KmYear + ", " + mttrHours + ", " + popAvailability);
        }
        if (!(submarineFaultsPer1000KmYear >= 0) || !(submarineMttrHours >= 0)) {
            throw new IllegalArgumentException("submarine fault rate and repair time must be ≥ 0, were "
                    + submarineFaultsPer1000KmYear + ", " + submarineMttrHours);
        }
        sharedKm = Map.copyOf(sharedKm);
    }

    public static AvailabilityModel defaults() {
        Map<SrlgKind, Double> shared = new EnumMap<>(SrlgKind.class);
        shared.put(SrlgKind.DUCT, 2.0);
        shared.put(SrlgKind.CORRIDOR, 20.0);
        shared.put(SrlgKind.SUBMARINE_CABLE, 5.0);
        shared.put(SrlgKind.BUILDING, 0.5);
        shared.put(SrlgKind.OTHER, 5.0);
        return new AvailabilityModel(4.39 / 1.609344, 12.0, 0.99999, shared, 100.0, 200 / 1200.0, 20 * 24.0);
    }

    public AvailabilityModel with(double cutsPer1000KmYear, double mttrHours, double popAvailability) {
        return new AvailabilityModel(
                cutsPer1000KmYear,
                mttrHours,
                popAvailability,
                sharedKm,
                unknownLengthKm,
                submarineFaultsPer1000KmYear,
                submarineMttrHours);
    }

    /** The same model with other submarine figures. */
    public AvailabilityModel withSubmarine(double faultsPer1000KmYear, double mttrHours) {
        return new AvailabilityModel(
                cutsPer1000KmYear,
                this.mttrHours,
                popAvailability,
                sharedKm,
                unknownLengthKm,
                faultsPer1000KmYear,
                mttrHours);
    }

    /** Steady-state availability of a span of {@code km}: a submarine cable's or a terrestrial one's. */
    public double span(double km, boolean submarine) {
        return submarine ? submarineCable(km) : cable(km);
    }

    /**
     * Steady-state availability of a shared-risk group: its stretch of shared route ({@link #sharedKm()}), as
     * submarine cable for a cable system, as terrestrial cable otherwise.
     */
    public double srlg(SrlgKind kind) {
        double km = sharedKm.getOrDefault(kind, 5.0);
        return kind == SrlgKind.SUBMARINE_CABLE ? submarineCable(km) : cable(km);
    }

    /** Steady-state availability of a submarine cable of {@code km}. */
    public double submarineCable(double km) {
        double faultsPerHour = submarineFaultsPer1000KmYear * km / 1000.0 / HOURS_PER_YEAR;
        return 1.0 / (1.0 + faultsPerHour * submarineMttrHours);
    }

    /** Steady-state availability of a cable of {@code km}: MTBF / (MTBF + MTTR) = 1 / (1 + λ·MTTR). */
    public double cable(double km) {
        return cable(km, mttrHours);
    }

    /** The same for a cable of {@code km} cut at this model's rate and repaired in {@code mttrHours} (a partner's). */
    public double cable(double km, double mttrHours) {
        double cutsPerHour = cutsPer1000KmYear * km / 1000.0 / HOURS_PER_YEAR;
        return 1.0 / (1.0 + cutsPerHour * mttrHours);
    }
}
