package org.wanplan.io.sites;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.wanplan.io.input.InputException;
import org.wanplan.io.input.TextInput;
import org.wanplan.model.Site;

/**
 * A site list whatever its format, as the command line and the API take it: an Excel workbook when the file is
 * one — by content (a ZIP archive, or an OLE2 file: an Excel 97–2003 workbook, which {@link SiteSheetReader}
 * names and refuses) or by name — JSON when the name ends in .json, CSV otherwise (both decoded strictly).
 */
public final class SiteFiles {
    private SiteFiles() {}

    /** The sites in {@code bytes}, a file called {@code name}; {@code sheet} names a workbook's sheet. */
    public static List<Site> read(byte[] bytes, String name, Optional<String> sheet)
            throws IOException, InputException {
        String lower = name.toLowerCase(Locale.ROOT);
        if (isWorkbook(bytes) || lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".xls")) {
            return SiteSheetReader.read(new ByteArrayInputStream(bytes), name, sheet);
        }
        if (sheet.isPresent()) {
            throw InputException.of(name, 0, "a sheet is named, but the file is not an Excel workbook (.xlsx)");
        }
        try (Reader in = new StringReader(TextInput.decode(bytes, name))) {
            return lower.endsWith(".json") ? SiteJsonReader.read(in, name) : SiteCsvReader.read(in, name);
        }
    }

    /** Whether {@code bytes} start as a ZIP archive (.xlsx) or an OLE2 compound file (.xls). */
    static boolean isWorkbook(byte[] b) {
        return b.length >= 4
                && ((b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4)
                        || (b[0] == (byte) 0xD0 && b[1] == (byte) 0xCF && b[2] == 0x11 && b[3] == (byte) 0xE0));
    }
}
