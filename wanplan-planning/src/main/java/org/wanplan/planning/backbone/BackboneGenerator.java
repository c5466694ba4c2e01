package org.wanplan.planning.backbone;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.wanplan.model.City;
import org.wanplan.model.FibreLength;
import org.wanplan.model.GeoPoint;
import org.wanplan.model.Geodesy;
import org.wanplan.model.InvalidNetworkException;
import org.wanplan.model.Network;
import org.wanplan.model.Ownership;
import org.wanplan.model.Pop;
import org.wanplan.model.PopId;
import org.wanplan.model.Span;
import org.wanplan.model.SpanId;
import org.wanplan.model.Srlg;
import org.wanplan.model.SrlgId;
import org.wanplan.model.Terrain;
import org.wanplan.planning.augment.Augmentation;
import org.wanplan.planning.augment.ExpressLayer;

/**
 * Builds a plausible carrier backbone over a set of cities, deterministically (same cities and
 * parameters → the same network, bit for bit; all geometry uses {@link StrictMath}).
 *
 * <ol>
 *   <li><b>Candidates</b>: the Gabriel graph of the cities on great-circle distance (i–j when no third
 *       city k has d(i,k)² + d(j,k)² &lt; d(i,j)²: planar-ish, fibre is laid between neighbours, not
 *       across another city) plus each city's {@link Parameters#nearestNeighbours()} nearest
 *       neighbours (islands and coasts, where the Gabriel graph may offer one way out only).
 *   <li><b>Cost</b>: a candidate's build cost is its great-circle km, with km at sea or over countries
 *       outside the footprint (no rights of way there) weighted by {@link Parameters#seaCostFactor()};
 *       the land mask is Natural Earth 1:50m, sampled every {@link Parameters#sampleKm()} km.
 *   <li><b>Tree</b>: the minimum spanning tree of the candidates by cost (Kruskal).
 *   <li><b>Survivability</b>: contract the 2-edge-connected components into the bridge tree and
 *       add, one at a time, the candidate that removes the most bridges per unit of cost (the bridges
 *       on the tree path between its ends), until no bridge is left. Every PoP is then on at least
 *       two spans and no single cut isolates anything.
 *   <li><b>Pruning</b>: costliest first, drop every span the network can lose and stay
 *       2-edge-connected (an added span often makes a long tree span redundant).
 *   <li><b>Shortcuts</b>: while some candidate i–j has a stretch (shortest fibre path ÷ its own build
 *       cost) above {@link Parameters#maxStretch()}, build the one with the largest stretch, spending
 *       at most {@link Parameters#shortcutBudget()} × the skeleton's km: the worst detours get direct
 *       fibre first, as backbones grow.
 *   <li><b>Lengths</b>: fibre km = great-circle × {@link Parameters#routeFactor()}, rounded to 0.1 km.
 *   <li><b>Sea</b>: a span with at least {@link Parameters#submarineSeaKm()} km of sea on its great
 *       circle is submarine.
 *   <li><b>SRLGs</b>: (a) spans leaving a PoP within {@link Parameters#ductAngleDeg()} of each other
 *       share the duct out of that city (kind duct; submarine-cable when all are submarine: a shared
 *       landing station); never all spans of a PoP, which always has two diverse building entries;
 *       (b) spans running side by side share a corridor or, at sea, a cable system (see
 *       {@link #sharedRoutes}).
 *   <li><b>Capacity</b>: by the smaller endpoint's metro population: ≥ 1 M → 1,600 Gbps, ≥ 300 k →
 *       800 Gbps, else 400 Gbps (16, 8 or 4 × 100G wavelengths).
 * </ol>
 *
 * Cost: O(n³) for candidates and all-pairs distances; augmentation and pruning check
 * 2-edge-connectivity (Tarjan, O(n + m)) once per step; each shortcut updates distances in O(n²).
 */
public final class BackboneGenerator {
    /**
     * The knobs of the procedure; {@link #defaults()} gives the values the shipped networks use.
     *
     * @param routeFactor fibre km per great-circle km (1.25)
     * @param seaCostFactor cost weight of km at sea or abroad (1.1: a mild preference for land)
     * @param nearestNeighbours candidates per city besides the Gabriel graph (8)
     * @param maxStretch shortcuts are built while some candidate's stretch exceeds this (1.4)
     * @param shortcutBudget km for shortcuts as a share of the survivable skeleton's km (0.08)
     * @param sampleKm land/sea sampling step along a span (5 km)
     * @param submarineSeaKm km of sea that make a span submarine (20 km)
     * @param ductAngleDeg spans this close in bearing share a duct or run parallel (40°)
     * @param corridorKm midpoints of terrestrial spans in one corridor lie this close (50 km)
     * @param cableSystemKm midpoints of submarine spans in one cable system lie this close (120 km)
     * @param express the leased express layer over the own fibre (see {@link ExpressLayer}); {@link
     *     ExpressLayer.Parameters#none()} for own fibre only
     */
    public record Parameters(
            double routeFactor,
            double seaCostFactor,
            int nearestNeighbours,
            double maxStretch,
            double shortcutBudget,
            double sampleKm,
            double submarineSeaKm,
            double ductAngleDeg,
            double corridorKm,
            double cableSystemKm,
            ExpressLayer.Parameters express) {
        public static Parameters defaults() {
            return new Parameters(
                    org.wanplan.model.Fibre.DEFAULT_ROUTE_FACTOR,
                    1.1,
                    8,
                    1.4,
                    0.08,
                    5.0,
                    20.0,
                    40.0,
                    50.0,
                    120.0,
                    EXPRESS);
        }
    }

