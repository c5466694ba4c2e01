package org.wanplan.io.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Country names and ISO 3166-1 alpha-2 codes, from the GeoNames country table shipped as a resource
 * (CC BY 4.0, www.geonames.org), plus the older names the Topology Zoo uses.
 */
public final class Countries {
    private static final Map<String, String> OLD_NAMES =
            Map.of("czech republic", "CZ", "macedonia", "MK", "kosovo", "XK", "great britain", "GB");
    private static final Countries INSTANCE = load();

    private final Map<String, String> codeByName;
    private final Map<String, String> nameByCode;

    private Countries(Map<String, String> codeByName, Map<String, String> nameByCode) {
        this.codeByName = codeByName;
        this.nameByCode = nameByCode;
    }

    public static Countries get() {
        return INSTANCE;
    }

    /** The ISO code of a country given by name (case-insensitive), e.g. "Czech Republic" → CZ. */
    public Optional<String> codeOf(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        String code = codeByName.get(key);
        return Optional.ofNullable(code != null ? code : OLD_NAMES.get(key));
    }

    /** The English name of the country with ISO code {@code code}. */
    public Optional<String> nameOf(String code) {
        return Optional.ofNullable(nameByCode.get(code));
    }

    private static Countries load() {
        Map<String, String> byName = new HashMap<>();
        Map<String, String> byCode = new HashMap<>();
        try (InputStream in = Countries.class.getResourceAsStream("countries.tsv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                byName.put(f[1].toLowerCase(Locale.ROOT), f[0]);
                byCode.put(f[0], f[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled country table", e);
        }
        return new Countries(Map.copyOf(byName), Map.copyOf(byCode));
    }
}
