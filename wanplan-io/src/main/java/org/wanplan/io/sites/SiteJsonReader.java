package org.wanplan.io.sites;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wanplan.io.csv.CsvTable;
import org.wanplan.io.input.InputException;
import org.wanplan.io.input.Problems;
import org.wanplan.model.Site;

/**
 * Reads a site list as a JSON array of objects with the CSV's fields ({@link SiteCsvReader#HEADER});
 * numbers may be JSON numbers or strings. Same rules and messages as the CSV, each at the line its
 * object starts on.
 */
public final class SiteJsonReader {
    private SiteJsonReader() {}

    public static List<Site> read(Reader in, String file) throws IOException, InputException {
        Problems problems = new Problems(file);
        List<CsvTable.Row> rows = new ArrayList<>();
        JsonParser p = new ObjectMapper()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .createParser(in);
        try (p) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw InputException.of(file, 1, "expected a JSON array of sites");
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                int line = p.currentTokenLocation().getLineNr();
                rows.add(row(line, p.readValueAsTree(), problems));
            }
            if (p.currentToken() != JsonToken.END_ARRAY) {
                problems.add(p.currentTokenLocation().getLineNr(), "expected a site object, was " + p.getText());
            }
        } catch (JsonProcessingException e) {
            throw org.wanplan.io.input.JsonInput.malformed(
                    file,
                    "JSON",
                    e.getOriginalMessage(),
                    e.getLocation() == null ? -1 : e.getLocation().getLineNr(),
                    p.currentLocation().getLineNr());
        }
        return sites(rows, problems, 1);
    }

    /**
     * Reads sites from a JSON array given as text (an API request's {@code sites} field). Problems are
     * reported at the site's array index in place of a line, under {@code name}.
     */
    public static List<Site> readArray(String json, String name) throws InputException {
        JsonNode array;
        try {
            array = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw InputException.of(name, 0, "malformed JSON: " + e.getOriginalMessage());
        }
        return read(array, name);
    }

    private static List<Site> read(JsonNode array, String name) throws InputException {
        Problems problems = new Problems(name);
        if (array == null || !array.isArray()) {
            throw InputException.of(name, 0, "expected a JSON array of sites");
        }
        List<CsvTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode node = array.get(i);
            if (node.isObject()) {
                rows.add(row(i, node, problems));
            } else {
                problems.add(i, "expected a site object, was " + node);
            }
        }
        return sites(rows, problems, 0);
    }

    private static CsvTable.Row row(int line, JsonNode node, Problems problems) {
        Map<String, String> cells = new HashMap<>();
        node.fields().forEachRemaining(e -> {
            if (!SiteCsvReader.HEADER.contains(e.getKey())) {
                problems.add(line, "unknown field '" + e.getKey() + "' (known: " + SiteCsvReader.HEADER + ")");
            } else if (!e.getValue().isNull()) {
                cells.put(e.getKey(), e.getValue().asText());
            }
        });
        return new CsvTable.Row(line, cells);
    }

    private static List<Site> sites(List<CsvTable.Row> rows, Problems problems, int firstLine) throws InputException {
        Set<String> ids = new HashSet<>();
        List<Site> sites = new ArrayList<>();
        for (CsvTable.Row row : rows) {
            SiteCsvReader.site(row, problems, ids).ifPresent(sites::add);
        }
        if (rows.isEmpty()) {
            problems.add(firstLine, "no sites");
        }
        problems.throwIfAny();
        return sites;
    }
}
