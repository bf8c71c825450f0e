package io.sygnify.analysis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void percentagesKeepTheDigitsThatMatterAndNeverRoundUpToAll() {
        assertThat(Text.percent(1)).isEqualTo("100 %");
        assertThat(Text.percent(0.995)).isEqualTo("99.5 %");
        assertThat(Text.percent(0.9999)).isEqualTo("99.9 %");
        assertThat(Text.percent(0.994)).isEqualTo("99 %");
        assertThat(Text.percent(0.123)).isEqualTo("12 %");
        assertThat(Text.percent(0.05)).isEqualTo("5 %");
        assertThat(Text.percent(0.0123)).isEqualTo("1.2 %");
        assertThat(Text.percent(0.00123)).isEqualTo("0.12 %");
        assertThat(Text.percent(-0.2)).isEqualTo("-20 %");
        assertThat(Text.percent(-0.997)).isEqualTo("-99.7 %");
    }

    @Test
    void countsTakeTheirNounInTheRightNumber() {
        assertThat(Text.count(1, "row")).isEqualTo("1 row");
        assertThat(Text.count(0, "row")).isEqualTo("0 rows");
        assertThat(Text.count(2500, "placeholder value")).isEqualTo("2,500 placeholder values");
    }
}
