package org.wanplan.io.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.wanplan.io.input.InputException;
import org.wanplan.io.input.InputProblem;
import org.wanplan.model.Site;

class SiteSheetTest {
    private static final String HEADER =
            "id,name,city,country,lat,lon,role,bandwidthMbps,realtimePct,businessPct,resilience";
    private static final String CSV = HEADER + "\n" + """
            hq,Head office,Paris,FR,,,hub,1000,20,50,srlg-diverse
            lyon,,Lyon,FR,,,,200,,,
            boat,Harbour,,,43.2965,5.3698,spoke,50,0,0,dual-access
            wien,Vienna office,Vienna,AT,,,spoke,100,12.5,40,pop-diverse
            """;

    private static List<Site> read(byte[] workbook) throws Exception {
        return read(workbook, Optional.empty());
    }

    private static List<Site> read(byte[] workbook, Optional<String> sheet) throws Exception {
        return SiteSheetReader.read(new ByteArrayInputStream(workbook), "sites.xlsx", sheet);
    }

    private static List<String> problems(byte[] workbook) {
        return problems(workbook, Optional.empty());
    }

    private static List<String> problems(byte[] workbook, Optional<String> sheet) {
        InputException e = catchThrowableOfType(InputException.class, () -> read(workbook, sheet));
        assertThat(e).as("the workbook is refused").isNotNull();
        return e.problems().stream().map(InputProblem::toString).toList();
    }

    @Test
    void a_workbook_reads_as_the_same_csv() throws Exception {
        List<Site> csv = SiteCsvReader.read(new StringReader(CSV), "sites.csv");
        assertThat(read(Workbooks.fromCsv("Sites", CSV))).isEqualTo(csv);
    }

