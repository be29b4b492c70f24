package com.example.shop.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;

/**
 * The database goes away between the SMTP server accepting an e-mail and the service recording it (what a
 * PostgreSQL restart did in the fault-injection suite): the send is recorded once the database is back, and the
 * e-mail is not sent a second time after the claim's lease. Its own database, which the test really closes to
 * the service (no new connections, the pooled ones terminated), and no Kafka listener.
 */
@SpringBootTest(properties = {
        "spring.kafka.listener.auto-startup=false",
        "spring.datasource.hikari.connection-timeout=500",
        "shop.notification.send-timeout=10s",
        "shop.notification.retry.poll-interval=200ms" })
class DatabaseOutageIntegrationTests {

    private static final String DATABASE = "notification_outage";

    /** Answers a message after 2 s: time to close the database while the e-mail is on its way. */
    private static final SlowSmtp SMTP = new SlowSmtp(Duration.ofSeconds(2));

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, DATABASE);
        TestKafka.register(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SMTP::port);
    }

    @AfterAll
    static void stopSmtp() throws IOException {
        SMTP.close();
    }

    @Autowired
    Notifications notifications;

    @Autowired
    JdbcClient jdbc;

    @Test
    void recordsAnEmailSentDuringADatabaseOutageOnceTheDatabaseIsBackAndDoesNotSendItAgain() throws Exception {
        Amount total = new Amount(new BigDecimal("12.50"), "EUR");
        var confirmed = new Occasion.OrderConfirmed(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "grace-" + UUID.randomUUID() + "@example.com", List.of(), total, null, 0, total);
        NotificationId id = notifications.record(confirmed).orElseThrow();

        notifications.deliverSoon(id);
        await().atMost(Duration.ofSeconds(5)).until(() -> attemptsOf(id) == 1);
        try (Connection admin = DriverManager.getConnection(TestPostgres.jdbcUrl("postgres"), TestPostgres.username(),
                TestPostgres.password())) {
            closeDatabase(admin);
            try {
                // The e-mail arrives while the database is away, and stays the only one through the outage.
                await().atMost(Duration.ofSeconds(5)).until(() -> SMTP.accepted() == 1);
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                        .until(() -> SMTP.received(confirmed.email()) == 1);
            }
            finally {
                admin.createStatement().execute("alter database " + DATABASE + " allow_connections true");
            }
        }

        // Well within the lease (10 s send timeout + 30 s), after which the retry job would send it again.
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> statusOf(id).equals("SENT"));
        assertThat(SMTP.received(confirmed.email())).isEqualTo(1);
        assertThat(attemptsOf(id)).isEqualTo(1);
    }

    private static void closeDatabase(Connection admin) throws SQLException {
        admin.createStatement().execute("alter database " + DATABASE + " allow_connections false");
        admin.createStatement().execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
                + DATABASE + "' and pid <> pg_backend_pid()");
    }

    private String statusOf(NotificationId id) {
        return jdbc.sql("select status from notification where id = ?").param(id.value()).query(String.class).single();
    }

    private int attemptsOf(NotificationId id) {
        return jdbc.sql("select attempts from notification where id = ?").param(id.value()).query(Integer.class)
                .single();
    }
}
