package org.wanplan.io.builtin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wanplan.model.GeoPoint;

/**
 * The European cities of Natural Earth 10m populated places (public domain, v4.0.0), as shipped in
 * {@code europe_ne10m_populated_places.csv}: ranked by metro population ({@code pop_max}) within the
 * EU27 and "core" scope (UK, CH, NO, IS, LI, the Western Balkans, the micro-states).
 */
final class CityTable {
    static final String RESOURCE = "europe_ne10m_populated_places.csv";

    private CityTable() {}

    /** The ranked cities (rank 1 = most populous), in rank order. */
    static List<City> ranked() {
        try (InputStream in = CityTable.class.getResourceAsStream(RESOURCE);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> header = split(r.readLine());
            List<City> cities = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                row(header, split(line)).ifPresent(cities::add);
            }
            cities.sort(Comparator.comparingInt(City::rank));
            return List.copyOf(cities);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    private static Optional<City> row(List<String> header, List<String> cells) {
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < header.size() && i < cells.size(); i++) {
            m.put(header.get(i), cells.get(i));
        }
        if (m.getOrDefault("rank_in_scope", "").isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new City(
                Integer.parseInt(m.get("rank_in_scope")),
                m.get("name"),
                m.get("nameascii"),
                m.get("country_code"),
                new GeoPoint(Double.parseDouble(m.get("latitude")), Double.parseDouble(m.get("longitude"))),
                Long.parseLong(m.get("pop_max"))));
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        out.add(b.toString());
        return out;
    }
}
