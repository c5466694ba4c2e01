package org.wanplan.io.builtin;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wanplan.io.graphml.GraphmlReader;
import org.wanplan.io.input.ImportOptions;
import org.wanplan.io.input.InputException;
import org.wanplan.io.json.JsonNetworkReader;
import org.wanplan.model.City;
import org.wanplan.model.Network;

/**
 * The networks shipped with wanplan, by name.
 *
 * <ul>
 *   <li>{@code euro350}: the operator's reference backbone over the 350 most populous cities of the
 *       EU27, the UK, Switzerland, Norway, Iceland and the Western Balkans (Natural Earth metro
 *       populations), built by the planning module's {@code BackboneGenerator} from {@link #source}.
 *   <li>{@code sparse}: the incumbent — the same countries, only their one to three largest cities
 *       (three where euro350 has ≥ 20 PoPs in the country, two where it has ≥ 5, else one), same
 *       procedure.
 *   <li>{@code bteurope}: BT Europe (2010) from the Internet Topology Zoo, CC BY 4.0.
 * </ul>
 *
 * The generated networks are shipped as JSON resources; {@link #generate(String)} rebuilds them from
 * the shipped city and land data and must reproduce them byte for byte.
 */
public final class BuiltinNetworks {
    /** A built-in network's name and one line about it. */
    public record Entry(String name, String description, boolean generated) {}

    static final String EURO350_ATTRIBUTION = "wanplan reference backbone, generated from Natural Earth 10m populated"
            + " places and 1:50m admin-0 countries (v4.0.0, public domain)";
    static final String SPARSE_ATTRIBUTION = EURO350_ATTRIBUTION.replace("reference backbone", "sparse competitor");
    static final String ZOO_ATTRIBUTION = "The Internet Topology Zoo, CC BY 4.0: S. Knight, H. X. Nguyen, N. Falkner,"
            + " R. Bowden, M. Roughan, \"The Internet Topology Zoo\", IEEE JSAC 29(9):1765-1775, 2011";
    static final int EURO350_SIZE = 350;

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        add(new Entry("euro350", "reference backbone: the 350 largest cities of Europe, ~57,500 km of fibre", true));
        add(new Entry("sparse", "incumbent competitor: the same countries, 1-3 largest cities each", true));
        add(new Entry("bteurope", "BT Europe 2010 from the Internet Topology Zoo (CC BY 4.0)", false));
    }

    private BuiltinNetworks() {}

    private static void add(Entry e) {
        ENTRIES.put(e.name(), e);
    }

    public static List<Entry> list() {
        return List.copyOf(ENTRIES.values());
    }

    public static boolean exists(String name) {
        return ENTRIES.containsKey(name);
    }

    /** The shipped network called {@code name}, or empty when there is none. */
    public static Optional<Network> load(String name) {
        if (!exists(name)) {
            return Optional.empty();
        }
        try {
            if (name.equals("bteurope")) {
                try (InputStream in = resource("bteurope.graphml")) {
                    Network zoo = new GraphmlReader(ImportOptions.defaults()).read(in, "bteurope.graphml", name);
                    return Optional.of(zoo.withName(name).withAttribution("BT Europe (2010). " + ZOO_ATTRIBUTION));
                }
            }
            try (Reader in = new InputStreamReader(resource(name + ".json"), StandardCharsets.UTF_8)) {
                return Optional.of(new JsonNetworkReader(ImportOptions.defaults()).read(in, name + ".json"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InputException e) {
            throw new IllegalStateException("the shipped network " + name + " does not read: " + e.getMessage(), e);
        }
    }

    /** The generated built-in networks, in the order {@code network list} shows them. */
    public static final List<String> GENERATED = List.of("euro350", "sparse");

    /**
     * What a generated network ({@code euro350}, {@code sparse}) is built from: its attribution and its
     * cities, in rank order (the generator is {@code org.wanplan.planning.backbone.BackboneGenerator}, over
     * {@link LandMask#load()}).
     */
    public record Source(String name, String attribution, List<City> cities) {
        public Source {
            cities = List.copyOf(cities);
        }
    }

    /** The source of {@code name}, one of {@link #GENERATED}. */
    public static Source source(String name) {
        List<City> euro = euro350Cities();
        return switch (name) {
            case "euro350" -> new Source(name, EURO350_ATTRIBUTION, euro);
            case "sparse" -> new Source(name, SPARSE_ATTRIBUTION, sparseCities(euro));
            default -> throw new IllegalArgumentException("only euro350 and sparse are generated, not '" + name + "'");
        };
    }

    /**
     * Countries of the operator's footprint: the EU27, the United Kingdom, Switzerland, Norway and the
     * Western Balkans (Albania, Bosnia and Herzegovina, Kosovo, Montenegro, North Macedonia, Serbia).
     */
    static final Set<String> FOOTPRINT = Set.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
            "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "GB", "CH", "NO", "AL", "BA", "XK", "ME", "MK", "RS");

    /** The 350 most populous cities (Natural Earth metro population) of the {@link #FOOTPRINT}. */
    static List<City> euro350Cities() {
        return CityTable.ranked().stream()
                .filter(c -> FOOTPRINT.contains(c.countryCode()))
                .limit(EURO350_SIZE)
                .toList();
    }

    /** The one to three largest euro350 cities of each euro350 country, in rank order. */
    static List<City> sparseCities(List<City> euro) {
        Map<String, Integer> perCountry = new LinkedHashMap<>();
        euro.forEach(c -> perCountry.merge(c.countryCode(), 1, Integer::sum));
        Map<String, Integer> taken = new LinkedHashMap<>();
        List<City> chosen = new ArrayList<>();
        for (City c : euro) {
            int n = perCountry.get(c.countryCode());
            int quota = 1 + (n >= 5 ? 1 : 0) + (n >= 20 ? 1 : 0);
            if (taken.merge(c.countryCode(), 1, Integer::sum) <= quota) {
                chosen.add(c);
            }
        }
        return chosen;
    }

    private static InputStream resource(String file) throws IOException {
        InputStream in = BuiltinNetworks.class.getResourceAsStream(file);
        if (in == null) {
            throw new IOException("missing resource " + file + " (known: "
                    + Arrays.toString(ENTRIES.keySet().toArray()) + ")");
        }
        return in;
    }
}
