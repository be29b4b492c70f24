package com.example.shop.gateway.routing;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResiliencePropertiesTests {

    private final ResilienceProperties properties = new ResilienceProperties(Duration.ofSeconds(5),
            Map.of("order-service", Duration.ofSeconds(15)), 50, 20, 10, Duration.ofSeconds(10));

    @Test
    void routeWithItsOwnTimeLimitUsesIt() {
        assertThat(properties.timeoutFor("order-service")).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void otherRoutesUseTheDefaultTimeLimit() {
        assertThat(properties.timeoutFor("catalog-service")).isEqualTo(Duration.ofSeconds(5));
    }
}
