package com.example.shop.platform.postgres;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * A PostgreSQL data directory and the server that runs on it, from extracted {@link PostgresBinaries}.
 *
 * <p>The data directory appears only complete: {@code initdb} writes into a sibling {@code NAME.initdb-PID},
 * which is renamed to {@code NAME} when it succeeded. A start killed during {@code initdb} leaves that sibling
 * behind, which the next start removes; it never leaves a half-made {@code NAME}.
 *
 * <p>The server runs with PostgreSQL's own defaults for durability ({@code fsync}, {@code synchronous_commit}
 * and {@code full_page_writes} on), so a crash of the machine loses no committed transaction.
 * {@link Durability#FAST} turns them off, for tests that throw their data away.
 */
public final class PostgresCluster {

    /** How the server trades safety of committed data against speed. */
    public enum Durability {
        /** PostgreSQL's defaults: a commit is on disk before it is acknowledged. */
        DURABLE,
        /** fsync, synchronous_commit and full_page_writes off: faster, but a machine crash can lose or corrupt data. */
        FAST
    }

    private static final String STAGING = ".initdb-";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Path binaries;
    private final Path data;

    public PostgresCluster(Path binaries, Path data) {
        this.binaries = binaries;
        this.data = data.toAbsolutePath().normalize();
    }

    public Path data() {
        return data;
    }

    /** True when {@code directory} holds a PostgreSQL cluster, as opposed to nothing or an unfinished initdb. */
    public static boolean isCluster(Path directory) {
        return Files.isRegularFile(directory.resolve("PG_VERSION"))
                && Files.isRegularFile(directory.resolve("global/pg_control"));
    }

    /**
     * Creates the cluster unless the data directory holds one. Leftovers of an interrupted earlier attempt are
     * removed first: staging directories, and a data directory that {@code initdb} began but never finished
     * (no {@code global/pg_control}: no server can have run on it, so it holds no data).
     */
    public void initialiseIfMissing(Progress progress) throws IOException, InterruptedException {
        Files.createDirectories(data.getParent());
        removeStagingLeftovers(progress);
        if (isCluster(data)) {
            return;
        }
        if (Files.exists(data)) {
            if (!looksLikeUnfinishedInitdb(data)) {
                throw new IllegalStateException(data + " exists but is not a PostgreSQL data directory (no PG_VERSION"
                        + " and global/pg_control). Move it away or delete it, then start again.");
            }
            progress.step(data + " is an unfinished data directory (an earlier first start was interrupted):"
                    + " creating it again");
            PostgresBinaries.deleteRecursively(data);
        }
        progress.step("creating the PostgreSQL data directory " + data + " (initdb, first start only)");
        long started = System.nanoTime();
        Path staging = data.resolveSibling(data.getFileName() + STAGING + ProcessHandle.current().pid());
        List<String> initdb = command("initdb", "-D", staging.toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--no-locale", "--locale-provider=builtin", "--builtin-locale=C.UTF-8");
        Process process = new ProcessBuilder(initdb).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("initdb failed (exit " + process.exitValue() + "):\n" + output);
        }
        Files.move(staging, data, StandardCopyOption.ATOMIC_MOVE);
        progress.step("created the data directory in " + Progress.since(started));
    }

    /** Deletes the data directory, for data that was only ever meant to last one run (the server must be stopped). */
    public void delete() throws IOException {
        PostgresBinaries.deleteRecursively(data);
    }

    /**
     * Starts the server on {@code 127.0.0.1:port} (TCP only, no Unix socket) and returns once it accepts
     * connections. Its output goes to this process's standard output.
     */
    public Server start(int port, Durability durability) throws IOException, InterruptedException {
        List<String> postgres = command("postgres", "-D", data.toString(), "-p", Integer.toString(port),
                "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=300",
                "-c", "timezone=UTC");
        if (durability == Durability.FAST) {
            postgres.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        }
        Server server = new Server(new ProcessBuilder(postgres).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).start(), port);
        server.awaitConnections();
        return server;
    }

    /** A running PostgreSQL server on loopback; the superuser is {@code postgres}, trusted without a password. */
    public final class Server {

        private final Process process;
        private final int port;

        private Server(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        public int port() {
            return port;
        }

        public String jdbcUrl(String database) {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
        }

        /** A connection to {@code database} as the superuser. */
        public Connection connect(String database) throws SQLException {
            Properties properties = new Properties();
            properties.setProperty("user", "postgres");
            properties.setProperty("connectTimeout", "2");
            return DriverManager.getConnection(jdbcUrl(database), properties);
        }

        /** Creates each database that does not exist yet (names are plain identifiers). */
        public void createDatabases(Collection<String> names) throws SQLException {
            try (Connection c = connect("postgres");
                    PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?");
                    Statement create = c.createStatement()) {
                for (String name : names) {
                    if (!name.matches("[a-z_][a-z0-9_]*")) {
                        throw new IllegalArgumentException("not a plain database name: " + name);
                    }
                    exists.setString(1, name);
                    try (ResultSet rs = exists.executeQuery()) {
                        if (!rs.next()) {
                            create.execute("create database " + name);
                        }
                    }
                }
            }
        }

        /** Waits until the server exits by itself; returns its exit code. */
        public int awaitExit() throws InterruptedException {
            return process.waitFor();
        }

        /**
         * PostgreSQL's fast shutdown (open sessions are ended, everything committed is kept), then waits for the
         * exit.
         */
        public void stop() throws IOException, InterruptedException {
            if (!process.isAlive()) {
                return;
            }
            Process pgCtl = new ProcessBuilder(command("pg_ctl", "stop", "-D", data.toString(), "-m", "fast", "-w",
                    "-t", Long.toString(STOP_TIMEOUT.toSeconds()))).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
            pgCtl.waitFor();
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }

        private void awaitConnections() throws InterruptedException, IOException {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            SQLException last = null;
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("PostgreSQL exited with code " + process.exitValue()
                            + " while starting on " + data + " (its output is above)");
                }
                try (Connection ignored = connect("postgres")) {
                    return;
                }
                catch (SQLException ex) {
                    last = ex;
                }
                Thread.sleep(100);
            }
            stop();
            throw new IllegalStateException("PostgreSQL did not accept connections on port " + port + " within "
                    + START_TIMEOUT.toSeconds() + " s", last);
        }
    }

    private void removeStagingLeftovers(Progress progress) throws IOException {
        String prefix = data.getFileName() + STAGING;
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(data.getParent(), prefix + "*")) {
            for (Path leftover : siblings) {
                progress.step("removing " + leftover + ", left by an interrupted initdb");
                try {
                    PostgresBinaries.deleteRecursively(leftover);
                }
                catch (IOException ex) {
                    // An initdb orphaned by a killed JVM may still be writing into it; it is in nobody's way.
                    progress.step("could not remove all of " + leftover + " (" + ex + "); it is not used");
                }
            }
        }
    }

    /** What initdb leaves when it is stopped half-way: nothing, or its configuration without a control file. */
    private static boolean looksLikeUnfinishedInitdb(Path directory) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            if (!entries.iterator().hasNext()) {
                return true;
            }
        }
        return Files.exists(directory.resolve("PG_VERSION")) || Files.exists(directory.resolve("postgresql.conf"))
                || Files.isDirectory(directory.resolve("global"));
    }

    /**
     * A PostgreSQL program with its arguments. PostgreSQL refuses to run as root; as root the program runs in a
     * new user namespace ({@code unshare -U}), where it is an ordinary user and still owns the files it writes.
     */
    private List<String> command(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(binaries.resolve("bin").resolve(program).toString());
        command.addAll(List.of(arguments));
        return command;
    }
}
