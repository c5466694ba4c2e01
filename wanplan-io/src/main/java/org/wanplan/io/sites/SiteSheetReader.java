package org.wanplan.io.sites;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.wanplan.io.csv.CsvTable;
import org.wanplan.io.input.InputException;
import org.wanplan.io.input.InputProblem;
import org.wanplan.io.input.Problems;
import org.wanplan.model.Site;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads a customer's site list from an Excel workbook (.xlsx, Office Open XML), with Apache POI's streaming
 * reader: one sheet (the first, or the one named), whose first non-empty row is the same header as the CSV
 * ({@link SiteCsvReader#HEADER}) and whose rows are sites, read by the same rules as the CSV's. Cells may hold
 * numbers or text; a number is read as Excel shows it at full precision (15 significant digits), a
 * percentage-formatted cell as its percentage (50 % → 50). Empty rows are skipped.
 *
 * <p>Every problem names the sheet, row and column as Excel does ({@code sites.xlsx: Sites!H7: …}, a whole
 * row as {@code Sites!7:7}), all of them at once, and no site is returned then: merged cells (whose value only
 * the first cell holds), cells beyond the header's last column, text longer than {@value #MAX_CELL_CHARS}
 * characters, more than {@value #MAX_ROWS} sites. The archive is checked before it is inflated: an entry
 * that expands more than {@value #MAX_INFLATE_RATIO_TEXT} or past {@value #MAX_ENTRY_BYTES} bytes (a zip
 * bomb), or a file that is not a workbook (an Excel 97–2003 .xls, a CSV named .xlsx) is refused with a
 * sentence saying which.
 */
public final class SiteSheetReader {
    /** Sites per workbook: the server's default limit of sites per design request. */
    public static final int MAX_ROWS = 20_000;

    public static final int MAX_CELL_CHARS = 1_000;

    /** The largest workbook read (the sample of 120 sites is 12 KB). */
    public static final long MAX_FILE_BYTES = 64L << 20;

    /** The largest inflated size of one entry of the archive (a sheet of 20,000 sites is about 3 MB). */
    public static final long MAX_ENTRY_BYTES = 64L << 20;

    /** POI's own default, kept explicit: an entry may inflate at most 100 times its compressed size. */
    static final double MIN_INFLATE_RATIO = 0.01;

    static final String MAX_INFLATE_RATIO_TEXT = "100 times its compressed size";

    private SiteSheetReader() {}

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    /**
     * The sites in {@code in}, a workbook called {@code file}; from the sheet named {@code sheet}, or the
     * first. An {@link IOException} is a failure to read {@code in}; whatever is wrong with the bytes read is an
     * {@link InputException}.
     */
    public static List<Site> read(InputStream in, String file, Optional<String> sheet)
            throws IOException, InputException {
        byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
            throw new InputException(
                    List.of(new InputProblem(file, 0, "larger than " + (MAX_FILE_BYTES >> 20) + " MB: not read")));
        }
        try (OPCPackage pkg = OPCPackage.open(new java.io.ByteArrayInputStream(bytes))) {
            return read(pkg, file, sheet);
        } catch (IOException | OpenXML4JException e) {
            throw unreadable(file, e); // the bytes are in memory: any I/O error is a broken archive
        } catch (RuntimeException e) {
            if (ours(e)) {
                throw e; // a bug of ours, not the file's
            }
            throw unreadable(file, e); // POI's way of saying the archive or one of its parts is broken
        }
    }

    private static List<Site> read(OPCPackage pkg, String file, Optional<String> sheet)
            throws IOException, OpenXML4JException, InputException {
        XSSFReader reader = new XSSFReader(pkg, true);
        XSSFReader.SheetIterator sheets = reader.getSheetIterator();
        List<String> names = new ArrayList<>();
        while (sheets.hasNext()) {
            try (InputStream data = sheets.next()) {
                String name = sheets.getSheetName();
                names.add(name);
                if (sheet.isEmpty() || sheet.get().equals(name)) {
                    return readSheet(data, file, name, reader.getSharedStringsTable(), reader.getStylesTable());
                }
            }
        }
        throw new InputException(List.of(new InputProblem(
                file,
                0,
                sheet.isPresent()
                        ? "no sheet named '" + sheet.get() + "'; the workbook has " + String.join(", ", names)
                        : "the workbook has no sheet")));
    }

    /** Whether {@code e} was thrown by wanplan's code (a bug) rather than by POI on a broken part. */
    private static boolean ours(RuntimeException e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("org.wanplan.");
    }

    private static boolean isBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("Zip bomb") || m.contains("exceeds the maximum") || m.contains("MAX_ENTRY_SIZE")) {
                return true;
            }
        }
        return false;
    }

    private static InputException unreadable(String file, Throwable e) {
        String why;
        if (isBomb(e)) {
            why = "refused as a possible zip bomb: an entry of the workbook would inflate more than "
                    + MAX_INFLATE_RATIO_TEXT + " or past " + (MAX_ENTRY_BYTES >> 20) + " MB";
        } else if (e instanceof org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException
                || String.valueOf(e.getMessage()).contains("OLE2")) {
            why = "an Excel 97-2003 workbook (.xls), which is not read: save it as Excel Workbook (.xlsx) or CSV";
        } else if (e instanceof org.apache.poi.EmptyFileException) {
            why = "empty file: not an Excel workbook (.xlsx)";
        } else {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            why = "not an Excel workbook (.xlsx): " + firstLine(e.getMessage())
                    + (root != e && root.getMessage() != null ? " (" + firstLine(root.getMessage()) + ")" : "");
        }
        return new InputException(List.of(new InputProblem(file, 0, why)));
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "unreadable";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static List<Site> readSheet(
            InputStream data, String file, String sheet, SharedStrings strings, StylesTable styles)
            throws IOException, InputException {
        Collector rows = new Collector();
        Problems problems = Problems.inSheet(file, (row, field) -> {
            if (field == null) {
                return ref(sheet, row + ":" + row);
            }
            Integer col = rows.columnOf.get(field);
            return col == null
                    ? ref(sheet, row + ":" + row)
                    : ref(sheet, CellReference.convertNumToColString(col) + row);
        });
        rows.problems = problems;
        rows.sheet = sheet;
        MergeAwareHandler handler = new MergeAwareHandler(styles, strings, rows, new FullPrecision());
        try {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(handler);
            xml.setErrorHandler(
                    new org.xml.sax.helpers.DefaultHandler() { // throws, and logs nothing
                        @Override
                        public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                            throw e;
                        }

                        @Override
                        public void error(org.xml.sax.SAXParseException e) throws SAXException {
                            throw e;
                        }
                    });
            xml.parse(new InputSource(data));
        } catch (TooManyRows e) {
            problems.add(
                    e.row,
                    null,
                    "more than " + MAX_ROWS + " sites; split the list (the server designs at most " + MAX_ROWS
                            + " sites a request)");
            problems.throwIfAny(); // with whatever was found before: the rows past the limit are not read
        } catch (SAXException | ParserConfigurationException e) {
            if (isBomb(e)) {
                throw unreadable(file, e);
            }
            throw new InputException(
                    List.of(new InputProblem(file, 0, ref(sheet, ""), "the sheet does not read: " + e.getMessage())));
        }
        for (String range : handler.merged) {
            problems.addAt(
                    new CellReference(range.split(":")[0]).getRow() + 1,
                    ref(sheet, range),
                    "merged cells: unmerge them and fill every cell (a merged range keeps its value in"
                            + " its first cell only)");
        }
        if (rows.headerWrong) {
            problems.throwIfAny(); // the rows cannot be read by a wrong header
        }
        if (rows.header == null) {
            throw new InputException(List.of(new InputProblem(
                    file,
                    0,
                    ref(sheet, ""),
                    "the sheet is empty: expected the header " + String.join(",", SiteCsvReader.HEADER)
                            + " and a row per site")));
        }
        List<Site> sites = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (CsvTable.Row row : rows.rows) {
            SiteCsvReader.site(row, problems, ids).ifPresent(sites::add);
        }
        if (rows.rows.isEmpty()) {
            problems.add(rows.headerRow, null, "no sites below the header");
        }
        problems.throwIfAny();
        return sites;
    }

    /** {@code Sites!H7}, quoting a sheet name that needs it as Excel does ({@code 'My sites'!H7}). */
    static String ref(String sheet, String cells) {
        boolean plain = sheet.matches("[A-Za-z_][A-Za-z0-9_.]*");
        String name = plain ? sheet : "'" + sheet.replace("'", "''") + "'";
        return cells.isEmpty() ? name : name + "!" + cells;
    }

    /** The rows of a sheet: the header (the first non-empty row) and the data rows under it. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        Problems problems;
        String sheet;
        List<String> header;
        boolean headerWrong;
        int headerRow;
        final Map<String, Integer> columnOf = new HashMap<>();
        final List<CsvTable.Row> rows = new ArrayList<>();
        private TreeMap<Integer, String> current;

        @Override
        public void startRow(int rowNum) {
            current = new TreeMap<>();
        }

        @Override
        public void cell(String cellReference, String value, XSSFComment comment) {
            if (value == null || value.isBlank()) {
                return;
            }
            CellReference at = new CellReference(cellReference);
            if (value.length() > MAX_CELL_CHARS) {
                problems.addAt(
                        at.getRow() + 1,
                        ref(sheet, cellReference),
                        "the cell holds " + value.length() + " characters, more than " + MAX_CELL_CHARS);
                return;
            }
            current.put((int) at.getCol(), value.strip());
        }

        @Override
        public void endRow(int rowNum) {
            int line = rowNum + 1;
            if (current.isEmpty()) {
                return; // an empty row
            }
            if (header == null) {
                header(line);
                return;
            }
            if (rows.size() == MAX_ROWS) {
                throw new TooManyRows(line);
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (Map.Entry<Integer, String> e : current.entrySet()) {
                if (e.getKey() >= header.size()) {
                    problems.addAt(
                            line,
                            ref(sheet, CellReference.convertNumToColString(e.getKey()) + line),
                            "a value ('" + e.getValue() + "') beyond the header's last column ("
                                    + CellReference.convertNumToColString(header.size() - 1) + ")");
                } else {
                    cells.put(header.get(e.getKey()), e.getValue());
                }
            }
            rows.add(new CsvTable.Row(line, cells));
        }

        private void header(int line) {
            headerRow = line;
            int width = current.lastKey() + 1;
            List<String> found = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                found.add(current.getOrDefault(c, ""));
            }
            header = found;
            List<String> expected = SiteCsvReader.HEADER;
            for (int c = 0; c < Math.max(width, expected.size()); c++) {
                String want = c < expected.size() ? expected.get(c) : "";
                String got = c < width ? found.get(c) : "";
                String at = CellReference.convertNumToColString(c) + line;
                if (!want.equals(got)) {
                    headerWrong = true;
                    problems.addAt(
                            line,
                            ref(sheet, at),
                            want.isEmpty()
                                    ? "the header ends at column "
                                            + CellReference.convertNumToColString(expected.size() - 1) + " ("
                                            + String.join(",", expected) + "), found '" + got + "'"
                                    : "header must be '" + want + "' here, was '" + got + "' (the header is "
                                            + String.join(",", expected) + ")");
                }
            }
            for (int c = 0; c < width; c++) {
                columnOf.putIfAbsent(found.get(c), c);
            }
        }
    }

    /** Stops the parse at the first row past {@link #MAX_ROWS}. */
    private static final class TooManyRows extends RuntimeException {
        final int row;

        TooManyRows(int row) {
            super(null, null, false, false);
            this.row = row;
        }
    }

    /** POI's sheet handler, also noting the sheet's merged ranges (which it does not report). */
    private static final class MergeAwareHandler extends XSSFSheetXMLHandler {
        final List<String> merged = new ArrayList<>();

        MergeAwareHandler(StylesTable styles, SharedStrings strings, SheetContentsHandler rows, DataFormatter f) {
            super(styles, strings, rows, f, false);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            if ("mergeCell".equals(localName) && attributes.getValue("ref") != null) {
                merged.add(attributes.getValue("ref"));
            }
            super.startElement(uri, localName, qName, attributes);
        }
    }

    /**
     * Numbers as Excel shows them at full precision (48.8566, not a format's rounding to 48.86), a percentage
     * format as its percentage; text as it is.
     */
    private static final class FullPrecision extends DataFormatter {
        FullPrecision() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(
                double value, int formatIndex, String formatString, boolean use1904Windowing) {
            boolean percent = formatString != null
                    && formatString.replaceAll("\"[^\"]*\"", "").contains("%");
            return NumberToTextConverter.toText(percent ? value * 100 : value);
        }
    }
}
