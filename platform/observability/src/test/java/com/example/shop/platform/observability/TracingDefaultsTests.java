package com.example.shop.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class TracingDefaultsTests {

    private static StandardEnvironment environment(Map<String, Object> given) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("given", given));
        new TracingDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void sendsSpansToTheZipkinTheShopNames() {
        var environment = environment(Map.of("SHOP_ZIPKIN_URL", "http://127.0.0.1:9411/"));

        assertThat(environment.getProperty("management.tracing.export.zipkin.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("management.tracing.export.zipkin.endpoint"))
                .isEqualTo("http://127.0.0.1:9411/api/v2/spans");
    }

    @Test
    void sendsNothingWhenNoZipkinIsNamed() {
        var environment = environment(Map.of());

        assertThat(environment.getProperty("management.tracing.export.zipkin.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
        assertThat(environment.getProperty("spring.kafka.listener.observation-enabled")).isEqualTo("true");
        assertThat(environment.getProperty("management.observations.enable.spring.security")).isEqualTo("false");
    }

    @Test
    void aServiceOrTheEnvironmentMayChangeAnyOfThem() {
        var environment = environment(Map.of("management.tracing.sampling.probability", "0.25",
                "SHOP_ZIPKIN_URL", "http://zipkin:9411", "management.tracing.export.zipkin.enabled", "false"));

        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.25");
        assertThat(environment.getProperty("management.tracing.export.zipkin.enabled")).isEqualTo("false");
    }
}
