package com.example.shop.benchmark;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's settings, from {@code --name=value} arguments (./shop bench passes its own through). The
 * defaults measure a ./shop stack on this machine; {@code --smoke} shrinks everything to a few seconds, to show
 * the benchmark still works (CI), not to measure.
 */
record Options(String baseUrl, String catalogUrl, Path state, String jdbcUrl, String adminEmail, String adminPassword,
        List<Integer> checkoutUsers, List<Integer> sessionUsers, List<Integer> searchUsers, Duration warmup,
        Duration settle, Duration window, Duration ceilingWindow, Path report, boolean smoke) {

    static final String USAGE = """
            Options (--name=value):
              --base-url        the gateway (default http://localhost:8080; loopback only)
              --catalog-url     catalog-service itself, to compare a product read through the gateway with one
                                straight at the service (default http://127.0.0.1:8082; none to skip)
              --state           ./shop's state directory, for CPU and memory per component (default .shop;
                                --state=none for a stack that is not ./shop's)
              --jdbc            the stack's PostgreSQL, for commits (default jdbc:postgresql://127.0.0.1:15432/postgres;
                                --jdbc=none to skip)
              --admin-email, --admin-password   the back office login that creates the benchmark's products
              --checkout-users  concurrencies of the checkout loop (default 1,4,16,32,64; none to skip)
              --session-users   concurrencies of the buy session (default 16,32,64; none to skip)
              --search-users    concurrencies of the catalogue search and of the product reads (default 16; none
                                to skip)
              --warmup          buy sessions at 8 users before measuring (default 60s)
              --settle          per level, before its window opens (default 5s)
              --duration        each level's measurement window (default 20s)
              --report          where the table is written as well (default benchmark/target/benchmark-report.md)
              --smoke           a few seconds of each scenario at 2 users: shows it works, measures nothing
            """;

    static Options parse(String... args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("not an option: " + arg);
            }
            int equals = arg.indexOf('=');
            given.put(equals < 0 ? arg.substring(2) : arg.substring(2, equals), equals < 0 ? "true" : arg.substring(equals + 1));
        }
        boolean smoke = Boolean.parseBoolean(given.remove("smoke"));
        Options options = new Options(
                take(given, "base-url", "http://localhost:8080"),
                none(take(given, "catalog-url", "http://127.0.0.1:8082")),
                path(take(given, "state", ".shop")),
                none(take(given, "jdbc", "jdbc:postgresql://127.0.0.1:15432/postgres")),
                take(given, "admin-email", System.getenv().getOrDefault("SHOP_ADMIN_EMAIL", "admin@shop.local")),
                take(given, "admin-password", System.getenv().getOrDefault("SHOP_ADMIN_PASSWORD", "admin")),
                users(take(given, "checkout-users", smoke ? "2" : "1,4,16,32,64")),
                users(take(given, "session-users", smoke ? "2" : "16,32,64")),
                users(take(given, "search-users", smoke ? "2" : "16")),
                duration(take(given, "warmup", smoke ? "2s" : "60s")),
                duration(take(given, "settle", smoke ? "1s" : "5s")),
                duration(take(given, "duration", smoke ? "3s" : "20s")),
                smoke ? Duration.ofSeconds(2) : Duration.ofSeconds(10),
                Path.of(take(given, "report", "benchmark/target/benchmark-report.md")),
                smoke);
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown options: " + given.keySet());
        }
        options.requireLoopback();
        return options;
    }

    int mostUsers() {
        return List.of(checkoutUsers, sessionUsers, searchUsers, List.of(8)).stream().flatMap(List::stream)
                .mapToInt(Integer::intValue).max().orElse(1);
    }

    /** Load goes to this machine only (the network rule of load tests). */
    private void requireLoopback() {
        check(URI.create(baseUrl).getHost());
        if (catalogUrl != null) {
            check(URI.create(catalogUrl).getHost());
        }
        if (jdbcUrl != null) {
            check(URI.create(jdbcUrl.substring("jdbc:".length())).getHost());
        }
    }

    private static void check(String host) {
        if (host == null || !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
            throw new IllegalArgumentException("the benchmark sends load to loopback only, not to " + host);
        }
    }

    private static String take(Map<String, String> given, String name, String fallback) {
        String value = given.remove(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String none(String value) {
        return value.equals("none") ? null : value;
    }

    private static Path path(String value) {
        return value.equals("none") ? null : Path.of(value).toAbsolutePath();
    }

    private static List<Integer> users(String value) {
        if (value.equals("none")) {
            return List.of();
        }
        List<Integer> users = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Integer::parseInt).toList();
        if (users.stream().anyMatch(n -> n < 1 || n > 512)) {
            throw new IllegalArgumentException("users must be between 1 and 512: " + value);
        }
        return users;
    }

    static Duration duration(String value) {
        String v = value.strip().toLowerCase();
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
        }
        if (v.endsWith("m")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 60_000));
        }
        throw new IllegalArgumentException("not a duration (e.g. 20s, 500ms, 2m): " + value);
    }
}
