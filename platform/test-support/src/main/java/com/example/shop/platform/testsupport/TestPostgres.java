package com.example.shop.platform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.example.shop.platform.postgres.PostgresBinaries;
import com.example.shop.platform.postgres.PostgresCluster;
import com.example.shop.platform.postgres.PostgresCluster.Durability;
import com.example.shop.platform.postgres.PostgresCluster.Server;
import com.example.shop.platform.postgres.Progress;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL server per test JVM, with a database per name. Started on first use, stopped when the
 * JVM exits. By default the real binaries from zonky's jar, run the way {@code ./shop} runs them
 * ({@link PostgresCluster}, in a temporary data directory, with the fast settings: the data is thrown away); with
 * {@code SHOP_TEST_INFRA=testcontainers} a Testcontainers {@code PostgreSQLContainer} from
 * {@code SHOP_TEST_POSTGRES_IMAGE} (default {@code postgres:17}) instead.
 */
public final class TestPostgres {

    /** Shared by every test JVM on the machine; extracted once, all-or-nothing, whatever runs in parallel. */
    private static final Path BINARIES = Path.of(System.getProperty("java.io.tmpdir"), "shop-postgres-binaries");

    private static Server server;
    private static final Set<String> databases = new HashSet<>();

    private TestPostgres() {
    }

    /** Points {@code spring.datasource.*} at the database {@code name}, creating it on first use. */
    public static void register(DynamicPropertyRegistry registry, String name) {
        String url = jdbcUrl(name);
        String username = username();
        String password = password();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> username);
        registry.add("spring.datasource.password", () -> password);
    }

    /** The user that owns every database {@link #jdbcUrl(String)} hands out. */
    public static synchronized String username() {
        return TestInfra.containers() ? PostgresContainer.get().getUsername() : "postgres";
    }

    /** The password of {@link #username()} (the local server trusts connections from loopback). */
    public static synchronized String password() {
        return TestInfra.containers() ? PostgresContainer.get().getPassword() : "postgres";
    }

    /** The JDBC URL of database {@code name}, created on first use. */
    public static synchronized String jdbcUrl(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be a plain identifier: " + name);
        }
        if (TestInfra.containers()) {
            return PostgresContainer.jdbcUrl(name);
        }
        Server pg = server();
        if (databases.add(name)) {
            try {
                pg.createDatabases(List.of(name));
            }
            catch (SQLException ex) {
                throw new IllegalStateException("cannot create database " + name, ex);
            }
        }
        return pg.jdbcUrl(name);
    }

    private static Server server() {
        if (server == null) {
            try {
                Path binaries = PostgresBinaries.forThisPlatform().extractedInto(BINARIES, Progress.silent());
                PostgresCluster cluster = new PostgresCluster(binaries,
                        Files.createTempDirectory("shop-test-postgres").resolve("data"));
                cluster.initialiseIfMissing(Progress.silent());
                Server started = cluster.start(freePort(), Durability.FAST);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.stop();
                        cluster.delete();
                        Files.deleteIfExists(cluster.data().getParent());
                    }
                    catch (IOException | InterruptedException ignored) {
                        // the JVM is going away; at worst a temporary directory stays behind
                    }
                }));
                server = started;
            }
            catch (IOException ex) {
                throw new UncheckedIOException("cannot start PostgreSQL for the tests", ex);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting PostgreSQL for the tests", ex);
            }
        }
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
