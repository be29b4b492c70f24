package com.example.shop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.MapPropertySource;

/** Messaging adds {@code deadletters} to the actuator's web exposure, and only adds. */
class DeadLettersExposureTests {

    private static String exposureAfterwards(Map<String, Object> settings) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("application", settings));
        new DeadLettersExposure().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty(DeadLettersExposure.INCLUDE);
    }

    @Test
    void addsTheEndpointToWhatTheServiceExposes() {
        assertThat(exposureAfterwards(Map.of(DeadLettersExposure.INCLUDE, "health,info")))
                .isEqualTo("health,info,deadletters");
    }

    @Test
    void addsTheEndpointToAListWrittenAsYamlItems() {
        assertThat(exposureAfterwards(Map.of(DeadLettersExposure.INCLUDE + "[0]", "health",
                DeadLettersExposure.INCLUDE + "[1]", "info"))).isEqualTo("health,info,deadletters");
    }

    @Test
    void addsTheEndpointToBootsDefaultWhenTheServiceSaysNothing() {
        assertThat(exposureAfterwards(Map.of())).isEqualTo("health,deadletters");
    }

    @Test
    void leavesAnExposureOfEverythingAlone() {
        assertThat(exposureAfterwards(Map.of(DeadLettersExposure.INCLUDE, "*"))).isEqualTo("*");
    }

    @Test
    void leavesTheExposureAloneWhenTheServiceTurnsItOff() {
        assertThat(exposureAfterwards(Map.of(DeadLettersExposure.INCLUDE, "health,info",
                "shop.messaging.dead-letters.exposed", "false"))).isEqualTo("health,info");
    }
}
