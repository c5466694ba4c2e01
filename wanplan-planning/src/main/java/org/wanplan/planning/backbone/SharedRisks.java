package org.wanplan.planning.backbone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.wanplan.model.City;
import org.wanplan.model.GeoPoint;
import org.wanplan.model.Geodesy;
import org.wanplan.model.Srlg;
import org.wanplan.model.SrlgKind;
import org.wanplan.planning.augment.Augmentation;

/**
 * The shared-risk groups of a generated backbone (step SRLGs of {@link BackboneGenerator}): spans leaving a
 * PoP in one duct, and spans running side by side in one corridor or cable system.
 */
final class SharedRisks {
    private final BackboneGenerator.Parameters parameters;

    SharedRisks(BackboneGenerator.Parameters parameters) {
        this.parameters = parameters;
    }

    void ducts(
            List<City> cities,
            List<String> ids,
            List<int[]> edges,
            boolean[] submarine,
            List<Srlg> srlgs,
            Map<Integer, List<String>> groupsOfSpan) {
        for (int pop = 0; pop < cities.size(); pop++) {
            final int p = pop;
            List<double[]> leaving = new ArrayList<>(); // {bearing, span}
            for (int s = 0; s < edges.size(); s++) {
                int[] e = edges.get(s);
                if (e[0] == p || e[1] == p) {
                    int other = e[0] == p ? e[1] : e[0];
                    leaving.add(new double[] {
                        Geodesy.initialBearingDeg(
                                cities.get(p).location(), cities.get(other).location()),
                        s
                    });
                }
            }
            if (leaving.size() < 2) {
                continue;
            }
            leaving.sort(Comparator.comparingDouble((double[] x) -> x[0]).thenComparingDouble(x -> x[1]));
            int start = largestGapEnd(leaving);
            List<List<Integer>> clusters = new ArrayList<>();
            List<Integer> current = new ArrayList<>();
            for (int k = 0; k < leaving.size(); k++) {
                double[] here = leaving.get((start + k) % leaving.size());
                if (!current.isEmpty()) {
                    double[] prev = leaving.get((start + k - 1) % leaving.size());
                    if (angle(prev[0], here[0]) > parameters.ductAngleDeg()) {
                        clusters.add(current);
                        current = new ArrayList<>();
                    }
                }
                current.add((int) here[1]);
            }
            clusters.add(current);
            int number = 0;
            for (List<Integer> cluster : clusters) {
                if (cluster.size() < 2 || cluster.size() == leaving.size()) {
                    continue; // a lone span has no one to share with; a PoP always has two diverse entries
                }
                boolean allSubmarine = cluster.stream().allMatch(s -> submarine[s]);
                String id = (allSubmarine ? "landing-" : "duct-") + ids.get(p) + "-" + (++number);
                srlgs.add(Srlg.of(
                        id,
                        allSubmarine ? SrlgKind.SUBMARINE_CABLE : SrlgKind.DUCT,
                        (allSubmarine ? "cable landing at " : "duct out of ")
                                + cities.get(p).name() + " towards "
                                + cluster.stream()
                                        .map(s -> cities.get(otherEnd(edges.get(s), p))
                                                .name())
                                        .sorted()
                                        .toList()));
                cluster.stream()
                        .sorted()
                        .forEach(s -> groupsOfSpan
                                .computeIfAbsent(s, x -> new ArrayList<>())
                                .add(id));
            }
        }
    }

    private static int otherEnd(int[] e, int p) {
        return e[0] == p ? e[1] : e[0];
    }

    /** Index (in the sorted list) just after the largest angular gap, so clusters never wrap around. */
    private static int largestGapEnd(List<double[]> sorted) {
        int best = 0;
        double bestGap = -1;
        for (int k = 0; k < sorted.size(); k++) {
            double prev = sorted.get((k - 1 + sorted.size()) % sorted.size())[0];
            double gap = (sorted.get(k)[0] - prev + 360.0) % 360.0;
            if (sorted.size() == 1 || gap > bestGap) {
                bestGap = gap;
                best = k;
            }
        }
        return best;
    }

    private static double angle(double a, double b) {
        double diff = Math.abs(a - b) % 360.0;
        return diff > 180 ? 360 - diff : diff;
    }

