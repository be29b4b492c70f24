package com.example.shop.resilience;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Hurts the stack under test the way production gets hurt: a service's JVM dies (SIGKILL, no shutdown hook),
 * a server restarts, the payment provider slows down or fails. {@code faults.control} says which stack:
 * {@code shop} ({@link ShopControl}, the JVMs of ./shop) or {@code compose} ({@link ComposeControl}, the
 * containers of one compose project on this machine's Docker engine).
 */
abstract class StackControl {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** The output of the commands that made the faults (./shop, docker), of this run only. */
    final Path log;
    private final Http psp;
    private final String pspUrl;

    StackControl(Settings settings) {
        this.log = settings.reportFile().resolveSibling("shop-control.log");
        this.psp = new Http(settings.pspUrl());
        this.pspUrl = settings.pspUrl();
        try {
            Files.deleteIfExists(log);
        }
        catch (IOException ex) {
            throw new IllegalStateException("cannot remove the previous " + log, ex);
        }
    }

    static StackControl of(Settings settings) {
        return settings.control().equals("compose") ? new ComposeControl(settings) : new ShopControl(settings);
    }

    static void say(String message) {
        System.out.printf("[faults %s] %s%n", TIME.format(LocalTime.now()), message);
        System.out.flush();
    }

    /** Each component's JVM dies at once (SIGKILL); returns once every one of them is healthy again. */
    abstract void killAndRestart(List<String> components);

    /** A server (kafka, postgres) is stopped and started again; returns once it is healthy. */
    abstract void restart(String name);

    /** Changes the payment simulator's injected failure rate and latency ({@code PUT /simulator/faults}). */
    void pspFaults(double failureRate, String latency) {
        var answer = psp.send("PUT", pspUrl + "/simulator/faults", null,
                Map.of("failureRate", failureRate, "latency", latency), Map.of());
        if (!answer.ok()) {
            throw new IllegalStateException("PUT /simulator/faults: " + answer.describe());
        }
        say("payment provider: failureRate " + failureRate + ", latency " + latency);
    }
}
