package io.sygnify.analysis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderWordsTest {

    @Test
    void foreignHeaderWordsArePutInEnglishAndOthersKeptInSnakeCase() {
        assertThat(HeaderWords.english("Betrag")).isEqualTo("amount");
        assertThat(HeaderWords.english("Saldo (EUR)")).isEqualTo("balance_eur");
        assertThat(HeaderWords.english("Buchungstag")).isEqualTo("date");
        assertThat(HeaderWords.english("Umsätze")).isEqualTo("revenue");
        assertThat(HeaderWords.english("Quantité")).isEqualTo("quantity");
        assertThat(HeaderWords.english("Gebühr")).isEqualTo("fee");
        assertThat(HeaderWords.english("Währung")).isEqualTo("wahrung");
        assertThat(HeaderWords.english("Net Sales")).isEqualTo("net_sales");
        assertThat(HeaderWords.english("netSales")).isEqualTo("net_sales");
        assertThat(HeaderWords.english("  unit-price ")).isEqualTo("unit_price");
    }

    @Test
    void namePatternsReadForeignHeaders() {
        assertThat(AnalysisContext.matches(java.util.regex.Pattern.compile("price"), "Verkaufs Preis")).isTrue();
        assertThat(AnalysisContext.matches(java.util.regex.Pattern.compile("price"), "Preisliste")).isFalse();
    }
}
