package org.wanplan.io.csv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files of a CSV network, which live side by side: a PoP file, a span file and an optional SRLG
 * file. They are named from any one of them: {@code pops.csv}/{@code spans.csv}/{@code srlgs.csv} in a
 * directory, or with a common prefix ({@code euro-pops.csv}, {@code euro-spans.csv},
 * {@code euro-srlgs.csv}); a directory stands for its {@code pops.csv} and {@code spans.csv}.
 */
public record CsvFiles(Path pops, Path spans, Path srlgs, String networkName) {
    private static final String[] ROLES = {"pops", "spans", "srlgs"};

    /** The CSV network {@code path} names, or why it names none. */
    public static Optional<CsvFiles> of(Path path) {
        if (Files.isDirectory(path)) {
            Path dir = path.toAbsolutePath().normalize();
            return Optional.of(new CsvFiles(
                    path.resolve("pops.csv"),
                    path.resolve("spans.csv"),
                    path.resolve("srlgs.csv"),
                    dir.getFileName() == null ? "network" : dir.getFileName().toString()));
        }
        String name = path.getFileName().toString();
        for (String role : ROLES) {
            if (name.endsWith(role + ".csv")) {
                String prefix = name.substring(0, name.length() - (role + ".csv").length());
                Path dir = path.toAbsolutePath().getParent();
                String base = prefix.replaceAll("[-_.]$", "");
                if (base.isEmpty()) {
                    base = dir.getFileName() == null
                            ? "network"
                            : dir.getFileName().toString();
                }
                return Optional.of(new CsvFiles(
                        sibling(path, prefix + "pops.csv"),
                        sibling(path, prefix + "spans.csv"),
                        sibling(path, prefix + "srlgs.csv"),
                        base));
            }
        }
        return Optional.empty();
    }

    private static Path sibling(Path path, String name) {
        Path parent = path.getParent();
        return parent == null ? Path.of(name) : parent.resolve(name);
    }
}