    @Test
    void numbers_may_be_text_cells_and_percent_formats_read_as_percentages() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet s = wb.createSheet("Sites");
            Workbooks.fill(s, CSV);
            s.getRow(1).getCell(7).setCellValue("1000"); // bandwidth typed as text
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0%"));
            s.getRow(1).getCell(8).setCellValue(0.2); // 20 % shown as a percentage
            s.getRow(1).getCell(8).setCellStyle(percent);
            CellStyle rounded = wb.createCellStyle();
            rounded.setDataFormat(wb.createDataFormat().getFormat("0.0"));
            s.getRow(3).getCell(4).setCellStyle(rounded); // 43.2965 shown as 43.3: read at full precision
            assertThat(read(Workbooks.bytes(wb))).isEqualTo(SiteCsvReader.read(new StringReader(CSV), "sites.csv"));
        }
    }

    @Test
    void empty_rows_are_skipped_and_the_header_is_the_first_row_with_cells() throws Exception {
        String gappy =
                "\n\n" + HEADER + "\n\n" + CSV.substring(HEADER.length() + 1).replace("\nlyon", "\n\n\nlyon");
        assertThat(read(Workbooks.fromCsv("Sites", gappy)))
                .isEqualTo(SiteCsvReader.read(new StringReader(CSV), "sites.csv"));
    }

    @Test
    void every_bad_cell_is_named_by_sheet_row_and_column() throws Exception {
        String bad = HEADER + "\n" + """
                hq,Head office,Paris,FR,,,hub,lots,20,50,srlg-diverse
                lyon,,Lyon,FR,,,,-5,,,
                boat,Harbour,,,95,5.3698,spoke,50,0,0,dual-access
                hq,,Pariss,FR,,,boss,100,,,triple
                x,,Lyon,FR,,,,100,80,40,,surplus
                """;
        List<String> problems = problems(Workbooks.fromCsv("Sites", bad));
        assertThat(problems)
                .contains(
                        "sites.xlsx: Sites!H2: bandwidthMbps must be a number, was 'lots'",
                        "sites.xlsx: Sites!H3: bandwidthMbps must be from 0.064 (64 kbit/s) to 800000 (800 Gbit/s), was"
                                + " -5.0",
                        "sites.xlsx: Sites!E4: latitude must be in [-90, 90], was 95.0",
                        "sites.xlsx: Sites!A5: duplicate site id 'hq'",
                        "sites.xlsx: Sites!G5: role must be hub or spoke, was 'boss'",
                        "sites.xlsx: Sites!J6: realtimePct + businessPct must be ≤ 100, was 120.0",
                        "sites.xlsx: Sites!L6: a value ('surplus') beyond the header's last column (K)");
        assertThat(problems).anyMatch(p -> p.startsWith("sites.xlsx: Sites!C5: city 'Pariss' not found in FR"));
        assertThat(problems)
                .anyMatch(p -> p.startsWith("sites.xlsx: Sites!K5: resilience must be single, dual-access"));
        assertThat(problems).hasSize(9);
    }

    @Test
    void a_wrong_header_names_its_cell() throws Exception {
        String swapped = HEADER.replace("city,country", "country,city") + "\nhq,,FR,Paris,,,,100,,,\n";
        assertThat(problems(Workbooks.fromCsv("My sites", swapped)))
                .containsExactly(
                        "sites.xlsx: 'My sites'!C1: header must be 'city' here, was 'country' (the header is " + HEADER
                                + ")",
                        "sites.xlsx: 'My sites'!D1: header must be 'country' here, was 'city' (the header is " + HEADER
                                + ")");
        assertThat(problems(Workbooks.fromCsv("Sites", HEADER + ",colour\n")))
                .containsExactly("sites.xlsx: Sites!L1: the header ends at column K (" + HEADER + "), found 'colour'");
    }

    @Test
    void an_empty_sheet_or_a_header_alone_is_refused() throws Exception {
        assertThat(problems(Workbooks.fromCsv("Sites", "")))
                .singleElement()
                .asString()
                .startsWith("sites.xlsx: Sites: the sheet is empty: expected the header id,name,city");
        assertThat(problems(Workbooks.fromCsv("Sites", "\n" + HEADER + "\n")))
                .containsExactly("sites.xlsx: Sites!2:2: no sites below the header");
    }

    @Test
    void merged_cells_are_refused_with_their_range() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet s = wb.createSheet("Sites");
            Workbooks.fill(s, CSV);
            s.addMergedRegion(new CellRangeAddress(2, 3, 3, 3)); // D3:D4, one country for two sites
            assertThat(problems(Workbooks.bytes(wb)))
                    .containsExactly("sites.xlsx: Sites!D3:D4: merged cells: unmerge them and fill every cell (a merged"
                            + " range keeps its value in its first cell only)");
        }
    }

    @Test
    void the_first_sheet_is_read_unless_one_is_named() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Workbooks.fill(wb.createSheet("Notes"), "read me first\n");
            Workbooks.fill(wb.createSheet("Sites"), CSV);
            byte[] book = Workbooks.bytes(wb);
            assertThat(problems(book))
                    .first()
                    .asString()
                    .startsWith("sites.xlsx: Notes!A1: header must be 'id' here, was 'read me first'");
            assertThat(read(book, Optional.of("Sites"))).hasSize(4);
            assertThat(problems(book, Optional.of("sites")))
                    .containsExactly("sites.xlsx: no sheet named 'sites'; the workbook has Notes, Sites");
        }
    }

    @Test
    void more_sites_than_the_limit_are_refused_without_reading_on() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i <= SiteSheetReader.MAX_ROWS; i++) {
            csv.append("s").append(i).append(",,,,48,2,,100,,,\n");
        }
        assertThat(problems(Workbooks.fromCsv("Sites", csv.toString())))
                .containsExactly("sites.xlsx: Sites!20002:20002: more than 20000 sites; split the list (the server"
                        + " designs at most 20000 sites a request)");
    }

    @Test
    void a_long_cell_is_refused() throws Exception {
        String csv = HEADER + "\nhq," + "x".repeat(SiteSheetReader.MAX_CELL_CHARS + 1) + ",Paris,FR,,,,100,,,\n";
        assertThat(problems(Workbooks.fromCsv("Sites", csv)))
                .containsExactly("sites.xlsx: Sites!B2: the cell holds 1001 characters, more than 1000");
    }

    @Test
    void a_zip_bomb_is_refused_before_it_is_inflated() throws Exception {
        byte[] bomb = Workbooks.inflated(Workbooks.fromCsv("Sites", CSV), 20 << 20);
        assertThat(bomb.length).isLessThan(200_000);
        assertThat(problems(bomb))
                .containsExactly("sites.xlsx: refused as a possible zip bomb: an entry of the workbook would inflate"
                        + " more than 100 times its compressed size or past 64 MB");
    }

    @Test
    void files_that_are_not_workbooks_are_named_for_what_they_are() throws Exception {
        assertThat(problems(CSV.getBytes(StandardCharsets.UTF_8)))
                .singleElement()
                .asString()
                .startsWith("sites.xlsx: not an Excel workbook (.xlsx): ");
        byte[] ole2 = new byte[4096];
        System.arraycopy(
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
                0,
                ole2,
                0,
                8);
        assertThat(problems(ole2))
                .containsExactly("sites.xlsx: an Excel 97-2003 workbook (.xls), which is not read: save it as Excel"
                        + " Workbook (.xlsx) or CSV");
        byte[] truncated = java.util.Arrays.copyOf(Workbooks.fromCsv("Sites", CSV), 900);
        assertThat(problems(truncated))
                .singleElement()
                .asString()
                .startsWith("sites.xlsx: not an Excel workbook (.xlsx): ");
    }
}
