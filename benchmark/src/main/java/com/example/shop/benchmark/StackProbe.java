package com.example.shop.benchmark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads what the stack spent: CPU time of each component from {@code /proc} (the pids ./shop keeps in its state
 * directory; PostgreSQL is its server with every backend, plus the JVM that started it), committed transactions
 * from {@code pg_stat_database}, and the memory each component holds (proportional set size, so pages shared
 * between PostgreSQL's processes count once).
 */
final class StackProbe {

    /** Linux reports CPU time in clock ticks of 1/100 s on every architecture the JDK runs on (USER_HZ). */
    private static final double MILLIS_PER_TICK = 10.0;

    record Snapshot(Map<String, Double> cpuMillis, long commits) {

        Delta minus(Snapshot before) {
            Map<String, Double> cpu = new TreeMap<>();
            cpuMillis.forEach((name, millis) -> cpu.put(name, millis - before.cpuMillis.getOrDefault(name, 0.0)));
            return new Delta(cpu, commits - before.commits);
        }
    }

    /** What the stack spent during a window: CPU milliseconds per component, commits in every database. */
    record Delta(Map<String, Double> cpuMillis, long commits) {

        double totalCpuMillis() {
            return cpuMillis.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    private final Path state;
    private final String jdbcUrl;

    /**
     * @param state ./shop's state directory (its run/ holds a pid file per component), or null when the stack
     *        is not ./shop's (compose): then no CPU or memory is read
     * @param jdbcUrl the stack's PostgreSQL as its superuser, or null: then no commits are read
     */
    StackProbe(Path state, String jdbcUrl) {
        this.state = state;
        this.jdbcUrl = jdbcUrl;
    }

    boolean readsCpu() {
        return state != null && Files.isDirectory(state.resolve("run"));
    }

    boolean readsCommits() {
        return jdbcUrl != null;
    }

    Snapshot snapshot() {
        Map<String, Double> cpu = new TreeMap<>();
        processes().forEach((name, pids) -> cpu.put(name,
                pids.stream().mapToLong(StackProbe::cpuTicks).sum() * MILLIS_PER_TICK));
        return new Snapshot(cpu, commits());
    }

    /** Proportional set size of each component in MB. */
    Map<String, Double> memoryMegabytes() {
        Map<String, Double> memory = new TreeMap<>();
        processes().forEach((name, pids) -> memory.put(name,
                pids.stream().mapToLong(StackProbe::pssKilobytes).sum() / 1024.0));
        return memory;
    }

    /** Each component's processes: its own, and for PostgreSQL the server's whole tree too. */
    Map<String, List<Long>> processes() {
        Map<String, List<Long>> processes = new LinkedHashMap<>();
        if (!readsCpu()) {
            return processes;
        }
        try (DirectoryStream<Path> pidFiles = Files.newDirectoryStream(state.resolve("run"), "*.pid")) {
            for (Path file : pidFiles) {
                String name = file.getFileName().toString().replace(".pid", "");
                readPid(file).filter(StackProbe::alive).ifPresent(pid -> processes.put(name, new ArrayList<>(List.of(pid))));
            }
        }
        catch (IOException ex) {
            return processes;
        }
        Optional<Long> postmaster = readPid(state.resolve("data/postgres/postmaster.pid")).filter(StackProbe::alive);
        if (postmaster.isPresent() && processes.containsKey("postgres")) {
            List<Long> tree = processes.get("postgres");
            tree.add(postmaster.get());
            tree.addAll(children(postmaster.get()));
        }
        return processes;
    }

    private long commits() {
        if (jdbcUrl == null) {
            return 0;
        }
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("password", System.getProperty("bench.dbPassword", "postgres"));
        try (Connection c = DriverManager.getConnection(jdbcUrl, properties); Statement s = c.createStatement()) {
            // Statistics reach pg_stat_database when a backend reports them (within a second when busy); asking
            // for a fresh snapshot keeps this read from serving an older one.
            s.execute("select pg_stat_clear_snapshot()");
            try (ResultSet rs = s.executeQuery("select sum(xact_commit) from pg_stat_database")) {
                rs.next();
                return rs.getLong(1);
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("cannot read pg_stat_database at " + jdbcUrl + ": " + ex.getMessage(), ex);
        }
    }

    private static Optional<Long> readPid(Path file) {
        try {
            String first = Files.readAllLines(file).getFirst().strip();
            return Optional.of(Long.parseLong(first));
        }
        catch (IOException | RuntimeException ex) {
            return Optional.empty();
        }
    }

    private static boolean alive(long pid) {
        return Files.exists(Path.of("/proc", Long.toString(pid)));
    }

    private static List<Long> children(long parent) {
        List<Long> children = new ArrayList<>();
        ProcessHandle.of(parent).ifPresent(handle -> handle.children().forEach(child -> children.add(child.pid())));
        return children;
    }

    /** utime + stime of the process, plus that of the children it has waited for (PostgreSQL's ended backends). */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name may hold spaces and parentheses; the fields after its closing parenthesis do not.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After the name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
        }
        catch (IOException | RuntimeException ex) {
            return 0;
        }
    }

    private static long pssKilobytes(long pid) {
        Path rollup = Path.of("/proc", Long.toString(pid), "smaps_rollup");
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            String field = Files.isReadable(rollup) ? "Pss:" : "VmRSS:";
            for (String line : Files.readAllLines(Files.isReadable(rollup) ? rollup : status)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
                }
            }
        }
        catch (IOException | RuntimeException ex) {
            return 0;
        }
        return 0;
    }
}
