package org.wanplan.io.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.wanplan.model.GeoPoint;
import org.wanplan.model.Terrain;

/**
 * Tells land from sea with the Natural Earth 1:50m country polygons (public domain) shipped as a
 * resource. Point-in-polygon by ray casting in longitude/latitude, holes honoured, with a bounding-box
 * test first; at 1:50m the coastline is good to a few km, which is all a span classifier needs.
 */
public final class LandMask implements Terrain {
    static final String RESOURCE = "ne_50m_europe_countries.geojson";

    /** One polygon of a country: outer ring first, then holes; each ring as parallel lon/lat arrays. */
    private record Polygon(
            String country, double minLon, double minLat, double maxLon, double maxLat, List<double[][]> rings) {}

    /** Natural Earth 4.0 gives ISO_A2 "-99" for these; their ADM0_A3 says who they are. */
    private static final java.util.Map<String, String> ADM0_TO_ISO =
            java.util.Map.of("FRA", "FR", "NOR", "NO", "KOS", "XK");

    private final List<Polygon> polygons;

    private LandMask(List<Polygon> polygons) {
        this.polygons = polygons;
    }

    /** The shipped Natural Earth 1:50m countries. */
    public static LandMask load() {
        try (InputStream in = LandMask.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return of(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    static LandMask of(JsonNode featureCollection) {
        List<Polygon> polygons = new ArrayList<>();
        for (JsonNode f : featureCollection.path("features")) {
            JsonNode g = f.path("geometry");
            String iso = f.path("properties").path("iso_a2").asText("-99");
            String country = iso.length() == 2
                    ? iso
                    : ADM0_TO_ISO.getOrDefault(
                            f.path("properties").path("adm0_a3").asText(), "--");
            switch (g.path("type").asText()) {
                case "Polygon" -> polygons.add(polygon(country, g.path("coordinates")));
                case "MultiPolygon" -> g.path("coordinates").forEach(p -> polygons.add(polygon(country, p)));
                default -> {}
            }
        }
        return new LandMask(List.copyOf(polygons));
    }

    private static Polygon polygon(String country, JsonNode rings) {
        List<double[][]> parsed = new ArrayList<>();
        double minLon = 180, minLat = 90, maxLon = -180, maxLat = -90;
        for (JsonNode ring : rings) {
            double[][] r = new double[2][ring.size()];
            for (int i = 0; i < ring.size(); i++) {
                r[0][i] = ring.get(i).get(0).asDouble();
                r[1][i] = ring.get(i).get(1).asDouble();
                minLon = Math.min(minLon, r[0][i]);
                maxLon = Math.max(maxLon, r[0][i]);
                minLat = Math.min(minLat, r[1][i]);
                maxLat = Math.max(maxLat, r[1][i]);
            }
            parsed.add(r);
        }
        return new Polygon(country, minLon, minLat, maxLon, maxLat, parsed);
    }

    @Override
    public java.util.Optional<String> countryAt(GeoPoint p) {
        double x = p.longitude();
        double y = p.latitude();
        for (Polygon poly : polygons) {
            if (x < poly.minLon() || x > poly.maxLon() || y < poly.minLat() || y > poly.maxLat()) {
                continue;
            }
            if (inside(poly.rings().get(0), x, y)) {
                boolean inHole = false;
                for (int h = 1; h < poly.rings().size() && !inHole; h++) {
                    inHole = inside(poly.rings().get(h), x, y);
                }
                if (!inHole) {
                    return java.util.Optional.of(poly.country());
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static boolean inside(double[][] ring, double x, double y) {
        double[] xs = ring[0];
        double[] ys = ring[1];
        boolean in = false;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if ((ys[i] > y) != (ys[j] > y) && x < (xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                in = !in;
            }
        }
        return in;
    }
}
