package org.wanplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The proposal for each sample customer, as the customer reads it: its figures are the design's, formatted
 * with units; it is one self-contained file laid out for A4; and Debian's headless Chromium renders it (a
 * screenshot kept in {@code target/report-screenshots}) and prints it to PDF, a page per section.
 */
class ProposalReportTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SHOTS = Path.of("target", "report-screenshots");

    @TempDir
    Path dir;

    @TempDir
    Path profile;

    @ParameterizedTest
    @ValueSource(strings = {"french-retailer", "euro-manufacturer"})
    void the_proposal_states_the_design_figures_with_units_and_prints_on_a4(String sample) throws Exception {
        Path report = dir.resolve(sample + ".html");
        NetworkCommandTest.Run r = NetworkCommandTest.run(
                "compare",
                "--sites",
                DesignCommandTest.sample(sample + ".csv").toString(),
                "--topology",
                "hub-spoke",
                "--customer",
                "Acme & Co " + sample,
                "--json",
                "--report",
                report.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode figures = new ObjectMapper().readTree(r.out());
        JsonNode ours = figures.get("euro350");
        JsonNode theirs = figures.get("sparse");
        String html = Files.readString(report);

        // one file, readable offline, print-ready
        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("http://").doesNotContain("https://");
        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<link");
        assertThat(html)
                .contains("@page{size:A4")
                .contains("thead{display:table-header-group}")
                .contains("tr{break-inside:avoid");
        assertThat(html).contains("<h1>Acme &amp; Co " + sample + "</h1>");

        // the executive summary first, then charts, both maps, the quote and the appendices, in that order
        List<String> order = List.of(
                "id=\"summary\"",
                "id=\"tail-chart\"",
                "id=\"rtt-chart\"",
                "id=\"availability-chart\"",
                "id=\"maps\"",
                "id=\"quote\"",
                "id=\"appendix-sites\"",
                "id=\"appendix-quote\"",
                "id=\"appendix-latency\"",
                "id=\"method\"");
        int at = -1;
        for (String mark : order) {
            assertThat(html.indexOf(mark)).as(mark).isGreaterThan(at);
            at = html.indexOf(mark);
        }
        assertThat(html.split("<svg class=\"map\"", -1)).hasSize(3); // both networks side by side

        // the summary's figures are the design's, with their units
        String summary = html.substring(html.indexOf("id=\"summary\""), html.indexOf("id=\"charts\""));
        int sites = ours.get("sites").asInt();
        long onNet = Math.round(ours.get("onNetShare").asDouble() * sites);
        assertThat(summary)
                .contains(String.format(
                        Locale.ROOT,
                        "%.0f %% (%d of %d)",
                        100 * ours.get("onNetShare").asDouble(),
                        onNet,
                        sites))
                .contains(String.format(
                        Locale.ROOT, "%.2f ms", ours.get("meanRttMs").asDouble()))
                .contains("sparse: "
                        + String.format(
                                Locale.ROOT, "%.2f ms", theirs.get("meanRttMs").asDouble()))
                .contains(String.format(
                        Locale.ROOT,
                        "%.3f %%",
                        100 * ours.get("meanAvailability").asDouble()))
                .contains(String.format(
                        Locale.ROOT,
                        "%.3f %%",
                        100 * ours.get("minAvailability").asDouble()))
                .contains("EUR "
                        + String.format(
                                Locale.ROOT,
                                "%,.0f",
                                ours.get("totalContractValue").decimalValue()))
                .contains("sparse: EUR "
                        + String.format(
                                Locale.ROOT,
                                "%,.0f",
                                theirs.get("totalContractValue").decimalValue()));
        // and honest: where sparse is ahead, the caveats say so
        if (theirs.get("meanRttMs").asDouble() < ours.get("meanRttMs").asDouble()) {
            assertThat(summary).contains("sparse is faster on mean round trip");
        }
        assertThat(summary).contains("priced with the same price book");

        // no figure leaves unformatted: no long decimals, no amount without separators in the text
        String text = html.replaceAll("(?s)<svg.*?</svg>", "")
                .replaceAll("(?s)<style>.*?</style>", "")
                .replaceAll("<[^>]+>", " ");
        assertThat(Pattern.compile("\\d\\.\\d{5,}").matcher(text).find())
                .as("a raw decimal")
                .isFalse();
        Matcher money = Pattern.compile("EUR (\\d{4,})").matcher(text);
        assertThat(money.find()).as("an amount without separators").isFalse();

        // the quote's summary adds up to the quote's totals
        String quote = html.substring(html.indexOf("id=\"quote\""), html.indexOf("id=\"appendix-sites\""));
        Matcher row = Pattern.compile("<tr><td>[^<]+</td><td class=n>EUR ([\\d,.]+)</td><td class=n>EUR ([\\d,.]+)</td>"
                        + "<td class=n>EUR ([\\d,.]+)</td></tr>")
                .matcher(quote);
        java.math.BigDecimal term = java.math.BigDecimal.ZERO;
        int rows = 0;
        while (row.find()) {
            term = term.add(new java.math.BigDecimal(row.group(3).replace(",", "")));
            rows++;
        }
        assertThat(rows).isGreaterThanOrEqualTo(5);
        assertThat(term).isEqualByComparingTo(ours.get("totalContractValue").decimalValue());
        assertThat(quote)
                .contains("</th><th class=n>EUR "
                        + String.format(
                                Locale.ROOT,
                                "%,.2f",
                                ours.get("totalContractValue").decimalValue())
                        + "</th></tr>");

        // every site in the appendix
        for (String line :
                Files.readAllLines(DesignCommandTest.sample(sample + ".csv")).subList(1, sites + 1)) {
            assertThat(html).contains("<tr><td>" + line.split(",")[0] + "</td>");
        }

        // as a browser shows it, and as it prints: A4 pages, a section to a page at least
        Files.createDirectories(SHOTS);
        Path shot = SHOTS.resolve(sample + ".png");
        chromium("--window-size=1040,2400", "--screenshot=" + shot.toAbsolutePath(), report);
        BufferedImage image = javax.imageio.ImageIO.read(shot.toFile());
        assertThat(image.getWidth()).isEqualTo(1040);
        Path pdf = SHOTS.resolve(sample + ".pdf");
        chromium("--no-pdf-header-footer", "--print-to-pdf=" + pdf.toAbsolutePath(), report);
        String pdfText = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        Matcher page = Pattern.compile("/Type\\s*/Page[^s]").matcher(pdfText);
        int pages = 0;
        while (page.find()) {
            pages++;
        }
        assertThat(pages).as("pages").isGreaterThanOrEqualTo(order.size() - 3); // sections start new pages
        Matcher box =
                Pattern.compile("/MediaBox\\s*\\[\\s*0 0 ([\\d.]+) ([\\d.]+)").matcher(pdfText);
        assertThat(box.find()).isTrue();
        // A4 is 595 × 842 points
        assertThat(Double.parseDouble(box.group(1))).isBetween(594.0, 596.5);
        assertThat(Double.parseDouble(box.group(2))).isBetween(841.0, 843.0);
    }

    @org.junit.jupiter.api.Test
    void a_design_alone_makes_a_proposal_without_a_competitor() throws Exception {
        Path report = dir.resolve("alone.html");
        NetworkCommandTest.Run r = NetworkCommandTest.run(
                "design",
                "euro350",
                "--sites",
                DesignCommandTest.sample("euro-manufacturer.csv").toString(),
                "--report",
                report.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String html = Files.readString(report);
        assertThat(html)
                .contains("<h1>euro-manufacturer</h1>")
                .contains("id=\"summary\"")
                .contains("id=\"quote\"");
        assertThat(html.split("<svg class=\"map\"", -1)).hasSize(2);
        assertThat(html).doesNotContain("sparse").doesNotContain("same price book");
        // any to any: availability is the mean over each site's pairs, and the proposal says so
        assertThat(html).contains("as the mean over each site's pairs, with restoration");
    }

    private void chromium(String what, String output, Path page) throws Exception {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("Debian's chromium is needed (./test installs it)")
                .isTrue();
        List<String> cmd = new ArrayList<>(List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + Files.createTempDirectory(profile, "p").toAbsolutePath(),
                what,
                output,
                page.toUri().toString()));
        // its output discarded rather than read: reading it would wait for chromium to close it, so a chromium that
        // hangs (it did once, printing the PDF) would hang the test past any limit. A hang is retried once.
        int profileArg = cmd.indexOf(cmd.stream()
                .filter(a -> a.startsWith("--user-data-dir="))
                .findFirst()
                .orElseThrow());
        for (int attempt = 1; ; attempt++) {
            if (attempt > 1) { // a fresh profile: the killed chromium left its own locked
                cmd.set(
                        profileArg,
                        "--user-data-dir="
                                + Files.createTempDirectory(profile, "p").toAbsolutePath());
            }
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (p.waitFor(120, TimeUnit.SECONDS)) {
                assertThat(p.exitValue()).isZero();
                return;
            }
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
            assertThat(attempt)
                    .as("chromium finished within 120 s (twice it did not)")
                    .isLessThan(2);
        }
    }
}
