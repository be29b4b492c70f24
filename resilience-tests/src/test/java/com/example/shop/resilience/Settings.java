package com.example.shop.resilience;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the stack under test is and how to hurt it, from system properties (the pom's {@code faults.*}
 * properties). Every address defaults to ./shop's loopback ports.
 */
record Settings(String baseUrl, String pspUrl, String kafka, String jdbcUrl, String dbUser, String dbPassword,
        String imapHost, int imapPort, String adminEmail, String adminPassword, String control, String composeProject,
        Set<String> only, int workers, int killWave, double pace, long seed, Path shopDir, Path shopState,
        Path reportFile) {

    /** The faults, in the order they run. */
    static final Set<String> ALL_FAULTS = new LinkedHashSet<>(
            Arrays.asList("kill", "kafka", "postgres", "psp", "duplicates"));

    static Settings fromSystemProperties() {
        String only = System.getProperty("faults.only", "").strip();
        Set<String> faults = only.isEmpty() ? ALL_FAULTS
                : Arrays.stream(only.split(",")).map(String::strip).filter(ALL_FAULTS::contains)
                        .collect(Collectors.toCollection(LinkedHashSet::new));
        Path shopDir = Path.of(System.getProperty("faults.shopDir", "..")).toAbsolutePath().normalize();
        // The suite's own stack, not the .shop/ of a stack the user runs (see the pom).
        Path shopState = Path.of(System.getProperty("faults.shopState", "target/shop")).toAbsolutePath().normalize();
        return new Settings(
                System.getProperty("faults.baseUrl", "http://localhost:8080"),
                System.getProperty("faults.pspUrl", "http://127.0.0.1:8090"),
                System.getProperty("faults.kafka", "localhost:19092"),
                System.getProperty("faults.jdbcUrl", "jdbc:postgresql://localhost:15432/"),
                System.getProperty("faults.dbUser", "postgres"),
                System.getProperty("faults.dbPassword", "postgres"),
                System.getProperty("faults.imapHost", "localhost"),
                Integer.getInteger("faults.imapPort", 3143),
                System.getProperty("faults.adminEmail", "admin@shop.local"),
                System.getProperty("faults.adminPassword", "admin"),
                control(System.getProperty("faults.control", "shop")),
                System.getProperty("faults.composeProject", "shopci"),
                faults,
                Integer.getInteger("faults.workers", 3),
                Math.max(1, Integer.getInteger("faults.killWave", 3)),
                pace(System.getProperty("faults.pace", "0.5")),
                Long.getLong("faults.seed", System.nanoTime()),
                shopDir,
                shopState,
                Path.of(System.getProperty("faults.reportFile", "target/resilience-report.md")));
    }

    private static String control(String control) {
        if (!control.equals("shop") && !control.equals("compose")) {
            throw new IllegalArgumentException("faults.control must be shop or compose, not " + control);
        }
        return control;
    }

    /** Scales every pause of the fault phases; below 0.25 a fault would be over before the load meets it. */
    private static double pace(String pace) {
        double value = Double.parseDouble(pace.isBlank() ? "1" : pace);
        if (value < 0.25 || value > 4) {
            throw new IllegalArgumentException("faults.pace must be between 0.25 and 4, not " + pace);
        }
        return value;
    }

    /** Loopback only: the suite refuses to send load or faults anywhere else. */
    void requireLoopback() {
        for (String address : new String[] { baseUrl, pspUrl, "//" + kafka, jdbcUrl.replace("jdbc:", ""),
                "//" + imapHost }) {
            String host = java.net.URI.create(address.contains("://") || address.startsWith("//") ? address
                    : "//" + address).getHost();
            if (host == null || !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                    || host.equals("::1"))) {
                throw new IllegalStateException("not a loopback address: " + address
                        + " (the fault suite only ever talks to this machine)");
            }
        }
    }
}
