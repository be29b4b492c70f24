package com.example.shop.devstack;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.example.shop.platform.postgres.PostgresBinaries;
import com.example.shop.platform.postgres.PostgresCluster;
import com.example.shop.platform.postgres.PostgresCluster.Durability;
import com.example.shop.platform.postgres.PostgresCluster.Server;
import com.example.shop.platform.postgres.Progress;

/**
 * A real PostgreSQL server for the local stack, from the binaries in zonky's jar: data kept in a directory
 * across restarts, one database per service created on first start, durable unless told otherwise.
 *
 * <p>Usage: {@code LocalPostgres [--binaries CACHE_DIR] [--durable|--fast] PORT DATA_DIR DATABASE...}. The
 * binaries are extracted once into {@code CACHE_DIR} (default: {@code postgres-binaries} beside
 * {@code DATA_DIR}); {@code --durable} (the default) keeps PostgreSQL's own settings, {@code --fast} turns fsync,
 * synchronous commit and full-page writes off. Runs until the process is stopped
 * (SIGTERM stops PostgreSQL first) or PostgreSQL exits.
 */
public final class LocalPostgres {

    public static void main(String[] args) throws Exception {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        }
        catch (IllegalArgumentException ex) {
            System.err.println(ex.getMessage());
            System.err.println(
                    "usage: LocalPostgres [--binaries CACHE_DIR] [--durable|--fast] PORT DATA_DIR DATABASE...");
            System.exit(2);
            return;
        }
        try {
            run(arguments);
        }
        catch (IllegalStateException ex) {
            // Says what is wrong and what to do; a stack trace would bury that.
            System.err.println("LocalPostgres: " + ex.getMessage());
            System.exit(1);
        }
    }

    private static void run(Arguments arguments) throws IOException, InterruptedException, SQLException {
        Progress progress = Progress.toStandardOutput();
        Path binaries = PostgresBinaries.forThisPlatform().extractedInto(arguments.binaries(), progress);
        PostgresCluster cluster = new PostgresCluster(binaries, arguments.data());
        cluster.initialiseIfMissing(progress);

        AtomicReference<Server> running = new AtomicReference<>();
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            Server server = running.get();
            if (server != null) {
                try {
                    server.stop();
                }
                catch (IOException | InterruptedException ex) {
                    System.err.println("PostgreSQL did not stop cleanly: " + ex);
                }
            }
        }, "postgres-stopper"));
        Server server = cluster.start(arguments.port(), arguments.durability());
        running.set(server);
        server.createDatabases(arguments.databases());
        System.out.println("PostgreSQL ready on 127.0.0.1:" + arguments.port() + ", user postgres, data in "
                + cluster.data() + (arguments.durability() == Durability.FAST
                        ? " (fast: fsync, synchronous_commit and full_page_writes off)" : " (durable)"));

        int exit = server.awaitExit();
        if (!stopping.get()) {
            // PostgreSQL stopped by itself (a SIGTERM to this JVM stops it in the shutdown hook instead).
            System.err.println("PostgreSQL exited with code " + exit);
            System.exit(exit == 0 ? 0 : 1);
        }
    }

    record Arguments(int port, Path data, Path binaries, Durability durability, List<String> databases) {

        static Arguments parse(String... args) {
            Path binaries = null;
            Durability durability = Durability.DURABLE;
            List<String> positional = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--fast" -> durability = Durability.FAST;
                    case "--durable" -> durability = Durability.DURABLE;
                    case "--binaries" -> {
                        if (++i == args.length) {
                            throw new IllegalArgumentException("--binaries needs a directory");
                        }
                        binaries = Path.of(args[i]);
                    }
                    default -> positional.add(args[i]);
                }
            }
            if (positional.size() < 3) {
                throw new IllegalArgumentException("a port, a data directory and at least one database are needed");
            }
            int port;
            try {
                port = Integer.parseInt(positional.get(0));
            }
            catch (NumberFormatException ex) {
                throw new IllegalArgumentException("not a port: " + positional.get(0));
            }
            Path data = Path.of(positional.get(1)).toAbsolutePath().normalize();
            List<String> databases = positional.subList(2, positional.size());
            for (String name : databases) {
                if (!name.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("not a plain database name: " + name);
                }
            }
            if (binaries == null) {
                binaries = data.resolveSibling("postgres-binaries");
            }
            return new Arguments(port, data, binaries.toAbsolutePath().normalize(), durability, List.copyOf(databases));
        }
    }

    private LocalPostgres() {
    }
}
