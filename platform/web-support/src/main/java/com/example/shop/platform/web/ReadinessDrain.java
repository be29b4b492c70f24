package com.example.shop.platform.web;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Holds the shutdown for {@code shop.shutdown.drain} while the server still answers, so that a load balancer or an
 * orchestrator's probe sees readiness DOWN before the server stops taking connections.
 *
 * <p>Boot's servlet web server context publishes {@code ReadinessState.REFUSING_TRAFFIC} as soon as it starts
 * closing, before any lifecycle bean stops; this bean stops first of all (highest phase, above the web server's
 * graceful shutdown and the Kafka listeners), so during the drain {@code /actuator/health/readiness} answers 503
 * and every other request is still served. Graceful shutdown then lets the requests in flight finish. The default
 * of zero keeps local stops and tests fast, and suits ./shop and compose, where nothing routes by readiness; a
 * deployment whose load balancer does (Kubernetes) sets {@code SHOP_SHUTDOWN_DRAIN} longer than the readiness
 * probe's period. Servlet services only: the gateway (WebFlux) has no drain.
 */
final class ReadinessDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReadinessDrain.class);

    private final Duration drain;

    private volatile boolean running;

    ReadinessDrain(Duration drain) {
        this.drain = drain.isNegative() ? Duration.ZERO : drain;
    }

    Duration drain() {
        return drain;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        if (drain.isZero()) {
            return;
        }
        log.info("Readiness is down; draining for {} before the web server stops", drain);
        try {
            Thread.sleep(drain);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
