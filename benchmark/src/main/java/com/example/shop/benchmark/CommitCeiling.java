package com.example.shop.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * The ceiling a checkout competes with: how many order-shaped transactions (an order row, three lines, one outbox
 * row, commit) the stack's own PostgreSQL commits per second, with its settings, on this machine, in a scratch
 * database of its own. What pgbench would measure with a custom script, without needing pgbench installed.
 */
final class CommitCeiling {

    private static final String DATABASE = "bench_ceiling";

    private CommitCeiling() {
    }

    /** Order-shaped transactions per second with {@code connections} clients for {@code duration}. */
    static double measure(String serverJdbcUrl, int connections, Duration duration) throws SQLException,
            InterruptedException {
        String url = serverJdbcUrl.replaceAll("/[^/?]*(\\?.*)?$", "/" + DATABASE);
        try (Connection admin = connect(serverJdbcUrl); Statement s = admin.createStatement()) {
            s.execute("drop database if exists " + DATABASE);
            s.execute("create database " + DATABASE);
        }
        try {
            try (Connection c = connect(url); Statement s = c.createStatement()) {
                s.execute("""
                        create table orders (id uuid primary key, customer_id uuid not null, status text not null,
                            total numeric(12,2) not null, created_at timestamptz not null default now());
                        create table order_line (order_id uuid not null references orders, line_no int not null,
                            sku text not null, quantity int not null, unit_price numeric(12,2) not null,
                            primary key (order_id, line_no));
                        create table outbox_event (id bigserial primary key, topic text not null, key text not null,
                            type text not null, payload jsonb not null, created_at timestamptz not null default now(),
                            published_at timestamptz)""");
            }
            LongAdder commits = new LongAdder();
            long end = System.nanoTime() + duration.toNanos();
            List<Thread> clients = new ArrayList<>();
            List<SQLException> failures = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                clients.add(Thread.ofPlatform().start(() -> {
                    try (Connection c = connect(url)) {
                        c.setAutoCommit(false);
                        try (PreparedStatement order = c.prepareStatement(
                                "insert into orders (id, customer_id, status, total) values (?, ?, 'CONFIRMED', 59.70)");
                                PreparedStatement line = c.prepareStatement(
                                        "insert into order_line values (?, ?, 'BENCH-SKU', 1, 19.90)");
                                PreparedStatement outbox = c.prepareStatement(
                                        "insert into outbox_event (topic, key, type, payload) values"
                                                + " ('order-events', ?, 'order.confirmed.v1', ?::jsonb)")) {
                            while (System.nanoTime() < end) {
                                UUID id = UUID.randomUUID();
                                order.setObject(1, id);
                                order.setObject(2, UUID.randomUUID());
                                order.executeUpdate();
                                for (int no = 1; no <= 3; no++) {
                                    line.setObject(1, id);
                                    line.setInt(2, no);
                                    line.executeUpdate();
                                }
                                outbox.setString(1, id.toString());
                                outbox.setString(2, "{\"orderId\":\"" + id + "\",\"total\":\"59.70\"}");
                                outbox.executeUpdate();
                                c.commit();
                                commits.increment();
                            }
                        }
                    }
                    catch (SQLException ex) {
                        synchronized (failures) {
                            failures.add(ex);
                        }
                    }
                }));
            }
            for (Thread client : clients) {
                client.join();
            }
            if (!failures.isEmpty()) {
                throw failures.getFirst();
            }
            return commits.sum() / (duration.toNanos() / 1e9);
        }
        finally {
            try (Connection admin = connect(serverJdbcUrl); Statement s = admin.createStatement()) {
                s.execute("drop database if exists " + DATABASE);
            }
        }
    }

    private static Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("password", System.getProperty("bench.dbPassword", "postgres"));
        return DriverManager.getConnection(url, properties);
    }
}
