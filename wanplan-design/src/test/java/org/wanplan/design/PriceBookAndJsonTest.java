package org.wanplan.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wanplan.io.input.InputException;
import org.wanplan.io.input.InputProblem;
import org.wanplan.io.price.PriceBookFile;
import org.wanplan.io.sites.SiteCsvReader;
import org.wanplan.io.sites.SiteJsonReader;
import org.wanplan.model.PriceBook;
import org.wanplan.model.Resilience;
import org.wanplan.model.Site;

class PriceBookAndJsonTest {
    @Test
    void a_yaml_price_book_overrides_only_what_it_names() throws Exception {
        PriceBook book = PriceBookFile.read(new StringReader("""
                termMonths: 24
                managementMrc: 100
                """), "book.yaml", true);
        // the on-net 100 Mbps site of QuoteTest: MRC 350 + 150 + 15 + 100 = 615; 24 months + NRC 2,250
        Quote q = Quote.of(QuoteTest.design(List.of(QuoteTest.designed("s", 100, 0, 100, Resilience.SINGLE, 3))), book);
        assertThat(q.mrc()).isEqualByComparingTo("615");
        assertThat(q.totalContractValue()).isEqualByComparingTo("17010"); // 2250 + 615 × 24
        assertThat(book.accessTiers()).isEqualTo(PriceBook.defaults().accessTiers());
    }

    @Test
    void a_bad_price_book_names_every_bad_field() {
        InputException e = catchThrowableOfType(
                InputException.class, () -> PriceBookFile.read(new StringReader("""
                {"managementMrc": -5, "colour": "red", "accessTiers": [{"upToMbps": 100, "accessMrc": "lots",
                 "portMrc": 1, "accessNrc": 1}]}
                """), "book.json", false));
        assertThat(e.problems())
                .extracting(InputProblem::toString)
                .containsExactlyInAnyOrder(
                        "book.json:1: unknown field 'colour'",
                        "book.json:1: accessTiers[0].accessMrc must be a number, was 'lots'",
                        "book.json:1: managementMrc must be from 0 to 1000000000, was -5");
    }

    @Test
    void a_json_site_list_reads_like_the_csv() throws Exception {
        List<Site> json = SiteJsonReader.read(new StringReader("""
                [
                  {"id": "hq", "city": "Paris", "country": "FR", "role": "hub", "bandwidthMbps": 1000,
                   "realtimePct": 20, "businessPct": 50, "resilience": "srlg-diverse"},
                  {"id": "lyon", "city": "Lyon", "country": "FR", "bandwidthMbps": "200"}
                ]
                """), "sites.json");
        List<Site> csv = SiteCsvReader.read(new StringReader("""
                id,name,city,country,lat,lon,role,bandwidthMbps,realtimePct,businessPct,resilience
                hq,,Paris,FR,,,hub,1000,20,50,srlg-diverse
                lyon,,Lyon,FR,,,,200,,,
                """), "sites.csv");
        assertThat(json).isEqualTo(csv);
        InputException e =
                catchThrowableOfType(InputException.class, () -> SiteJsonReader.read(new StringReader("""
                [
                  {"id": "a", "lat": 48, "lon": 2, "bandwidthMbps": 10, "colour": "red"},
                  {"id": "b", "lat": 48, "lon": 2, "bandwidthMbps": -1}
                ]
                """), "s.json"));
        assertThat(e.problems())
                .extracting(InputProblem::toString)
                .containsExactly(
                        "s.json:2: unknown field 'colour' (known: " + SiteCsvReader.HEADER + ")",
                        "s.json:3: bandwidthMbps must be from 0.064 (64 kbit/s) to 800000 (800 Gbit/s), was -1.0");
    }
}
