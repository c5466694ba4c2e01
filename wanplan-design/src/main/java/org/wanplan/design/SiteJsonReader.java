package org.wanplan.design;

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
import org.wanplan.io.InputException;
import org.wanplan.io.Problems;
import org.wanplan.io.csv.CsvTable;

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
        try (JsonParser p = new ObjectMapper().createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw InputException.of(file, 1, "expected a JSON array of sites");
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                int line = p.currentTokenLocation().getLineNr();
                JsonNode node = p.readValueAsTree();
                Map<String, String> cells = new HashMap<>();
                node.fields().forEachRemaining(e -> {
                    if (!SiteCsvReader.HEADER.contains(e.getKey())) {
                        problems.add(line, "unknown field '" + e.getKey() + "' (known: " + SiteCsvReader.HEADER + ")");
                    } else if (!e.getValue().isNull()) {
                        cells.put(e.getKey(), e.getValue().asText());
                    }
                });
                rows.add(new CsvTable.Row(line, cells));
            }
            if (p.currentToken() != JsonToken.END_ARRAY) {
                problems.add(p.currentTokenLocation().getLineNr(), "expected a site object, was " + p.getText());
            }
        } catch (JsonProcessingException e) {
            throw InputException.of(
                    file,
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "malformed JSON: " + e.getOriginalMessage());
        }
        Set<String> ids = new HashSet<>();
        List<Site> sites = new ArrayList<>();
        for (CsvTable.Row row : rows) {
            SiteCsvReader.site(row, problems, ids).ifPresent(sites::add);
        }
        if (rows.isEmpty()) {
            problems.add(1, "no sites");
        }
        problems.throwIfAny();
        return sites;
    }
}
