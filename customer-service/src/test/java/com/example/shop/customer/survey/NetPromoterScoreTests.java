package com.example.shop.customer.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NetPromoterScoreTests {

    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");

    @ParameterizedTest(name = "{0} promoters, {1} passives, {2} detractors -> {3}")
    @CsvSource({ "1, 0, 0, 100", "0, 0, 1, -100", "1, 1, 1, 0", "2, 1, 1, 25", "1, 1, 0, 50", "1, 0, 2, -33",
            "2, 0, 1, 33", "1, 6, 1, 0", "1, 0, 7, -75", "1, 2, 5, -50", "1, 5, 2, -13", "2, 5, 1, 13" })
    void isThePercentageOfPromotersMinusThatOfDetractorsRoundedHalfAwayFromZero(long promoters, long passives,
            long detractors, int nps) {
        var score = NetPromoterScore.of(FROM, TO, promoters, passives, detractors);

        assertThat(score.nps()).isEqualTo(nps);
        assertThat(score.responses()).isEqualTo(promoters + passives + detractors);
    }

    @Test
    void hasNoScoreWithoutResponses() {
        assertThat(NetPromoterScore.of(FROM, TO, 0, 0, 0).nps()).isNull();
    }
}
