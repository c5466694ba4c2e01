package org.wanplan.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Set;
import org.wanplan.io.csv.CsvTable;
import org.wanplan.io.input.Problems;
import org.wanplan.io.sites.SiteCsvReader;

/**
 * Site lists as the JSON array {@code POST /designs} takes: a shipped sample (CSV), one object per row with the
 * CSV's columns as fields; or sites read from an uploaded file.
 */
final class SampleSites {
    private SampleSites() {}

    /**
     * {@code sites} as the body's JSON array: every field, the location as lat and lon (which win over the city
     * when a design reads them back, so the sites read back equal).
     */
    static ArrayNode asJson(java.util.List<org.wanplan.model.Site> sites) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (org.wanplan.model.Site s : sites) {
            ObjectNode o = out.addObject();
            o.put("id", s.id());
            o.put("name", s.name());
            s.city().ifPresent(c -> o.put("city", c));
            s.country().ifPresent(c -> o.put("country", c));
            o.put("lat", s.location().latitude());
            o.put("lon", s.location().longitude());
            o.put("role", s.role().name().toLowerCase(java.util.Locale.ROOT));
            o.put("bandwidthMbps", s.bandwidthMbps());
            o.put("realtimePct", s.realtimePct());
            o.put("businessPct", s.businessPct());
            o.put("resilience", s.resilience().label());
        }
        return out;
    }

    static ArrayNode asJson(String csv) {
        Problems problems = new Problems("sample");
        try {
            CsvTable table = CsvTable.read(new StringReader(csv), Set.copyOf(SiteCsvReader.HEADER), Set.of(), problems);
            if (!problems.isEmpty()) {
                problems.throwIfAny();
            }
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (CsvTable.Row row : table.rows()) {
                ObjectNode o = out.addObject();
                for (String column : SiteCsvReader.HEADER) {
                    if (row.has(column) && !row.get(column).isEmpty()) {
                        o.put(column, row.get(column));
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.wanplan.io.input.InputException e) {
            throw new IllegalStateException("a shipped sample does not read: " + e.getMessage(), e);
        }
    }
}