    /**
     * Spans that run side by side share a route: their midpoints lie within {@link
     * Parameters#corridorKm()} (terrestrial: a motorway or railway corridor) or {@link
     * Parameters#cableSystemKm()} (submarine: one cable system) and they run within {@link
     * Parameters#ductAngleDeg()} of parallel. Groups are the connected clusters of that relation.
     */
    void sharedRoutes(
            List<City> cities,
            List<int[]> edges,
            boolean[] submarine,
            List<Srlg> srlgs,
            Map<Integer, List<String>> groupsOfSpan) {
        int m = edges.size();
        int[] parent = new int[m];
        Arrays.setAll(parent, i -> i);
        GeoPoint[] mid = new GeoPoint[m];
        double[] axis = new double[m];
        for (int s = 0; s < m; s++) {
            GeoPoint a = cities.get(edges.get(s)[0]).location();
            GeoPoint b = cities.get(edges.get(s)[1]).location();
            mid[s] = Geodesy.intermediate(a, b, 0.5);
            axis[s] = Geodesy.initialBearingDeg(mid[s], b) % 180.0;
        }
        for (int s = 0; s < m; s++) {
            for (int t = s + 1; t < m; t++) {
                double reach = submarine[s] && submarine[t] ? parameters.cableSystemKm() : parameters.corridorKm();
                double skew = Math.abs(axis[s] - axis[t]);
                if (submarine[s] == submarine[t]
                        && Geodesy.greatCircleKm(mid[s], mid[t]) <= reach
                        && Math.min(skew, 180 - skew) <= parameters.ductAngleDeg()) {
                    parent[Augmentation.find(parent, s)] = Augmentation.find(parent, t);
                }
            }
        }
        Map<Integer, List<Integer>> routes = new java.util.TreeMap<>();
        for (int s = 0; s < m; s++) {
            routes.computeIfAbsent(Augmentation.find(parent, s), x -> new ArrayList<>())
                    .add(s);
        }
        int cables = 0;
        int corridors = 0;
        for (List<Integer> members : routes.values()) {
            if (members.size() < 2) {
                continue;
            }
            boolean sea = submarine[members.get(0)];
            String id = sea ? "cable-" + (++cables) : "corridor-" + (++corridors);
            List<String> names = members.stream()
                    .map(s -> cities.get(edges.get(s)[0]).name() + "–"
                            + cities.get(edges.get(s)[1]).name())
                    .toList();
            srlgs.add(Srlg.of(
                    id,
                    sea ? SrlgKind.SUBMARINE_CABLE : SrlgKind.CORRIDOR,
                    (sea ? "cable system " : "corridor ") + String.join(", ", names)));
            members.forEach(
                    s -> groupsOfSpan.computeIfAbsent(s, x -> new ArrayList<>()).add(id));
        }
    }

    /**
     * A leased express span runs on another carrier's fibre, which follows the same motorways, railways
     * and cable systems as ours: it shares a corridor (at sea a cable system) with every own span whose
     * midpoint lies within {@link BackboneGenerator.Parameters#corridorKm()} ({@link
     * BackboneGenerator.Parameters#cableSystemKm()} when both are submarine) of the express span's great
     * circle and that runs within {@link BackboneGenerator.Parameters#ductAngleDeg()} of parallel to it
     * there. Each express span with such neighbours gets its own group: the express span and those own
     * spans. Express spans take no part in the duct groups: the lessor enters the building through its
     * own duct.
     */
    void expressCorridors(
            List<City> cities,
            List<String> ids,
            List<int[]> own,
            boolean[] ownSubmarine,
            List<int[]> express,
            boolean[] expressSubmarine,
            List<Srlg> srlgs,
            Map<Integer, List<String>> groupsOfOwn,
            Map<Integer, List<String>> groupsOfExpress) {
        GeoPoint[] mid = new GeoPoint[own.size()];
        double[] axis = new double[own.size()];
        for (int s = 0; s < own.size(); s++) {
            GeoPoint a = cities.get(own.get(s)[0]).location();
            GeoPoint b = cities.get(own.get(s)[1]).location();
            mid[s] = Geodesy.intermediate(a, b, 0.5);
            axis[s] = Geodesy.initialBearingDeg(mid[s], b) % 180.0;
        }
        for (int x = 0; x < express.size(); x++) {
            GeoPoint a = cities.get(express.get(x)[0]).location();
            GeoPoint b = cities.get(express.get(x)[1]).location();
            double length = Geodesy.greatCircleKm(a, b);
            int steps = Math.max(1, (int) Math.ceil(length / parameters.sampleKm()));
            GeoPoint[] along = new GeoPoint[steps + 1];
            for (int k = 0; k <= steps; k++) {
                along[k] = Geodesy.intermediate(a, b, (double) k / steps);
            }
            GeoPoint centre = Geodesy.intermediate(a, b, 0.5);
            List<Integer> members = new ArrayList<>();
            for (int s = 0; s < own.size(); s++) {
                if (ownSubmarine[s] != expressSubmarine[x]) {
                    continue;
                }
                double reach = expressSubmarine[x] ? parameters.cableSystemKm() : parameters.corridorKm();
                if (Geodesy.greatCircleKm(centre, mid[s]) > length / 2 + reach) {
                    continue;
                }
                int nearest = 0;
                double best = Double.POSITIVE_INFINITY;
                for (int k = 0; k <= steps; k++) {
                    double km = Geodesy.greatCircleKm(along[k], mid[s]);
                    if (km < best) {
                        best = km;
                        nearest = k;
                    }
                }
                if (best > reach) {
                    continue;
                }
                int from = Math.min(nearest, steps - 1);
                double here = Geodesy.initialBearingDeg(along[from], along[from + 1]) % 180.0;
                double skew = Math.abs(here - axis[s]);
                if (Math.min(skew, 180 - skew) <= parameters.ductAngleDeg()) {
                    members.add(s);
                }
            }
            if (members.isEmpty()) {
                continue;
            }
            int[] e = express.get(x);
            String id = (expressSubmarine[x] ? "cable-x-" : "corridor-x-") + ids.get(e[0]) + "-" + ids.get(e[1]);
            srlgs.add(Srlg.of(
                    id,
                    expressSubmarine[x] ? SrlgKind.SUBMARINE_CABLE : SrlgKind.CORRIDOR,
                    "leased express " + cities.get(e[0]).name() + "–"
                            + cities.get(e[1]).name()
                            + (expressSubmarine[x] ? " in the cable system of " : " in the corridor of ")
                            + String.join(
                                    ", ",
                                    members.stream()
                                            .map(s -> cities.get(own.get(s)[0]).name() + "–"
                                                    + cities.get(own.get(s)[1]).name())
                                            .toList())));
            groupsOfExpress.computeIfAbsent(x, k -> new ArrayList<>()).add(id);
            members.forEach(
                    s -> groupsOfOwn.computeIfAbsent(s, k -> new ArrayList<>()).add(id));
        }
    }
}
