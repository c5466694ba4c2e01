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

    /**
     * The points as unit vectors, (x, y, z) one after another: the dot product of two is the cosine of the arc
     * between them, so ranking by it ranks by great-circle distance at three multiplications a pair (for bulk
     * comparisons; a distance itself is {@link #greatCircleKm}).
     */
    public static double[] unitVectors(java.util.List<GeoPoint> points) {
        double[] u = new double[3 * points.size()];
        for (int i = 0; i < points.size(); i++) {
            double phi = Math.toRadians(points.get(i).latitude());
            double lambda = Math.toRadians(points.get(i).longitude());
            u[3 * i] = Math.cos(phi) * Math.cos(lambda);
            u[3 * i + 1] = Math.cos(phi) * Math.sin(lambda);
            u[3 * i + 2] = Math.sin(phi);
        }
        return u;
    }

    /** The dot product of unit vectors {@code i} of {@code u} and {@code j} of {@code v} ({@link #unitVectors}). */
    public static double dot(double[] u, int i, double[] v, int j) {
        return u[3 * i] * v[3 * j] + u[3 * i + 1] * v[3 * j + 1] + u[3 * i + 2] * v[3 * j + 2];
    }

    /** The cosine of the arc of {@code km} on the sphere; −∞ past half the circumference (every pair is nearer). */
    public static double cosOfArc(double km) {
        double angle = km / MEAN_EARTH_RADIUS_KM;
        return angle >= Math.PI ? Double.NEGATIVE_INFINITY : Math.cos(angle);
    }

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