    /**
     * The express layer of the shipped networks, the same for euro350 and sparse:
     *
     * <ul>
     *   <li>stretch targets p90 ≤ 2.0 and population-weighted ≤ 1.6: European backbones measured the same
     *       way (Topology Zoo, span = great circle × 1.25) have p90 2.05–2.81 and weighted 1.41–1.94
     *       (Geant2012 1.41, Interoute 1.61, Tinet 1.62, BtEurope 1.64, Colt 1.94); the targets put the
     *       generated networks at the good end of that range, not beyond it;
     *   <li>the 10 most populous metros on at least 4 spans: a hub on 2 or 3 spans is one cut away from
     *       a detour of its whole traffic, and real metro hubs of pan-European carriers are on 4 or more;
     *   <li>at most 25 % of the own fibre's km leased on top (euro350: 55–60k km own, ≤ 72,000 km in all);
     *   <li>candidates 100–1,500 km on the great circle: shorter detours cost little latency, longer ones
     *       exceed an unregenerated coherent 100G reach (about 1,500–2,000 km).
     * </ul>
     */
    public static final ExpressLayer.Parameters EXPRESS = new ExpressLayer.Parameters(0.25, 2.0, 1.6, 10, 4, 100, 1500);

    private final Terrain land;
    private final Parameters parameters;

    public BackboneGenerator(Terrain land, Parameters parameters) {
        this.land = land;
        this.parameters = parameters;
    }

