package com.example.shop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;

class ReadinessDrainTests {

    @Test
    void stopsBeforeTheWebServersGracefulShutdown() {
        assertThat(new ReadinessDrain(Duration.ZERO).getPhase())
                .isGreaterThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE);
    }

    @Test
    void readsTheDrainFromShopShutdownDrain() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(WebSupportAutoConfiguration.class))
                .withPropertyValues("shop.shutdown.drain=2s")
                .run(context -> assertThat(context.getBean(ReadinessDrain.class).drain()).isEqualTo(Duration.ofSeconds(2)));
    }

    @Test
    void doesNotDrainUnlessAsked() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(WebSupportAutoConfiguration.class))
                .run(context -> assertThat(context.getBean(ReadinessDrain.class).drain()).isZero());
    }
}
