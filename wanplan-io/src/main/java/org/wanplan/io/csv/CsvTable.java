package org.wanplan.io.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wanplan.io.input.Problems;

/** A CSV file with a header row, read into rows keyed by column name, each with its line number. */
public final class CsvTable {
    /** One data row. */
    public record Row(int line, Map<String, String> cells) {
        /** The cell, stripped; "" when the column is absent or the cell empty. */
        public String get(String column) {
            return cells.getOrDefault(column, "").strip();
        }

        public boolean has(String column) {
            return !get(column).isEmpty();
        }
    }

    private final List<String> header;
    private final List<Row> rows;

    private CsvTable(List<String> header, List<Row> rows) {
        this.header = header;
        this.rows = rows;
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    /**
     * Reads a table; problems (unknown or missing columns, wrong cell counts, unbalanced quotes) go to
     * {@code problems} and the offending rows are left out.
     */
    public static CsvTable read(Reader in, Set<String> required, Set<String> optional, Problems problems)
            throws IOException {
        BufferedReader r = new BufferedReader(in);
        String first = r.readLine();
        if (first != null && first.startsWith("\uFEFF")) {
            first = first.substring(1);
        }
        if (first == null || first.isBlank()) {
            problems.add(1, "empty file: expected a header with columns " + required);
            return new CsvTable(List.of(), List.of());
        }
        List<String> header = Csv.split(first).orElse(List.of(first)).stream()
                .map(String::strip)
                .toList();
        for (String column : header) {
            if (!required.contains(column) && !optional.contains(column)) {
                problems.add(1, "unknown column '" + column + "' (known: " + sorted(required, optional) + ")");
            }
        }
        boolean complete = true;
        for (String column : required) {
            if (!header.contains(column)) {
                problems.add(1, "missing column '" + column + "'");
                complete = false;
            }
        }
        if (!complete) { // rows cannot be read without their key columns; the header problem says it all
            return new CsvTable(header, List.of());
        }
        List<Row> rows = new ArrayList<>();
        int lineNo = 1;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            var cells = Csv.split(line);
            if (cells.isEmpty()) {
                problems.add(lineNo, "unbalanced quotes");
                continue;
            }
            if (cells.get().size() != header.size()) {
                problems.add(
                        lineNo,
                        "expected " + header.size() + " cells as in the header, found "
                                + cells.get().size());
                continue;
            }
            Map<String, String> map = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                map.put(header.get(i), cells.get().get(i));
            }
            rows.add(new Row(lineNo, map));
        }
        return new CsvTable(header, rows);
    }

    private static List<String> sorted(Set<String> a, Set<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        all.sort(null);
        return all;
    }
}
