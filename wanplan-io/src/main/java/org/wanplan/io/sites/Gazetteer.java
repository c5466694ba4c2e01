package org.wanplan.io.sites;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.wanplan.io.csv.CsvTable;
import org.wanplan.io.input.InputException;
import org.wanplan.io.input.Problems;
import org.wanplan.model.EditDistance;
import org.wanplan.model.GeoPoint;

/**
 * Offline city lookup: the European rows of GeoNames {@code cities15000} (CC BY 4.0, www.geonames.org),
 * shipped as a resource. Names match ignoring case and accents; sections of a city (feature code
 * PPLX) are not candidates.
 */
public final class Gazetteer {
    static final String RESOURCE = "geonames_europe_cities15000.csv";
    private static final Gazetteer INSTANCE = load();

    /** One GeoNames place. */
    public record Place(
            long geonameId,
            String name,
            String asciiName,
            String countryCode,
            String admin1,
            GeoPoint location,
            long population) {}

    /** The outcome of a lookup: exactly one place, or the candidates a person should choose from. */
    public sealed interface Match {
        record Found(Place place) implements Match {}

        /** No such name in that country: the closest names there. */
        record Unknown(List<Place> closest) implements Match {}

        /** Several places of that name in that country. */
        record Ambiguous(List<Place> candidates) implements Match {}
    }

    private final Map<String, List<Place>> byCountry;

    private Gazetteer(Map<String, List<Place>> byCountry) {
        this.byCountry = byCountry;
    }

    public static Gazetteer get() {
        return INSTANCE;
    }

    /** The place called {@code city} in {@code countryCode}. */
    public Match find(String city, String countryCode) {
        List<Place> places = byCountry.getOrDefault(countryCode.toUpperCase(Locale.ROOT), List.of());
        String key = fold(city);
        List<Place> exact = places.stream()
                .filter(p -> fold(p.name()).equals(key) || fold(p.asciiName()).equals(key))
                .toList();
        if (exact.size() == 1) {
            return new Match.Found(exact.get(0));
        }
        if (exact.size() > 1) {
            return new Match.Ambiguous(exact.stream()
                    .sorted(Comparator.comparingLong((Place p) -> -p.population()))
                    .toList());
        }
        return new Match.Unknown(places.stream()
                .sorted(Comparator.comparingInt((Place p) -> EditDistance.levenshtein(key, fold(p.name())))
                        .thenComparingLong(p -> -p.population()))
                .limit(5)
                .toList());
    }

    static String fold(String s) {
        return Normalizer.normalize(s.strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    private static Gazetteer load() {
        Problems problems = new Problems(RESOURCE);
        try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE);
                Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            CsvTable table = CsvTable.read(
                    r,
                    Set.of(
                            "geonameid",
                            "name",
                            "asciiname",
                            "country_code",
                            "admin1_code",
                            "feature_code",
                            "latitude",
                            "longitude",
                            "population"),
                    Set.of(),
                    problems);
            problems.throwIfAny();
            Map<String, List<Place>> byCountry = new HashMap<>();
            for (CsvTable.Row row : table.rows()) {
                if (row.get("feature_code").equals("PPLX")) {
                    continue;
                }
                Place p = new Place(
                        Long.parseLong(row.get("geonameid")),
                        row.get("name"),
                        row.get("asciiname"),
                        row.get("country_code"),
                        row.get("admin1_code"),
                        new GeoPoint(Double.parseDouble(row.get("latitude")), Double.parseDouble(row.get("longitude"))),
                        Long.parseLong(row.get("population")));
                byCountry
                        .computeIfAbsent(p.countryCode(), c -> new ArrayList<>())
                        .add(p);
            }
            return new Gazetteer(byCountry);
        } catch (IOException | InputException e) {
            throw new IllegalStateException("cannot read the bundled GeoNames extract: " + e.getMessage(), e);
        }
    }
}
