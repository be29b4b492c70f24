package com.example.shop.platform.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** {@link TestPostgres} on Testcontainers: one container per JVM, a database per name inside it. */
final class PostgresContainer {

    static final String IMAGE_ENV = "SHOP_TEST_POSTGRES_IMAGE";
    static final String IMAGE_PROPERTY = "shop.test.postgres.image";

    private static PostgreSQLContainer container;
    private static final Set<String> databases = new HashSet<>();

    private PostgresContainer() {
    }

    static synchronized PostgreSQLContainer get() {
        if (container == null) {
            String image = TestInfra.setting(IMAGE_PROPERTY, IMAGE_ENV, "postgres:17");
            TestInfra.requireImage(image, IMAGE_ENV);
            PostgreSQLContainer pg = new PostgreSQLContainer(
                    DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
                    // The embedded server's credentials, so tests that spell them out work in both modes.
                    .withUsername("postgres")
                    .withPassword("postgres")
                    .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300")
                    // The default waits for "ready to accept connections" twice, which holds only where the
                    // temporary init server logs to stdout. Both the official image and the CI stand-in keep
                    // that server off TCP, so an open port means the real server; the JDBC probe that
                    // JdbcDatabaseContainer runs afterwards confirms it.
                    .waitingFor(Wait.forListeningPort().withStartupTimeout(Duration.ofSeconds(60)));
            pg.withStartupTimeoutSeconds(60);
            pg.start();
            container = pg;
            Runtime.getRuntime().addShutdownHook(new Thread(pg::stop));
        }
        return container;
    }

    static synchronized String jdbcUrl(String name) {
        PostgreSQLContainer pg = get();
        if (databases.add(name)) {
            try (Connection c = DriverManager.getConnection(pg.getJdbcUrl(), pg.getUsername(), pg.getPassword())) {
                boolean exists = c.createStatement()
                        .executeQuery("select 1 from pg_database where datname = '" + name + "'")
                        .next();
                if (!exists) {
                    c.createStatement().execute("create database " + name);
                }
            }
            catch (SQLException ex) {
                databases.remove(name);
                throw new IllegalStateException("cannot create database " + name, ex);
            }
        }
        return "jdbc:postgresql://" + pg.getHost() + ":" + pg.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/" + name;
    }
}
