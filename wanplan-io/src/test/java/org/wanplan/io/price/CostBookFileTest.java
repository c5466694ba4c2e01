package org.wanplan.io.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wanplan.io.input.InputException;
import org.wanplan.model.CostBook;

class CostBookFileTest {
    private static CostBook yaml(String text) throws Exception {
        return CostBookFile.read(new StringReader(text), "costs.yaml", true);
    }

    @Test
    void a_full_book_is_read_and_its_countries_fall_back_to_the_default() throws Exception {
        CostBook b = yaml("""
                currency: EUR
                ownTiers:
                  - {upToMbps: 100, accessMrc: 100, accessNrc: 400, portMrc: 30}
                  - {upToMbps: 1000, accessMrc: 200, accessNrc: 600, portMrc: 60}
                managementMrc: 20
                installNrc: 500
                backboneMrcPerGbpsKm: 0.025
                partners:
                  default: [{upToMbps: 1000, mrc: 300, nrc: 1000, mrcPerKm: 2}]
                  GB: [{upToMbps: 100, mrc: 150, nrc: 800}]
                """);
        assertThat(b.ownTier(200).orElseThrow().portMrc()).isEqualByComparingTo("60");
        assertThat(b.ownTier(1001)).isEmpty();
        assertThat(b.managementMrc()).isEqualByComparingTo("20");
        assertThat(b.installNrc()).isEqualByComparingTo("500");
        assertThat(b.backboneMrcPerGbpsKm()).isEqualByComparingTo("0.025");
        assertThat(b.nearNetBuildPerKm()).isEqualByComparingTo(CostBook.DEFAULT_NEAR_NET_BUILD_PER_KM);
        CostBook.PartnerTier gb = b.partnerTier(Optional.of("GB"), 100).orElseThrow();
        assertThat(gb.mrc()).isEqualByComparingTo("150");
        assertThat(gb.mrcPerKm()).isEqualByComparingTo(BigDecimal.ZERO); // left out: 0
        assertThat(b.partnerTier(Optional.of("GB"), 1000)).isEmpty(); // GB's own list, not the default's
        assertThat(b.partnerTier(Optional.of("FR"), 1000).orElseThrow().mrcPerKm())
                .isEqualByComparingTo("2");
        assertThat(b.partnerTier(Optional.empty(), 10).orElseThrow().nrc()).isEqualByComparingTo("1000");
    }

    @Test
    void the_same_book_reads_from_json() throws Exception {
        CostBook b = CostBookFile.read(new StringReader("""
                        {"currency": "GBP", "ownTiers": [{"upToMbps": 1000, "accessMrc": 1, "accessNrc": 2,
                          "portMrc": 3}], "managementMrc": 4, "installNrc": 5,
                         "partners": {"default": [{"upToMbps": 1000, "mrc": 6, "nrc": 7}]}}
                        """), "c.json", false);
        assertThat(b.currency()).isEqualTo("GBP");
        assertThat(b.backboneMrcPerGbpsKm()).isEqualByComparingTo("0.0125");
    }

    @Test
    void a_book_without_its_required_figures_names_each_one() {
        assertThatThrownBy(() -> yaml("nearNetBuildPerKm: 25000\n"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("currency is missing")
                .hasMessageContaining("ownTiers is missing")
                .hasMessageContaining("managementMrc is missing")
                .hasMessageContaining("installNrc is missing")
                .hasMessageContaining("partners is missing");
        assertThatThrownBy(() -> yaml("""
                        currency: EUR
                        ownTiers: [{upToMbps: 100, accessMrc: 1, accessNrc: 1, portMrc: 1}]
                        managementMrc: 1
                        installNrc: 1
                        partners:
                          GB: [{upToMbps: 100, mrc: 1, nrc: 1}]
                        """))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("costs.yaml:6") // where the partners' mapping starts
                .hasMessageContaining("partners.default is missing");
    }

    @Test
    void every_bad_value_is_named_with_its_line_and_value() {
        assertThatThrownBy(() -> yaml("""
                        currency: euro
                        ownTiers:
                          - {upToMbps: 1000, accessMrc: 1, accessNrc: 1, portMrc: 1}
                          - {upToMbps: 100, accessMrc: -5, accessNrc: 1, portMrc: 1, colour: red}
                        managementMrc: lots
                        installNrc: 1
                        partners:
                          default: [{upToMbps: 0, mrc: 1, nrc: 1}]
                          uk: [{upToMbps: 100, mrc: 1, nrc: 1}]
                          FR: []
                          DE: {upToMbps: 100}
                        extra: 1
                        """))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("costs.yaml:1")
                .hasMessageContaining("currency must be an ISO 4217 code such as EUR, was \"euro\"")
                .hasMessageContaining("costs.yaml:4")
                .hasMessageContaining("ownTiers[1].upToMbps must be above the one before (1000.0), was 100.0")
                .hasMessageContaining("ownTiers[1].accessMrc must be from 0 to 1000000000, was -5")
                .hasMessageContaining("unknown field 'ownTiers[1].colour'")
                .hasMessageContaining("costs.yaml:5")
                .hasMessageContaining("managementMrc must be a number, was 'lots'")
                .hasMessageContaining("costs.yaml:8")
                .hasMessageContaining("partners.default[0].upToMbps must be > 0, was 0")
                .hasMessageContaining("costs.yaml:9")
                .hasMessageContaining("'uk' is neither 'default' nor an ISO 3166-1 alpha-2 code")
                .hasMessageContaining("costs.yaml:10")
                .hasMessageContaining("partners.FR must not be empty")
                .hasMessageContaining("costs.yaml:11")
                .hasMessageContaining("partners.DE must be a list")
                .hasMessageContaining("costs.yaml:12")
                .hasMessageContaining("unknown field 'extra'");
    }

    @Test
    void a_document_that_is_not_an_object_is_refused_at_line_1() {
        assertThatThrownBy(() -> yaml("- 1\n- 2\n"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("costs.yaml:1")
                .hasMessageContaining("a cost book is an object of fields");
    }
}
