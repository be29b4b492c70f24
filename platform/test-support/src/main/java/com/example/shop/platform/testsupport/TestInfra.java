package com.example.shop.platform.testsupport;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import org.testcontainers.DockerClientFactory;

/**
 * Chooses where {@link TestPostgres} and {@link TestKafka} get their servers from. Embedded is the default
 * because it needs no Docker; Testcontainers is used only when asked for explicitly with
 * {@code SHOP_TEST_INFRA=testcontainers} (or {@code -Dshop.test.infra=testcontainers}), never merely because a
 * Docker engine answers: an engine that cannot pull images would make every test wait minutes for retries.
 */
final class TestInfra {

    static final String MODE_ENV = "SHOP_TEST_INFRA";
    static final String MODE_PROPERTY = "shop.test.infra";

    /** One bounded pull attempt; Testcontainers' own pull retries for minutes on an unreachable registry. */
    private static final Duration PULL_TIMEOUT = Duration.ofSeconds(120);

    private TestInfra() {
    }

    static boolean containers() {
        String mode = setting(MODE_PROPERTY, MODE_ENV, "embedded").trim().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "testcontainers", "containers", "docker" -> true;
            case "embedded", "" -> false;
            default -> throw new IllegalStateException(
                    MODE_ENV + " must be 'embedded' (the default) or 'testcontainers', not '" + mode + "'");
        };
    }

    /** A system property wins over the environment variable, which wins over the default. */
    static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /**
     * Makes sure {@code image} is in the local Docker engine before a container is created from it: present
     * means no registry is contacted at all; absent means one pull with a deadline, and a clear failure
     * instead of Testcontainers' minutes of retries.
     */
    static void requireImage(String image, String overrideEnv) {
        DockerClient docker;
        try {
            docker = DockerClientFactory.instance().client();
        }
        catch (RuntimeException ex) {
            throw new IllegalStateException(MODE_ENV + "=testcontainers but no usable Docker engine was found ("
                    + ex.getMessage() + "). Start Docker or unset " + MODE_ENV + " to use the embedded servers.", ex);
        }
        try {
            docker.inspectImageCmd(image).exec();
            return;
        }
        catch (NotFoundException absent) {
            // pulled below, once
        }
        try {
            boolean done = docker.pullImageCmd(image).start().awaitCompletion(PULL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!done) {
                throw new IllegalStateException("pull did not finish within " + PULL_TIMEOUT.toSeconds() + " s");
            }
            docker.inspectImageCmd(image).exec();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pulling " + image, ex);
        }
        catch (RuntimeException ex) {
            throw new IllegalStateException("Docker image " + image + " is not present locally and could not be pulled ("
                    + ex.getMessage() + "). Build or load it, point " + overrideEnv + " at an image that is present, or unset "
                    + MODE_ENV + " to use the embedded servers.", ex);
        }
    }
}
