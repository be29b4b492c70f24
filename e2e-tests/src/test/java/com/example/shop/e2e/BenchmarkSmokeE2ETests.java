package com.example.shop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * {@code ./shop bench --smoke}: a few seconds of each scenario, so the benchmark keeps working (it measures
 * nothing at this size). Against ./shop's stack it also reads CPU, memory and commits; against another stack
 * (compose) only what the gateway answers.
 */
class BenchmarkSmokeE2ETests {

    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();

    @Test
    void runsEveryScenarioWithoutAnErrorAndPrintsItsTable() throws Exception {
        String report = runSmoke();

        assertThat(report).contains("## Checkout", "## Buy session", "## Catalogue search",
                "## Product read (GET /api/products/{id}) through the gateway", "Smoke run");
        List<String> rows = report.lines().filter(line -> line.matches("\\| 2 \\| .*")).toList();
        // The product read straight at catalog-service too, where the service's port is this machine's.
        assertThat(rows).as("one row per scenario at 2 users in:%n%s", report).hasSize(ownStack() ? 5 : 4);
        for (String row : rows) {
            String[] cells = row.split("\\|");
            assertThat(Double.parseDouble(cells[2].strip())).as("throughput in %s", row).isPositive();
            assertThat(cells[6].strip()).as("errors in %s", row).isEqualTo("0");
            assertThat(Double.parseDouble(cells[7].strip())).as("requests per iteration in %s", row).isPositive();
        }
        if (ownStack()) {
            assertThat(report).contains("CPU-ms per order by component", "## Memory after the run",
                    "## PostgreSQL's ceiling", "Product reads through the gateway:");
        }
    }

    /** The stack this module started with ./shop, whose processes and database the benchmark may read. */
    private static boolean ownStack() {
        return !Boolean.getBoolean("e2e.skipStackControl") && !System.getProperty("e2e.shopState", "").isBlank();
    }

    private static String runSmoke() throws IOException, InterruptedException {
        Path log = Files.createTempFile("shop-bench", ".log");
        Path report = Files.createTempFile("shop-bench", ".md");
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("shop").toString(), "bench", "--smoke",
                "--base-url=" + ShopApi.BASE_URL, "--report=" + report,
                "--admin-email=" + System.getProperty("e2e.adminEmail", "admin@shop.local"),
                "--admin-password=" + System.getProperty("e2e.adminPassword", "admin")));
        command.addAll(ownStack() ? List.of("--state=" + System.getProperty("e2e.shopState"))
                : List.of("--state=none", "--jdbc=none", "--catalog-url=none"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(180, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("./shop bench --smoke finished within 180 s; it printed:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("exit status of ./shop bench --smoke, which printed:%n%s", output).isZero();
        String table = Files.readString(report, StandardCharsets.UTF_8);
        Files.delete(log);
        Files.delete(report);
        return table;
    }
}
