package com.example.shop.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for the local stack, from the binaries in the zonky jar: data kept in a directory
 * across restarts, one database per service created on first start.
 *
 * <p>Usage: {@code LocalPostgres PORT DATA_DIR DB...}. Runs until the process is stopped.
 */
public final class LocalPostgres {

    public static void main(String[] args) throws IOException, SQLException, InterruptedException {
        if (args.length < 3) {
            System.err.println("usage: LocalPostgres PORT DATA_DIR DATABASE...");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path data = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(data);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "300")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            }
            catch (IOException ex) {
                System.err.println("PostgreSQL did not stop cleanly: " + ex.getMessage());
            }
        }));
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            for (int i = 2; i < args.length; i++) {
                String db = args[i];
                if (!db.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("not a plain database name: " + db);
                }
                var rs = c.createStatement().executeQuery("select 1 from pg_database where datname = '" + db + "'");
                if (!rs.next()) {
                    c.createStatement().execute("create database " + db);
                }
            }
        }
        System.out.println("PostgreSQL ready on 127.0.0.1:" + port + ", user postgres, data in " + data);
        new CountDownLatch(1).await();
    }

    private LocalPostgres() {
    }
}
