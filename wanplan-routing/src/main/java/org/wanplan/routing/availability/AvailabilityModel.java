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
 * @param cutsPer1000KmYear cable cuts per 1,000 km of fibre route per year
 * @param mttrHours mean time to repair a cut, hours
 * @param popAvailability steady-state availability of one PoP's equipment
 * @param sharedKm length of shared route each kind of SRLG stands for
 * @param unknownLengthKm length assumed for a span whose length is unknown
 */
public record AvailabilityModel(
        double cutsPer1000KmYear,
        double mttrHours,
        double popAvailability,
        Map<SrlgKind, Double> sharedKm,
        double unknownLengthKm) {
    public static final double HOURS_PER_YEAR = 8766.0; // 365.25 days

    public AvailabilityModel {
        if (!(cutsPer1000KmYear >= 0) || !(mttrHours >= 0) || !(popAvailability > 0 && popAvailability <= 1)) {
            throw new IllegalArgumentException("cut rate and MTTR must be ≥ 0 and PoP availability in (0, 1], were "
                    + cutsPer1000KmYear + ", " + mttrHours + ", " + popAvailability);
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
        return new AvailabilityModel(4.39 / 1.609344, 12.0, 0.99999, shared, 100.0);
    }

    public AvailabilityModel with(double cutsPer1000KmYear, double mttrHours, double popAvailability) {
        return new AvailabilityModel(cutsPer1000KmYear, mttrHours, popAvailability, sharedKm, unknownLengthKm);
    }

    /** Steady-state availability of a cable of {@code km}: MTBF / (MTBF + MTTR) = 1 / (1 + λ·MTTR). */
    public double cable(double km) {
        double cutsPerHour = cutsPer1000KmYear * km / 1000.0 / HOURS_PER_YEAR;
        return 1.0 / (1.0 + cutsPerHour * mttrHours);
    }
}
