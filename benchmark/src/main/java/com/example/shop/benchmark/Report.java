package com.example.shop.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.example.shop.benchmark.ClosedLoop.Result;

/** The benchmark's one table (a few Markdown tables, in fact), for the terminal and docs/performance.md. */
final class Report {

    private final StringBuilder text = new StringBuilder();

    Report(Options options, String environment) {
        line("# Benchmark " + ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")));
        line("");
        line(environment);
        line("");
        line("Closed loop (each user starts its next iteration when the last ended), after " + seconds(options.warmup())
                + " of buy sessions at 8 users; per level " + seconds(options.settle()) + " to settle, then "
                + seconds(options.window()) + " measured." + (options.smoke() ? " **Smoke run: not a measurement.**" : ""));
        line("");
    }

    void levels(List<Result> results, boolean cpu, boolean commits) {
        if (results.isEmpty()) {
            return;
        }
        Scenario scenario = results.getFirst().scenario();
        String unit = scenario.unit();
        String singular = unit.substring(0, unit.length() - (unit.endsWith("es") && !unit.equals("sessions") ? 2 : 1));
        boolean orders = results.stream().anyMatch(r -> r.confirmed() > 0);
        line("## " + scenario.title());
        line("");
        line("| users | " + unit + "/s | p50 ms | p90 ms | p99 ms | errors | requests/" + singular + " |"
                + (cpu ? " CPU-ms/" + singular + " |" : "") + (commits ? " commits/" + singular + " |" : ""));
        line("|---:|---:|---:|---:|---:|---|---:|" + (cpu ? "---:|" : "") + (commits ? "---:|" : ""));
        for (Result r : results) {
            double count = orders ? r.confirmed() : r.completed();
            line(String.format(Locale.ROOT, "| %d | %.1f | %.0f | %.0f | %.0f | %s | %.1f |%s%s", r.users(),
                    orders ? r.confirmedPerSecond() : r.perSecond(), r.percentile(50), r.percentile(90),
                    r.percentile(99), errors(r), r.requests() / Math.max(1, count),
                    cpu ? String.format(Locale.ROOT, " %.1f |", r.stack().totalCpuMillis() / Math.max(1, count)) : "",
                    commits ? String.format(Locale.ROOT, " %.1f |", r.stack().commits() / Math.max(1, count)) : ""));
        }
        line("");
    }

    /** What the stack does with no load at all (relays polling their outboxes, jobs, health checks). */
    void idle(StackProbe.Delta idle, java.time.Duration over, boolean cpu, boolean commits) {
        if (!cpu && !commits) {
            return;
        }
        double seconds = over.toNanos() / 1e9;
        line(String.format(Locale.ROOT, "Idle, before the load: %s%s%s; the per-%s figures below include this "
                + "background.", cpu ? String.format(Locale.ROOT, "%.0f CPU-ms/s", idle.totalCpuMillis() / seconds) : "",
                cpu && commits ? " and " : "",
                commits ? String.format(Locale.ROOT, "%.1f commits/s", idle.commits() / seconds) : "", "order and session"));
        line("");
    }

    /** The gateway's hop: reads through it as a share of reads straight at the service. */
    void gatewayShare(Result viaGateway, Result direct) {
        if (viaGateway == null || direct == null || direct.perSecond() == 0) {
            return;
        }
        line(String.format(Locale.ROOT, "Product reads through the gateway: %.2f of the throughput straight at "
                + "catalog-service (%.0f/s against %.0f/s at %d users).", viaGateway.perSecond() / direct.perSecond(),
                viaGateway.perSecond(), direct.perSecond(), direct.users()));
        line("");
    }

    /** Where the CPU of one level went, per component. */
    void cpuByComponent(Result r) {
        double count = Math.max(1, r.confirmed() > 0 ? r.confirmed() : r.completed());
        String unit = r.scenario().unit();
        line("CPU-ms per " + unit.substring(0, unit.length() - 1) + " by component, " + r.scenario().unit() + " at "
                + r.users() + " users:");
        line("");
        line("| component | CPU-ms |");
        line("|---|---:|");
        r.stack().cpuMillis().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> line(String.format(Locale.ROOT, "| %s | %.1f |", e.getKey(), e.getValue() / count)));
        line(String.format(Locale.ROOT, "| **all** | **%.1f** |", r.stack().totalCpuMillis() / count));
        line("");
    }

    void memory(Map<String, Double> megabytes) {
        if (megabytes.isEmpty()) {
            return;
        }
        line("## Memory after the run (proportional set size)");
        line("");
        line("| component | MB |");
        line("|---|---:|");
        megabytes.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> line(String.format(Locale.ROOT, "| %s | %.0f |", e.getKey(), e.getValue())));
        line(String.format(Locale.ROOT, "| **all** | **%.0f** |",
                megabytes.values().stream().mapToDouble(Double::doubleValue).sum()));
        line("");
    }

    void ceiling(double perSecond, int connections, Result bestCheckout) {
        line("## PostgreSQL's ceiling");
        line("");
        line(String.format(Locale.ROOT, "An order-shaped transaction (an order, 3 lines, an outbox row, commit) on the stack's "
                + "PostgreSQL with %d connections: **%.0f commits/s**.", connections, perSecond));
        if (bestCheckout != null && bestCheckout.stack().commits() > 0) {
            double stackCommits = bestCheckout.stack().commits() / (bestCheckout.window().toNanos() / 1e9);
            line(String.format(Locale.ROOT, "Checkout at its best (%d users) committed %.0f transactions/s across the "
                    + "stack's databases: %.0f %% of that ceiling.", bestCheckout.users(), stackCommits,
                    100 * stackCommits / perSecond));
        }
        line("");
    }

    String text() {
        return text.toString();
    }

    void writeTo(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text);
    }

    private static String errors(Result r) {
        if (r.errors().isEmpty()) {
            return "0";
        }
        return r.errors().entrySet().stream().map(e -> e.getValue() + " × " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    private static String seconds(java.time.Duration duration) {
        return String.format(Locale.ROOT, "%.0f s", duration.toMillis() / 1000.0);
    }

    private void line(String line) {
        text.append(line).append('\n');
    }
}
