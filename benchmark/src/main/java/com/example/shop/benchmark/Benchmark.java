package com.example.shop.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import com.example.shop.benchmark.ClosedLoop.Result;
import com.example.shop.benchmark.Scenario.Catalogue;
import com.example.shop.benchmark.Scenario.Shopper;

/**
 * The shop's benchmark, against a running stack: checkout, buy sessions and catalogue search through the gateway
 * at each concurrency, then one report (also written to a file). Usage: {@code ./shop bench [--name=value ...]};
 * {@link Options#USAGE} lists the options.
 */
public final class Benchmark {

    private static final int CEILING_CONNECTIONS = 8;

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        }
        catch (IllegalArgumentException ex) {
            System.err.println(ex.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        System.out.println(run(options).text());
    }

    /** Runs every level of every scenario and returns the report, which is also written to the report file. */
    public static Report run(Options options) throws Exception {
        ShopClient shop = new ShopClient(options.baseUrl());
        if (shop.get("/actuator/health", null).status() != 200) {
            throw new IllegalStateException("nothing healthy answers at " + options.baseUrl() + ": start the stack first"
                    + " (./shop up -d)");
        }
        StackProbe probe = new StackProbe(options.state(), options.jdbcUrl());
        progress("setting up: products with stock to spare, " + options.mostUsers() * ClosedLoop.SHOPPERS_PER_USER
                + " customers");
        Catalogue catalogue = Fixture.catalogue(shop, options);
        List<Shopper> shoppers = Fixture.shoppers(shop, options.mostUsers() * ClosedLoop.SHOPPERS_PER_USER);

        progress("the stack idle for " + options.settle().toSeconds() + " s");
        StackProbe.Snapshot idleFrom = probe.snapshot();
        Thread.sleep(options.settle());
        StackProbe.Delta idle = probe.snapshot().minus(idleFrom);

        progress("warming up: buy sessions at 8 users for " + options.warmup().toSeconds() + " s");
        ClosedLoop.run(shop, new Scenario.BuySession(), shoppers, catalogue, 8,
                java.time.Duration.ZERO, options.warmup(), probe);

        List<Result> checkout = levels(shop, new Scenario.Checkout(), options.checkoutUsers(), shoppers, catalogue,
                options, probe);
        List<Result> sessions = levels(shop, new Scenario.BuySession(), options.sessionUsers(), shoppers, catalogue,
                options, probe);
        List<Result> searches = levels(shop, new Scenario.Search(), options.searchUsers(), shoppers, catalogue,
                options, probe);
        List<Result> reads = levels(shop, new Scenario.ProductRead("through the gateway"), options.searchUsers(),
                shoppers, catalogue, options, probe);
        List<Result> directReads = options.catalogUrl() == null ? List.of()
                : levels(new ShopClient(options.catalogUrl()), new Scenario.ProductRead("straight at catalog-service"),
                        options.searchUsers(), shoppers, catalogue, options, probe);

        Report report = new Report(options, environment(options, probe));
        report.idle(idle, options.settle(), probe.readsCpu(), probe.readsCommits());
        report.levels(checkout, probe.readsCpu(), probe.readsCommits());
        report.levels(sessions, probe.readsCpu(), probe.readsCommits());
        report.levels(searches, probe.readsCpu(), probe.readsCommits());
        report.levels(reads, probe.readsCpu(), false);
        report.levels(directReads, probe.readsCpu(), false);
        report.gatewayShare(best(reads), best(directReads));
        Result bestCheckout = best(checkout);
        if (probe.readsCpu()) {
            for (Result best : Arrays.asList(bestCheckout, best(sessions))) {
                if (best != null) {
                    report.cpuByComponent(best);
                }
            }
        }
        report.memory(probe.memoryMegabytes());
        if (options.jdbcUrl() != null) {
            progress("PostgreSQL's ceiling: order-shaped transactions, " + CEILING_CONNECTIONS + " connections");
            report.ceiling(CommitCeiling.measure(options.jdbcUrl(), CEILING_CONNECTIONS, options.ceilingWindow()),
                    CEILING_CONNECTIONS, bestCheckout);
        }
        report.writeTo(options.report());
        progress("written to " + options.report());
        return report;
    }

    private static List<Result> levels(ShopClient shop, Scenario scenario, List<Integer> levels, List<Shopper> shoppers,
            Catalogue catalogue, Options options, StackProbe probe) throws InterruptedException {
        List<Result> results = new ArrayList<>();
        for (int users : levels) {
            progress(scenario.unit() + " at " + users + " users");
            Result result = ClosedLoop.run(shop, scenario, shoppers, catalogue, users, options.settle(),
                    options.window(), probe);
            progress(String.format(Locale.ROOT, "  %.1f %s/s, p99 %.0f ms, %d errors", result.confirmed() > 0
                    ? result.confirmedPerSecond() : result.perSecond(), scenario.unit(), result.percentile(99),
                    result.errorCount()));
            results.add(result);
        }
        return results;
    }

    private static Result best(List<Result> results) {
        return results.stream().max(Comparator.comparingDouble(Result::perSecond)).orElse(null);
    }

    /** The machine, the JDK and how PostgreSQL commits: what the figures depend on. */
    private static String environment(Options options, StackProbe probe) throws IOException {
        String cpu = "unknown CPU";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            cpu = Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        }
        long memoryGb = Math.round(((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize() / 1e9);
        String durability = "";
        if (options.jdbcUrl() != null) {
            durability = "; PostgreSQL " + settings(options.jdbcUrl());
        }
        return "Machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memoryGb
                + " GB; everything co-located. Stack: " + options.baseUrl()
                + (probe.readsCpu() ? " (./shop, state in " + options.state() + ")" : "") + durability
                + ". Load generator: JDK " + Runtime.version().feature() + ", virtual threads, on the same machine.";
    }

    private static String settings(String jdbcUrl) {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("password", System.getProperty("bench.dbPassword", "postgres"));
        try (Connection c = DriverManager.getConnection(jdbcUrl, properties); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select current_setting('server_version'), current_setting('fsync'),"
                        + " current_setting('synchronous_commit')")) {
            rs.next();
            return rs.getString(1) + " with fsync " + rs.getString(2) + ", synchronous_commit " + rs.getString(3);
        }
        catch (SQLException ex) {
            return "(settings not readable: " + ex.getMessage() + ")";
        }
    }

    private static void progress(String message) {
        System.err.println("[bench] " + message);
    }

    private Benchmark() {
    }
}
