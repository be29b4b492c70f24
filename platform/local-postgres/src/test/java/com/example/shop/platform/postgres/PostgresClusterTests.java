package com.example.shop.platform.postgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.example.shop.platform.postgres.PostgresCluster.Durability;
import com.example.shop.platform.postgres.PostgresCluster.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A real PostgreSQL server from the extracted binaries, in a data directory of each test's own. */
class PostgresClusterTests {

    private static Path binaries;

    @TempDir
    Path work;

    private PostgresCluster cluster;
    private Server server;
    private final List<String> steps = new ArrayList<>();
    private final int port = freePort();

    @BeforeAll
    static void extractBinaries(@TempDir Path cache) throws IOException {
        binaries = PostgresBinaries.forThisPlatform().extractedInto(cache, Progress.silent());
    }

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void isDurableByDefault() throws Exception {
        start(Durability.DURABLE);

        assertThat(setting("fsync")).isEqualTo("on");
        assertThat(setting("synchronous_commit")).isEqualTo("on");
        assertThat(setting("full_page_writes")).isEqualTo("on");
    }

    @Test
    void trustsDurabilityAwayOnlyWhenAskedToBeFast() throws Exception {
        start(Durability.FAST);

        assertThat(setting("fsync")).isEqualTo("off");
        assertThat(setting("synchronous_commit")).isEqualTo("off");
        assertThat(setting("full_page_writes")).isEqualTo("off");
    }

    @Test
    void keepsItsDataAcrossRestartsAndCreatesTheDirectoryOnlyOnce() throws Exception {
        start(Durability.DURABLE);
        server.createDatabases(List.of("orders"));
        try (Connection c = server.connect("orders"); Statement s = c.createStatement()) {
            s.execute("create table confirmed (id int primary key)");
            s.execute("insert into confirmed values (42)");
        }
        server.stop();
        steps.clear();

        start(Durability.DURABLE);
        server.createDatabases(List.of("orders"));

        assertThat(steps).isEmpty();
        try (Connection c = server.connect("orders"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id from confirmed")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }

    @Test
    void removesWhatAnInitdbKilledHalfWayLeftBehind() throws Exception {
        Path leftover = work.resolve("postgres.initdb-4711");
        Files.createDirectories(leftover.resolve("base/1"));
        Files.writeString(leftover.resolve("PG_VERSION"), "18\n");

        start(Durability.DURABLE);

        assertThat(leftover).doesNotExist();
        assertThat(PostgresCluster.isCluster(work.resolve("postgres"))).isTrue();
        assertThat(steps.getFirst()).startsWith("removing " + leftover + ", left by an interrupted initdb");
    }

    @Test
    void recreatesADataDirectoryThatInitdbNeverFinished() throws Exception {
        // What an older ./shop left when its first start was killed during initdb: configuration, no control file.
        Path data = work.resolve("postgres");
        Files.createDirectories(data.resolve("global"));
        Files.writeString(data.resolve("PG_VERSION"), "18\n");
        Files.writeString(data.resolve("postgresql.conf"), "# unfinished\n");

        start(Durability.DURABLE);

        assertThat(PostgresCluster.isCluster(data)).isTrue();
        assertThat(steps.getFirst()).contains("is an unfinished data directory");
        assertThat(setting("server_version_num")).startsWith("18");
    }

    @Test
    void refusesADirectoryThatHoldsSomethingElse() throws IOException {
        Path data = work.resolve("postgres");
        Files.createDirectories(data);
        Files.writeString(data.resolve("notes.txt"), "not a database");
        cluster = new PostgresCluster(binaries, data);

        assertThatThrownBy(() -> cluster.initialiseIfMissing(steps::add)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(data + " exists but is not a PostgreSQL data directory");
        assertThat(data.resolve("notes.txt")).exists();
    }

    @Test
    void createsEachDatabaseOnceWhateverTheNumberOfStarts() throws Exception {
        start(Durability.DURABLE);

        server.createDatabases(List.of("cart", "catalog"));
        server.createDatabases(List.of("cart", "catalog", "loyalty"));

        try (Connection c = server.connect("postgres"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from pg_database where datname in"
                        + " ('cart', 'catalog', 'loyalty')")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(3);
        }
    }

    private void start(Durability durability) throws Exception {
        cluster = new PostgresCluster(binaries, work.resolve("postgres"));
        cluster.initialiseIfMissing(steps::add);
        server = cluster.start(port, durability);
    }

    private String setting(String name) throws SQLException {
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
