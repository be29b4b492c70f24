package com.example.shop.platform.postgres;

import java.time.Duration;
import java.util.Locale;

/**
 * What a slow step of a start is doing (extracting binaries, creating a data directory), one line each.
 * {@code ./shop} shows the lines that start with {@link #PREFIX} while it waits for the server.
 */
@FunctionalInterface
public interface Progress {

    String PREFIX = "==> ";

    void step(String message);

    static Progress toStandardOutput() {
        return message -> System.out.println(PREFIX + message);
    }

    static Progress silent() {
        return message -> {
        };
    }

    /** The time since {@code startedNanos} ({@link System#nanoTime()}), e.g. "4.2 s". */
    static String since(long startedNanos) {
        return String.format(Locale.ROOT, "%.1f s", Duration.ofNanos(System.nanoTime() - startedNanos).toMillis() / 1000.0);
    }
}
