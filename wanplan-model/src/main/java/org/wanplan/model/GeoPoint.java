package org.wanplan.model;

import java.util.ArrayList;
import java.util.List;

/** A WGS84 position in decimal degrees: latitude in [-90, 90], longitude in [-180, 180]. */
public record GeoPoint(double latitude, double longitude) {
    public GeoPoint {
        List<String> problems = problems(latitude, longitude);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** Every reason why ({@code latitude}, {@code longitude}) is not a valid position; empty when it is. */
    public static List<String> problems(double latitude, double longitude) {
        List<String> problems = new ArrayList<>(2);
        if (!(latitude >= -90 && latitude <= 90)) {
            problems.add("latitude must be in [-90, 90], was " + latitude);
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            problems.add("longitude must be in [-180, 180], was " + longitude);
        }
        return problems;
    }

    /** Great-circle distance to {@code other} in km; see {@link Geodesy#greatCircleKm}. */
    public double distanceKm(GeoPoint other) {
        return Geodesy.greatCircleKm(this, other);
    }
}
