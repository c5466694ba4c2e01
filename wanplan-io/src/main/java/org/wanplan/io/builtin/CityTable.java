package org.wanplan.io.builtin;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.wanplan.io.csv.CsvTable;
import org.wanplan.io.input.InputException;
import org.wanplan.io.input.Problems;
import org.wanplan.model.City;
import org.wanplan.model.GeoPoint;

/**
 * The European cities of Natural Earth 10m populated places (public domain, v4.0.0), as shipped in
 * {@code europe_ne10m_populated_places.csv}: ranked by metro population ({@code pop_max}) within the
 * EU27 and "core" scope (UK, CH, NO, IS, LI, the Western Balkans, the micro-states).
 */
final class CityTable {
    static final String RESOURCE = "europe_ne10m_populated_places.csv";
    private static final Set<String> COLUMNS = Set.of(
            "rank_in_scope",
            "name",
            "nameascii",
            "country_code",
            "adm0name",
            "adm1name",
            "scope",
            "featurecla",
            "latitude",
            "longitude",
            "pop_max",
            "pop_min",
            "scalerank",
            "worldcity",
            "megacity",
            "geonameid");

    private CityTable() {}

    /** The ranked cities (rank 1 = most populous), in rank order. */
    static List<City> ranked() {
        Problems problems = new Problems(RESOURCE);
        try (InputStream in = CityTable.class.getResourceAsStream(RESOURCE);
                Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            CsvTable table = CsvTable.read(r, COLUMNS, Set.of(), problems);
            problems.throwIfAny();
            return table.rows().stream()
                    .filter(row -> row.has("rank_in_scope"))
                    .map(CityTable::city)
                    .sorted(Comparator.comparingInt(City::rank))
                    .toList();
        } catch (IOException | InputException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static City city(CsvTable.Row row) {
        return new City(
                Integer.parseInt(row.get("rank_in_scope")),
                row.get("name"),
                row.get("nameascii"),
                row.get("country_code"),
                new GeoPoint(Double.parseDouble(row.get("latitude")), Double.parseDouble(row.get("longitude"))),
                Long.parseLong(row.get("pop_max")));
    }
}
