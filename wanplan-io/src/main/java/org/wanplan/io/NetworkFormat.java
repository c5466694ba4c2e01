package org.wanplan.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats wanplan reads or writes, and how a path's format is recognised. */
public enum NetworkFormat {
    /** wanplan's own lossless JSON ({@code .json}). */
    JSON(true, true),
    /** GeoJSON FeatureCollection of PoPs and spans ({@code .geojson}); written only. */
    GEOJSON(false, true),
    /** GraphML as in the Topology Zoo ({@code .graphml}). */
    GRAPHML(true, true),
    /** pops.csv + spans.csv (+ srlgs.csv) side by side ({@code .csv} or a directory). */
    CSV(true, true),
    /** SNDlib native text ({@code .txt} starting with {@code ?SNDlib native format}); read only. */
    SNDLIB_NATIVE(true, false),
    /** SNDlib XML ({@code .xml} with a {@code <network>} root); read only. */
    SNDLIB_XML(true, false);

    private final boolean readable;
    private final boolean writable;

    NetworkFormat(boolean readable, boolean writable) {
        this.readable = readable;
        this.writable = writable;
    }

    public boolean readable() {
        return readable;
    }

    public boolean writable() {
        return writable;
    }

    /** The format an output path asks for, by its extension. */
    public static Optional<NetworkFormat> forOutput(Path path) {
        return switch (extension(path)) {
            case "json" -> Optional.of(JSON);
            case "geojson" -> Optional.of(GEOJSON);
            case "graphml" -> Optional.of(GRAPHML);
            case "csv" -> Optional.of(CSV);
            default -> Optional.empty();
        };
    }

    /** The format of an existing file, by extension and, where that is ambiguous, by its first bytes. */
    public static Optional<NetworkFormat> detect(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return Files.isRegularFile(path.resolve("pops.csv")) ? Optional.of(CSV) : Optional.empty();
        }
        String head = head(path);
        switch (extension(path)) {
            case "json":
                return Optional.of(JSON);
            case "graphml":
                return Optional.of(GRAPHML);
            case "csv":
                return Optional.of(CSV);
            default:
                break;
        }
        if (head.startsWith("?SNDlib native format")) {
            return Optional.of(SNDLIB_NATIVE);
        }
        if (head.contains("<graphml")) {
            return Optional.of(GRAPHML);
        }
        if (head.contains("http://sndlib.zib.de/network") || head.contains("<network")) {
            return Optional.of(SNDLIB_XML);
        }
        if (head.stripLeading().startsWith("{")) {
            return Optional.of(JSON);
        }
        return Optional.empty();
    }

    static String extension(Path path) {
        Path name = path.getFileName();
        if (name == null) {
            return "";
        }
        String s = name.toString();
        int dot = s.lastIndexOf('.');
        return dot < 0 ? "" : s.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String head(Path path) throws IOException {
        byte[] buffer = new byte[1024];
        try (InputStream in = Files.newInputStream(path)) {
            int n = in.readNBytes(buffer, 0, buffer.length);
            String head = new String(buffer, 0, Math.max(n, 0), StandardCharsets.UTF_8);
            return head.startsWith("\uFEFF") ? head.substring(1) : head; // a byte-order mark
        }
    }
}