    /** The backbone over {@code cities} (at least 3, distinct ids), named and attributed as given. */
    public Network generate(String name, String attribution, List<City> cities) {
        int n = cities.size();
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                d[i][j] = d[j][i] = Geodesy.greatCircleKm(
                        cities.get(i).location(), cities.get(j).location());
            }
        }
        List<int[]> candidates = Augmentation.candidates(d, parameters.nearestNeighbours());
        Set<String> countries = new HashSet<>();
        cities.forEach(c -> countries.add(c.countryCode()));
        double[][] cost = new double[n][n];
        for (int[] e : candidates) {
            cost[e[0]][e[1]] = cost[e[1]][e[0]] = cost(cities.get(e[0]), cities.get(e[1]), countries);
        }
        boolean[][] built = new boolean[n][n];
        List<String> ids = ids(cities);
        Augmentation.spanningTree(cost, candidates, built);
        Augmentation.closeBridges(cost, candidates, built);
        Augmentation.prune(cost, candidates, built);
        Augmentation.addShortcuts(d, cost, candidates, built, parameters.maxStretch(), parameters.shortcutBudget());
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (built[i][j]) {
                    edges.add(new int[] {i, j});
                }
            }
        }
        double[] km = new double[edges.size()];
        for (int s = 0; s < edges.size(); s++) {
            km[s] = spanKm(cities.get(edges.get(s)[0]), cities.get(edges.get(s)[1]));
        }
        long[] population = cities.stream().mapToLong(City::population).toArray();
        List<ExpressLayer.Span> express = ExpressLayer.choose(
                        d, population, edges, km, parameters.routeFactor(), parameters.express())
                .spans();
        return assemble(name, attribution, cities, ids, edges, km, express);
    }

    /** Fibre km of a span: great circle × route factor, to 0.1 km, at least the shortest length estimated. */
    private double spanKm(City a, City b) {
        return FibreLength.estimatedKm(Geodesy.greatCircleKm(a.location(), b.location()), parameters.routeFactor());
    }

    /** Whether each of {@code edges} is submarine: at least {@link Parameters#submarineSeaKm()} of sea. */
    private boolean[] submarine(List<City> cities, List<int[]> edges) {
        boolean[] submarine = new boolean[edges.size()];
        for (int s = 0; s < edges.size(); s++) {
            submarine[s] = seaKm(
                            cities.get(edges.get(s)[0]).location(),
                            cities.get(edges.get(s)[1]).location())
                    >= parameters.submarineSeaKm();
        }
        return submarine;
    }

    private Network assemble(
            String name,
            String attribution,
            List<City> cities,
            List<String> ids,
            List<int[]> edges,
            double[] km,
            List<ExpressLayer.Span> express) {
        int n = cities.size();
        List<Pop> pops = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            City c = cities.get(i);
            pops.add(new Pop(
                    PopId.of(ids.get(i)),
                    c.name(),
                    Optional.of(c.countryCode()),
                    Optional.of(c.location()),
                    OptionalLong.of(c.population())));
        }
        boolean[] submarine = submarine(cities, edges);
        Map<Integer, List<String>> groupsOfSpan = new HashMap<>();
        List<Srlg> srlgs = new ArrayList<>();
        SharedRisks risks = new SharedRisks(parameters);
        risks.ducts(cities, ids, edges, submarine, srlgs, groupsOfSpan);
        risks.sharedRoutes(cities, edges, submarine, srlgs, groupsOfSpan);
        List<int[]> expressEdges =
                express.stream().map(e -> new int[] {e.a(), e.b()}).toList();
        boolean[] expressSubmarine = submarine(cities, expressEdges);
        Map<Integer, List<String>> groupsOfExpress = new HashMap<>();
        risks.expressCorridors(
                cities, ids, edges, submarine, expressEdges, expressSubmarine, srlgs, groupsOfSpan, groupsOfExpress);
        Network.Builder b =
                Network.builder(name).attribution(attribution).pops(pops).srlgs(srlgs);
        for (int s = 0; s < edges.size(); s++) {
            int i = edges.get(s)[0];
            int j = edges.get(s)[1];
            List<SrlgId> groups = groupsOfSpan.getOrDefault(s, List.of()).stream()
                    .map(SrlgId::of)
                    .toList();
            b.span(new Span(
                    SpanId.of(ids.get(i) + "-" + ids.get(j)),
                    PopId.of(ids.get(i)),
                    PopId.of(ids.get(j)),
                    Optional.of(new FibreLength(km[s], org.wanplan.model.LengthSource.ESTIMATED)),
                    capacityGbps(
                            Math.min(cities.get(i).population(), cities.get(j).population())),
                    groups,
                    submarine[s]));
        }
        org.wanplan.model.SpanCatalogue catalogue = org.wanplan.model.SpanCatalogue.defaults();
        for (int x = 0; x < express.size(); x++) {
            ExpressLayer.Span e = express.get(x);
            b.span(new Span(
                    SpanId.of("x-" + ids.get(e.a()) + "-" + ids.get(e.b())),
                    PopId.of(ids.get(e.a())),
                    PopId.of(ids.get(e.b())),
                    Optional.of(new FibreLength(e.km(), org.wanplan.model.LengthSource.ESTIMATED)),
                    catalogue.expressCapacityGbps(),
                    groupsOfExpress.getOrDefault(x, List.of()).stream()
                            .map(SrlgId::of)
                            .toList(),
                    expressSubmarine[x],
                    Ownership.leased(catalogue.waveMrc(e.km()))));
        }
        return build(b);
    }

    static double capacityGbps(long smallerPopulation) {
        return smallerPopulation >= 1_000_000 ? 1600 : smallerPopulation >= 300_000 ? 800 : 400;
    }

    /**
     * Build cost of a span in km-equivalents: km over the network's own countries count once, km at sea
     * or across other countries (no rights of way there) count {@link Parameters#seaCostFactor()} times.
     */
    private double cost(City a, City b, Set<String> countries) {
        double km = Geodesy.greatCircleKm(a.location(), b.location());
        int steps = Math.max(1, (int) Math.ceil(km / parameters.sampleKm()));
        int foreign = 0;
        for (int k = 0; k <= steps; k++) {
            Optional<String> country =
                    land.countryAt(Geodesy.intermediate(a.location(), b.location(), (double) k / steps));
            if (country.isEmpty() || !countries.contains(country.get())) {
                foreign++;
            }
        }
        return km + (parameters.seaCostFactor() - 1) * km * foreign / (steps + 1);
    }

    private double seaKm(GeoPoint a, GeoPoint b) {
        double km = Geodesy.greatCircleKm(a, b);
        int steps = Math.max(1, (int) Math.ceil(km / parameters.sampleKm()));
        int sea = 0;
        for (int k = 0; k <= steps; k++) {
            if (!land.isLand(Geodesy.intermediate(a, b, (double) k / steps))) {
                sea++;
            }
        }
        return km * sea / (steps + 1);
    }

    /** PoP ids: the ASCII city name in lower case with dashes; the country code is appended on a clash. */
    static List<String> ids(List<City> cities) {
        Map<String, Integer> count = new HashMap<>();
        for (City c : cities) {
            count.merge(slug(c.asciiName()), 1, Integer::sum);
        }
        Set<String> used = new HashSet<>();
        List<String> ids = new ArrayList<>();
        for (City c : cities) {
            String id = slug(c.asciiName());
            if (count.get(id) > 1) {
                id = id + "-" + c.countryCode().toLowerCase(Locale.ROOT);
            }
            String unique = id;
            for (int k = 2; !used.add(unique); k++) {
                unique = id + "-" + k;
            }
            ids.add(unique);
        }
        return ids;
    }

    static String slug(String name) {
        String s = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-");
        return s.replaceAll("^-|-$", "");
    }

    private static Network build(Network.Builder b) {
        try {
            return b.build();
        } catch (InvalidNetworkException e) {
            throw new IllegalStateException("generated an invalid network: " + e.getMessage(), e);
        }
    }
}
