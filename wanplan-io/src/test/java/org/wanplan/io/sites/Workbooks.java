package org.wanplan.io.sites;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Test workbooks, written with POI's user model (an independent writer: the reader under test is POI's
 * streaming SAX reader): a CSV's rows (without quoted cells) as a sheet, each cell a number where the text is
 * one, else text.
 */
public final class Workbooks {
    private Workbooks() {}

    /** A one-sheet workbook named {@code sheet} holding {@code csv}. */
    public static byte[] fromCsv(String sheet, String csv) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            fill(wb.createSheet(sheet), csv);
            return bytes(wb);
        }
    }

    /** Writes the CSV's rows into {@code sheet} from its first row. */
    public static void fill(Sheet sheet, String csv) throws IOException {
        var lines = new java.io.BufferedReader(new StringReader(csv)).lines().toList();
        for (int r = 0; r < lines.size(); r++) {
            if (lines.get(r).isEmpty()) {
                continue; // an empty row: no row element at all
            }
            List<String> cells = List.of(lines.get(r).split(",", -1)); // test CSVs have no quoted cells
            Row row = sheet.createRow(r);
            for (int c = 0; c < cells.size(); c++) {
                String text = cells.get(c);
                if (text.isEmpty()) {
                    continue;
                }
                Cell cell = row.createCell(c);
                try {
                    cell.setCellValue(Double.parseDouble(text));
                } catch (NumberFormatException e) {
                    cell.setCellValue(text);
                }
            }
        }
    }

    public static byte[] bytes(XSSFWorkbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }

    /**
     * {@code workbook} with {@code padding} bytes of spaces added inside its first sheet's XML (where
     * whitespace is allowed): a valid workbook whose sheet inflates about a thousand times its compressed
     * size, as a zip bomb does.
     */
    public static byte[] inflated(byte[] workbook, int padding) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(data, java.nio.charset.StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData");
                    xml = xml.substring(0, at) + " ".repeat(padding) + xml.substring(at);
                    data = xml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(data);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
