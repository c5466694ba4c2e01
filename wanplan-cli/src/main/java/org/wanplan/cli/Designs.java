package org.wanplan.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.wanplan.design.Design;
import org.wanplan.design.DesignFigures;
import org.wanplan.design.Quote;
import org.wanplan.io.sites.SiteCsvReader;
import org.wanplan.model.Site;

/** What the design and compare commands share: reading sites, per-site sums, summary figures. */
final class Designs {
    private Designs() {}

    /**
     * A site list: an Excel workbook when the file is one (a ZIP archive, whatever its name; {@code sheet} or the
     * first sheet), JSON when the name ends in .json, CSV otherwise.
     */
    static List<Site> sites(Path file, java.util.Optional<String> sheet) throws Exception {
        if (isWorkbook(file)) {
            try (var in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file))) {
                return org.wanplan.io.sites.SiteSheetReader.read(in, file.toString(), sheet);
            }
        }
        if (sheet.isPresent()) {
            throw new org.wanplan.io.input.InputException(List.of(new org.wanplan.io.input.InputProblem(
                    file.toString(), 0, "--sheet is for Excel workbooks (.xlsx); this file is not one")));
        }
        try (Reader in = org.wanplan.io.input.TextInput.reader(file)) {
            return file.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")
                    ? org.wanplan.io.sites.SiteJsonReader.read(in, file.toString())
                    : SiteCsvReader.read(in, file.toString());
        }
    }

    /**
     * Whether {@code file} is an Office document: a ZIP archive (.xlsx) or an OLE2 compound file (.xls, which
     * the workbook reader names and refuses), or is named as one.
     */
    static boolean isWorkbook(Path file) throws java.io.IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls")) {
            return true;
        }
        byte[] head = new byte[4];
        try (var in = java.nio.file.Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, 4);
            return n == 4
                    && ((head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)
                            || (head[0] == (byte) 0xD0
                                    && head[1] == (byte) 0xCF
                                    && head[2] == 0x11
                                    && head[3] == (byte) 0xE0));
        }
    }

    /** The price book in {@code file} (JSON, or YAML for .yaml/.yml), or the defaults when none is given. */
    static org.wanplan.model.PriceBook priceBook(Path file) throws Exception {
        if (file == null) {
            return org.wanplan.model.PriceBook.defaults();
        }
        String name = file.toString().toLowerCase(java.util.Locale.ROOT);
        try (Reader in = org.wanplan.io.input.TextInput.reader(file)) {
            return org.wanplan.io.price.PriceBookFile.read(
                    in, file.toString(), name.endsWith(".yaml") || name.endsWith(".yml"));
        }
    }

    static BigDecimal siteNrc(Quote q, String site) {
        return DesignFigures.siteNrc(q, site);
    }

    static BigDecimal siteMrc(Quote q, String site) {
        return DesignFigures.siteMrc(q, site);
    }

    /** The compare figures of one design, as the JSON object {@code compare --json} prints per network. */
    static ObjectNode summary(Design d, Quote q) {
        return Options.JSON.valueToTree(DesignFigures.summary(d, q));
    }

    static double percentile(double[] sorted, double p) {
        return DesignFigures.percentile(sorted, p);
    }
}
