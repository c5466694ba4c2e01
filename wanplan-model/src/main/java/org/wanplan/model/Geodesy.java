package org.wanplan.model;

/**
 * Great-circle geometry on a spherical Earth.
 *
 * <p>Uses {@link StrictMath} so that every JVM computes the same bits: the built-in networks are
 * generated from these distances and must reproduce byte for byte.
 */
public final class Geodesy {
    /** Mean Earth radius R1 of the IUGG (Moritz, Geodetic Reference System 1980), in km. */
    public static final double MEAN_EARTH_RADIUS_KM = 6371.0088;

    private Geodesy() {}

    /** Haversine great-circle distance in km between two points; exact for a sphere of radius R1. */
    public static double greatCircleKm(GeoPoint a, GeoPoint b) {
        double phi1 = StrictMath.toRadians(a.latitude());
        double phi2 = StrictMath.toRadians(b.latitude());
        double dPhi = phi2 - phi1;
        double dLambda = StrictMath.toRadians(b.longitude() - a.longitude());
        double h = hav(dPhi) + StrictMath.cos(phi1) * StrictMath.cos(phi2) * hav(dLambda);
        return 2 * MEAN_EARTH_RADIUS_KM * StrictMath.asin(StrictMath.sqrt(Math.min(1.0, h)));
    }

    /** Initial bearing from {@code a} towards {@code b}, in degrees clockwise from north, in [0, 360). */
    public static double initialBearingDeg(GeoPoint a, GeoPoint b) {
        double phi1 = StrictMath.toRadians(a.latitude());
        double phi2 = StrictMath.toRadians(b.latitude());
        double dLambda = StrictMath.toRadians(b.longitude() - a.longitude());
        double y = StrictMath.sin(dLambda) * StrictMath.cos(phi2);
        double x = StrictMath.cos(phi1) * StrictMath.sin(phi2)
                - StrictMath.sin(phi1) * StrictMath.cos(phi2) * StrictMath.cos(dLambda);
        double deg = StrictMath.toDegrees(StrictMath.atan2(y, x));
        return deg < 0 ? deg + 360.0 : deg;
    }

    /**
     * The point a fraction {@code f} (0 = a, 1 = b) of the way along the great circle from a to b.
     * Antipodal points have no unique great circle; the result is then one of them.
     */
    public static GeoPoint intermediate(GeoPoint a, GeoPoint b, double f) {
        double delta = greatCircleKm(a, b) / MEAN_EARTH_RADIUS_KM;
        if (delta == 0) {
            return a;
        }
        double phi1 = StrictMath.toRadians(a.latitude());
        double l1 = StrictMath.toRadians(a.longitude());
        double phi2 = StrictMath.toRadians(b.latitude());
        double l2 = StrictMath.toRadians(b.longitude());
        double wa = StrictMath.sin((1 - f) * delta) / StrictMath.sin(delta);
        double wb = StrictMath.sin(f * delta) / StrictMath.sin(delta);
        double x = wa * StrictMath.cos(phi1) * StrictMath.cos(l1) + wb * StrictMath.cos(phi2) * StrictMath.cos(l2);
        double y = wa * StrictMath.cos(phi1) * StrictMath.sin(l1) + wb * StrictMath.cos(phi2) * StrictMath.sin(l2);
        double z = wa * StrictMath.sin(phi1) + wb * StrictMath.sin(phi2);
        double lat = StrictMath.toDegrees(StrictMath.atan2(z, StrictMath.sqrt(x * x + y * y)));
        double lon = StrictMath.toDegrees(StrictMath.atan2(y, x));
        return new GeoPoint(lat, lon);
    }

    private static double hav(double theta) {
        double s = StrictMath.sin(theta / 2);
        return s * s;
    }
}
