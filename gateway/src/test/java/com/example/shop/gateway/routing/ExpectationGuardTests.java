package com.example.shop.gateway.routing;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ExpectationGuardTests {

    @Test
    void meetsNoExpectationAtAll() {
        assertThat(ExpectationGuard.canMeet(null)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "100-continue", "100-Continue", " 100-continue " })
    void meets100ContinueWhateverItsCase(String expectation) {
        assertThat(ExpectationGuard.canMeet(List.of(expectation))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "tea", "", "100-continue, tea", "100-continue;x=1", "200-ok" })
    void cannotMeetAnyOtherExpectation(String expectation) {
        assertThat(ExpectationGuard.canMeet(List.of(expectation))).isFalse();
    }

    @Test
    void cannotMeetASecondExpectHeaderThatAsksForSomethingElse() {
        assertThat(ExpectationGuard.canMeet(List.of("100-continue", "tea"))).isFalse();
    }
}
