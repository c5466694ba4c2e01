package org.wanplan.io.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wanplan.io.input.InputException;
import org.wanplan.io.input.InputProblem;
import org.wanplan.model.Resilience;
import org.wanplan.model.Site;
import org.wanplan.model.SiteRole;

class SiteInputTest {
    private static final String HEADER =
            "id,name,city,country,lat,lon,role,bandwidthMbps,realtimePct,businessPct,resilience\n";

    @Test
    void cities_resolve_offline_ignoring_case_and_accents() {
        Gazetteer g = Gazetteer.get();
        Gazetteer.Match koln = g.find("koln", "DE");
        assertThat(koln).isInstanceOf(Gazetteer.Match.Found.class);
        // GeoNames 2886242 Köln: 50.93333, 6.95
        assertThat(((Gazetteer.Match.Found) koln).place().location().latitude()).isCloseTo(50.93, within(0.01));
        assertThat(g.find("Koeln", "DE")).isInstanceOf(Gazetteer.Match.Found.class);
        Gazetteer.Match typo = g.find("Pariss", "FR");
        assertThat(((Gazetteer.Match.Unknown) typo).closest())
                .extracting(Gazetteer.Place::name)
                .contains("Paris");
        Gazetteer.Match two = g.find("Newport", "GB");
        assertThat(((Gazetteer.Match.Ambiguous) two).candidates()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void a_site_list_reads_with_defaults() throws Exception {
        List<Site> sites = SiteCsvReader.read(new StringReader(HEADER + """
                hq,Head office,Paris,FR,,,hub,1000,20,50,srlg-diverse
                lyon,,Lyon,fr,,,,200,,,
                boat,Harbour,,,43.2965,5.3698,spoke,50,0,0,dual-access
                """), "sites.csv");
        assertThat(sites).hasSize(3);
        Site hq = sites.get(0);
        assertThat(hq.role()).isEqualTo(SiteRole.HUB);
        assertThat(hq.resilience()).isEqualTo(Resilience.SRLG_DIVERSE);
        assertThat(hq.bestEffortPct()).isEqualTo(30);
        Site lyon = sites.get(1);
        assertThat(lyon.name()).isEqualTo("lyon");
        assertThat(lyon.role()).isEqualTo(SiteRole.SPOKE);
        assertThat(lyon.realtimePct()).isZero();
        assertThat(lyon.businessPct()).isEqualTo(100);
        assertThat(lyon.resilience()).isEqualTo(Resilience.SINGLE);
        assertThat(lyon.country()).contains("FR");
        assertThat(sites.get(2).location().longitude()).isEqualTo(5.3698);
    }

    @Test
    void every_bad_row_is_reported_and_nothing_is_returned() {
        InputException e = catchThrowableOfType(
                InputException.class, () -> SiteCsvReader.read(new StringReader(HEADER + """
                a,,Pariss,FR,,,,100,,,
                b,,Paris,FR,,,,0,,,
                a,,Lyon,FR,,,,100,,,
                c,,Lyon,FR,,,boss,100,,,triple
                d,,,,,,,100,,,
                e,,Newport,GB,,,,100,,,
                f,,Lyon,FR,,,,100,80,40,
                """), "sites.csv"));
        List<String> problems =
                e.problems().stream().map(InputProblem::toString).toList();
        assertThat(problems.get(0)).startsWith("sites.csv:2: city 'Pariss' not found in FR; closest: Paris (");
        assertThat(problems)
                .contains(
                        "sites.csv:3: bandwidthMbps must be from 0.064 (64 kbit/s) to 800000 (800 Gbit/s), was 0.0",
                        "sites.csv:4: duplicate site id 'a'",
                        "sites.csv:5: role must be hub or spoke, was 'boss'",
                        "sites.csv:5: resilience must be single, dual-access, dual-access-diverse, pop-diverse or srlg-diverse,"
                                + " was 'triple'",
                        "sites.csv:6: give city and country, or lat and lon",
                        "sites.csv:8: realtimePct + businessPct must be ≤ 100, was 120.0");
        assertThat(problems).anyMatch(p -> p.startsWith("sites.csv:7: city 'Newport' is ambiguous in GB: Newport ("));
        assertThat(problems).hasSize(8);
    }

    @Test
    void the_header_must_be_exactly_the_documented_one() {
        InputException e = catchThrowableOfType(
                InputException.class,
                () -> SiteCsvReader.read(
                        new StringReader(
                                "id,name,country,city,lat,lon,role,bandwidthMbps,realtimePct,businessPct,resilience\na,,FR,Paris,,,,1,,,\n"),
                        "s.csv"));
        assertThat(e.problems())
                .singleElement()
                .asString()
                .startsWith("s.csv:1: header must be exactly id,name,city,country");
    }
}
