package org.wanplan.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference data beside the project ({@code ../shared/data}, or the directory named by the system
 * property or environment variable {@code wanplan.shared.data} / {@code WANPLAN_SHARED_DATA}). Tests
 * that need it are skipped, with a message saying so, where it is absent.
 */
public final class SharedData {
    private SharedData() {}

    public static Path root() {
        String configured = System.getProperty("wanplan.shared.data", System.getenv("WANPLAN_SHARED_DATA"));
        Path root = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data");
        return root.toAbsolutePath().normalize();
    }

    /** {@code root()/relative}, or skips the calling test with a visible reason. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        assumeTrue(
                Files.exists(p),
                () -> "SKIPPED: reference data not found at " + p
                        + " (set -Dwanplan.shared.data or WANPLAN_SHARED_DATA)");
        return p;
    }

    /** A CSV index file as rows of column → value (RFC 4180 quotes handled). */
    public static List<Map<String, String>> index(Path csv) {
        try {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            List<String> header = split(lines.get(0));
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = split(line);
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), i < cells.size() ? cells.get(i) : "");
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean q = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                q = !q;
            } else if (c == ',' && !q) {
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
