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

/** A shipped sample site list (CSV) as the JSON array {@code POST /designs} takes: one object per row, the CSV's columns as fields. */
final class SampleSites {
    private SampleSites() {}

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
