package org.wanplan.io.sites;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import org.wanplan.io.csv.CsvTable;
import org.wanplan.io.input.InputException;
import org.wanplan.io.input.Problems;
import org.wanplan.model.GeoPoint;
import org.wanplan.model.Pop;
import org.wanplan.model.Resilience;
import org.wanplan.model.Site;
import org.wanplan.model.SiteRole;

/**
 * Reads a customer's site list. The header is exactly
 * {@code id,name,city,country,lat,lon,role,bandwidthMbps,realtimePct,businessPct,resilience}; each site
 * is placed by {@code city}+{@code country} (resolved offline with {@link Gazetteer}) or by
 * {@code lat}+{@code lon} (which win when both are given). Empty cells take defaults: name = id,
 * role = spoke, realtimePct = 0, businessPct = 100, resilience = single. Every problem is reported with
 * its line and value; no site is returned then.
 */
public final class SiteCsvReader {
    public static final List<String> HEADER = List.of(
            "id",
            "name",
            "city",
            "country",
            "lat",
            "lon",
            "role",
            "bandwidthMbps",
            "realtimePct",
            "businessPct",
            "resilience");

    private SiteCsvReader() {}

    public static List<Site> read(Reader in, String file) throws IOException, InputException {
        Problems problems = new Problems(file);
        CsvTable table = CsvTable.read(in, Set.copyOf(HEADER), Set.of(), problems);
        if (problems.isEmpty() && !table.header().equals(HEADER)) {
            problems.add(
                    1,
                    "header must be exactly " + String.join(",", HEADER) + ", was " + String.join(",", table.header()));
        }
        problems.throwIfAny();
        List<Site> sites = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            site(row, problems, ids).ifPresent(sites::add);
        }
        if (table.rows().isEmpty()) {
            problems.add(1, "no sites");
        }
        problems.throwIfAny();
        return sites;
    }

    static Optional<Site> site(CsvTable.Row row, Problems problems, Set<String> ids) {
        int line = row.line();
        int before = problemCount(problems);
        String id = row.get("id");
        if (id.isEmpty()) {
            problems.add(line, "id", "id is missing");
        } else if (!ids.add(id)) {
            problems.add(line, "id", "duplicate site id '" + id + "'");
        }
        Optional<Place> place = place(row, problems);
        SiteRole role = SiteRole.SPOKE;
        if (row.has("role")) {
            switch (row.get("role").toLowerCase(Locale.ROOT)) {
                case "hub" -> role = SiteRole.HUB;
                case "spoke" -> role = SiteRole.SPOKE;
                default -> problems.add(line, "role", "role must be hub or spoke, was '" + row.get("role") + "'");
            }
        }
        OptionalDouble bandwidth = row.has("bandwidthMbps")
                ? problems.number(line, "bandwidthMbps", row.get("bandwidthMbps"))
                : OptionalDouble.empty();
        if (!row.has("bandwidthMbps")) {
            problems.add(line, "bandwidthMbps", "bandwidthMbps is missing");
        } else if (bandwidth.isPresent()) {
            Site.bandwidthProblem(bandwidth.getAsDouble()).ifPresent(p -> problems.add(line, "bandwidthMbps", p));
        }
        double realtime = share(row, "realtimePct", 0, problems);
        double business = share(row, "businessPct", 100, problems);
        if (realtime >= 0 && business >= 0 && realtime + business > 100) {
            problems.add(line, "businessPct", "realtimePct + businessPct must be ≤ 100, was " + (realtime + business));
        }
        Optional<Resilience> resilience =
                row.has("resilience") ? Resilience.fromLabel(row.get("resilience")) : Optional.of(Resilience.SINGLE);
        if (resilience.isEmpty()) {
            problems.add(
                    line,
                    "resilience",
                    "resilience must be single, dual-access, dual-access-diverse, pop-diverse or srlg-diverse, was '"
                            + row.get("resilience") + "'");
        }
        if (problemCount(problems) > before || place.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Site(
                id,
                row.has("name") ? row.get("name") : id,
                place.get().location(),
                place.get().city(),
                place.get().country(),
                role,
                bandwidth.getAsDouble(),
                realtime,
                business,
                resilience.get()));
    }

    private record Place(GeoPoint location, Optional<String> city, Optional<String> country) {}

    private static Optional<Place> place(CsvTable.Row row, Problems problems) {
        int line = row.line();
        Optional<String> country =
                row.has("country") ? Optional.of(row.get("country").toUpperCase(Locale.ROOT)) : Optional.empty();
        country.flatMap(Pop::countryCodeProblem).ifPresent(m -> problems.add(line, "country", m));
        if (row.has("lat") || row.has("lon")) {
            if (!row.has("lat") || !row.has("lon")) {
                problems.add(line, row.has("lat") ? "lon" : "lat", "lat and lon must be given together");
                return Optional.empty();
            }
            OptionalDouble lat = problems.number(line, "lat", row.get("lat"));
            OptionalDouble lon = problems.number(line, "lon", row.get("lon"));
            if (lat.isEmpty() || lon.isEmpty()) {
                return Optional.empty();
            }
            List<String> bad = GeoPoint.problems(lat.getAsDouble(), lon.getAsDouble());
            bad.forEach(m -> problems.add(line, m.startsWith("latitude") ? "lat" : "lon", m));
            return bad.isEmpty()
                    ? Optional.of(new Place(
                            new GeoPoint(lat.getAsDouble(), lon.getAsDouble()),
                            row.has("city") ? Optional.of(row.get("city")) : Optional.empty(),
                            country))
                    : Optional.empty();
        }
        if (!row.has("city")) {
            problems.add(line, "city", "give city and country, or lat and lon");
            return Optional.empty();
        }
        if (country.isEmpty()) {
            problems.add(line, "country", "city '" + row.get("city") + "' needs a country");
            return Optional.empty();
        }
        if (Pop.countryCodeProblem(country.get()).isPresent()) {
            return Optional.empty();
        }
        Gazetteer.Match match = Gazetteer.get().find(row.get("city"), country.get());
        if (match instanceof Gazetteer.Match.Found f) {
            return Optional.of(
                    new Place(f.place().location(), Optional.of(f.place().name()), country));
        }
        if (match instanceof Gazetteer.Match.Ambiguous a) {
            problems.add(
                    line,
                    "city",
                    "city '" + row.get("city") + "' is ambiguous in " + country.get() + ": " + describe(a.candidates())
                            + " — give lat and lon");
        } else if (match instanceof Gazetteer.Match.Unknown u) {
            problems.add(
                    line,
                    "city",
                    "city '" + row.get("city") + "' not found in " + country.get()
                            + (u.closest().isEmpty() ? "" : "; closest: " + describe(u.closest())));
        }
        return Optional.empty();
    }

    private static String describe(List<Gazetteer.Place> places) {
        return places.stream()
                .map(p -> String.format(
                        Locale.ROOT,
                        "%s (%.4f, %.4f; %,d people)",
                        p.name(),
                        p.location().latitude(),
                        p.location().longitude(),
                        p.population()))
                .collect(Collectors.joining(", "));
    }

    private static double share(CsvTable.Row row, String column, double fallback, Problems problems) {
        if (!row.has(column)) {
            return fallback;
        }
        OptionalDouble v = problems.number(row.line(), column, row.get(column));
        if (v.isPresent() && !(v.getAsDouble() >= 0 && v.getAsDouble() <= 100)) {
            problems.add(row.line(), column, column + " must be in [0, 100], was " + row.get(column));
            return -1;
        }
        return v.orElse(-1);
    }

    private static int problemCount(Problems problems) {
        return problems.count();
    }
}
