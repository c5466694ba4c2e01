package org.wanplan.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditDistanceTest {
    @Test
    void levenshtein_counts_the_fewest_edits() {
        // the textbook pair: kitten → sitten (substitute) → sittin (substitute) → sitting (insert)
        assertThat(EditDistance.levenshtein("kitten", "sitting")).isEqualTo(3);
        assertThat(EditDistance.levenshtein("sitting", "kitten")).isEqualTo(3);
        assertThat(EditDistance.levenshtein("", "abc")).isEqualTo(3);
        assertThat(EditDistance.levenshtein("paris", "paris")).isZero();
        assertThat(EditDistance.levenshtein("pariss", "paris")).isEqualTo(1);
        assertThat(EditDistance.levenshtein("flaw", "lawn")).isEqualTo(2);
    }
}
