package com.example.shop.platform.messaging;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Adds {@code deadletters} to the web exposure of actuator endpoints, so every service that uses messaging
 * can inspect and redrive its dead letters without each one listing the endpoint. It only ever adds: the
 * service's own list stays as it is ({@code health,info} stays exposed, nothing else joins), {@code *} is
 * left alone, {@code management.endpoints.web.exposure.exclude=deadletters} still wins, and
 * {@code shop.messaging.dead-letters.exposed=false} turns this off. The endpoint checks the caller's role
 * itself (see {@link DeadLettersEndpoint}).
 *
 * <p>Runs after the configuration files are loaded; property sources added later (a test's
 * {@code @DynamicPropertySource}) are not seen.
 */
public class DeadLettersExposure implements EnvironmentPostProcessor, Ordered {

    static final String INCLUDE = "management.endpoints.web.exposure.include";
    static final String ENDPOINT = "deadletters";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Binder binder = Binder.get(environment);
        if (!binder.bind("shop.messaging.dead-letters.exposed", Boolean.class).orElse(true)) {
            return;
        }
        // Boot exposes only health when the service says nothing.
        Set<String> include = new LinkedHashSet<>(
                binder.bind(INCLUDE, Bindable.setOf(String.class)).orElse(Set.of("health")));
        if (include.contains("*") || include.contains(ENDPOINT)) {
            return;
        }
        include.add(ENDPOINT);
        environment.getPropertySources().addFirst(
                new MapPropertySource("shopMessagingDeadLettersExposure", Map.of(INCLUDE, String.join(",", include))));
    }

    @Override
    public int getOrder() {
        // After ConfigDataEnvironmentPostProcessor (Ordered.HIGHEST_PRECEDENCE + 10) has read application.yml.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
