package com.example.shop.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextQueryTests {

    @Test
    void makesEveryWordARequiredPrefix() {
        assertThat(TextQuery.of("Organic  Tee")).contains("'organic':* & 'tee':*");
    }

    @Test
    void keepsInnerDashesSoSkusMatch() {
        assertThat(TextQuery.of("kit-00")).contains("'kit-00':*");
        assertThat(TextQuery.of("--kit--00--")).contains("'kit-00':*");
    }

    @Test
    void dropsEveryTsqueryOperatorAndQuote() {
        assertThat(TextQuery.of("'&|!:*()")).isEmpty();
        assertThat(TextQuery.of("a:*B & !c | (d) <-> e\\'")).contains("'a':* & 'b':* & 'c':* & 'd':* & 'e':*");
    }

    @Test
    void keepsLettersOfEveryLanguage() {
        assertThat(TextQuery.of("Café ÉTÉ")).contains("'café':* & 'été':*");
    }

    @Test
    void boundsTheNumberAndLengthOfWords() {
        assertThat(TextQuery.of("a b c d e f g h i j k").orElseThrow().split("&")).hasSize(TextQuery.MAX_WORDS);
        assertThat(TextQuery.of("x".repeat(100))).contains("'" + "x".repeat(TextQuery.MAX_WORD_LENGTH) + "':*");
        assertThat(TextQuery.of("tee TEE tee")).contains("'tee':*");
    }
}
