package org.wanplan.io.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wanplan.io.input.InputException;
import org.wanplan.model.PartnerBook;

class PartnerBookFileTest {
    private static PartnerBook yaml(String text) throws Exception {
        return PartnerBookFile.read(new StringReader(text), "partners.yaml", true);
    }

    @Test
    void countries_override_the_default_and_missing_fields_come_from_it() throws Exception {
        PartnerBook b = yaml("""
                default: {name: local partner, mttrHours: 20}
                countries:
                  GB: {name: Openreach, mttrHours: 15}
                  DE: {name: Deutsche Telekom, availabilityPct: 99.9}
                """);
        assertThat(b.fallback()).isEqualTo(new PartnerBook.Partner("local partner", 20));
        assertThat(b.forCountry(Optional.of("GB"))).isEqualTo(new PartnerBook.Partner("Openreach", 15));
        PartnerBook.Partner de = b.forCountry(Optional.of("DE"));
        assertThat(de.name()).isEqualTo("Deutsche Telekom");
        assertThat(de.mttrHours()).isEqualTo(20); // from the file's default
        assertThat(de.availabilityPct()).hasValue(99.9);
        assertThat(b.forCountry(Optional.of("FR"))).isSameAs(b.fallback());
        assertThat(b.forCountry(Optional.empty())).isSameAs(b.fallback());
    }

    @Test
    void an_empty_book_is_the_default_one() throws Exception {
        assertThat(PartnerBookFile.read(new StringReader("{}"), "p.json", false))
                .isEqualTo(PartnerBook.defaults());
        assertThat(PartnerBook.defaults().fallback().mttrHours()).isEqualTo(15.0);
    }

    @Test
    void every_bad_value_is_named_with_its_line_and_value() {
        assertThatThrownBy(() -> yaml("""
                        default: {name: "", mttrHours: 0}
                        countries:
                          uk: {name: BT}
                          FR: {name: Orange, availabilityPct: 101, repair: 4}
                          ES: [Telefonica]
                        extra: 1
                        """))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("partners.yaml:1")
                .hasMessageContaining("default.name must be text of 1 to 100 characters, was \"\"")
                .hasMessageContaining("default.mttrHours must be a number more than 0 and at most 8766 h, was 0")
                .hasMessageContaining("partners.yaml:3")
                .hasMessageContaining("'uk' is not an ISO 3166-1 alpha-2 code")
                .hasMessageContaining("partners.yaml:4")
                .hasMessageContaining(
                        "countries.FR.availabilityPct must be a number more than 0 and at most 100 %," + " was 101")
                .hasMessageContaining("unknown field 'countries.FR.repair'")
                .hasMessageContaining("partners.yaml:5")
                .hasMessageContaining("countries.ES must be an object")
                .hasMessageContaining("partners.yaml:6")
                .hasMessageContaining("unknown field 'extra'");
    }

    @Test
    void malformed_json_names_its_line() {
        assertThatThrownBy(() ->
                        PartnerBookFile.read(new StringReader("{\"default\": {\"mttrHours\": 4,}\n}"), "p.json", false))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("p.json:1");
        assertThatThrownBy(() -> PartnerBookFile.read(new StringReader("[1]"), "p.json", false))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("a partner book is an object of fields [countries, default]");
    }
}
