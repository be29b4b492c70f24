package com.example.shop.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTests {

    @Test
    void measuresTheIssuesConcurrenciesByDefault() {
        Options options = Options.parse();

        assertThat(options.checkoutUsers()).containsExactly(1, 4, 16, 32, 64);
        assertThat(options.sessionUsers()).containsExactly(16, 32, 64);
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.mostUsers()).isEqualTo(64);
        assertThat(options.smoke()).isFalse();
    }

    @Test
    void aSmokeRunTakesSecondsAtTwoUsers() {
        Options options = Options.parse("--smoke");

        assertThat(options.checkoutUsers()).containsExactly(2);
        assertThat(options.window()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.mostUsers()).isEqualTo(8);
    }

    @Test
    void readsLevelsDurationsAndTheStacksWhereabouts() {
        Options options = Options.parse("--checkout-users=8,24", "--duration=1.5m", "--settle=500ms",
                "--state=none", "--jdbc=none", "--base-url=http://127.0.0.1:38080");

        assertThat(options.checkoutUsers()).isEqualTo(List.of(8, 24));
        assertThat(options.window()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.settle()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.state()).isNull();
        assertThat(options.jdbcUrl()).isNull();
    }

    @Test
    void noneSkipsAScenario() {
        Options options = Options.parse("--checkout-users=none", "--session-users=64", "--search-users=none");

        assertThat(options.checkoutUsers()).isEmpty();
        assertThat(options.searchUsers()).isEmpty();
        assertThat(options.mostUsers()).isEqualTo(64);
    }

    @Test
    void sendsLoadToLoopbackOnly() {
        assertThatThrownBy(() -> Options.parse("--base-url=http://shop.example.com")).hasMessageContaining("loopback");
        assertThatThrownBy(() -> Options.parse("--jdbc=jdbc:postgresql://10.0.0.5:5432/postgres"))
                .hasMessageContaining("loopback");
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> Options.parse("--users=5")).hasMessageContaining("unknown options");
        assertThatThrownBy(() -> Options.parse("--checkout-users=0")).hasMessageContaining("between 1 and 512");
        assertThatThrownBy(() -> Options.parse("--duration=soon")).hasMessageContaining("not a duration");
    }

    @Test
    void percentilesAreTheNearestRankOfTheSortedLatencies() {
        List<Double> latencies = java.util.stream.IntStream.rangeClosed(1, 200).mapToObj(i -> (double) i).toList();
        ClosedLoop.Result result = new ClosedLoop.Result(new Scenario.Search(), 4, Duration.ofSeconds(10), 200, 0,
                latencies, Map.of(), new StackProbe.Delta(Map.of(), 0), 400);

        assertThat(result.percentile(50)).isEqualTo(100.0);
        assertThat(result.percentile(99)).isEqualTo(198.0);
        assertThat(result.perSecond()).isEqualTo(20.0);
    }
}
