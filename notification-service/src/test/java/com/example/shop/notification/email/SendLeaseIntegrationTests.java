package com.example.shop.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
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
 * A slow SMTP server against a real database: one send takes longer than the retry back-off, and the retry job
 * polls meanwhile. Its own database, and no Kafka listener, so no other test context's retry job or consumer
 * touches these notifications.
 */
@SpringBootTest(properties = {
        "spring.kafka.listener.auto-startup=false",
        "shop.notification.send-timeout=10s",
        "shop.notification.retry.poll-interval=200ms",
        "shop.notification.retry.initial-backoff=500ms",
        "shop.notification.retry.max-backoff=1s",
        "shop.notification.retry.max-attempts=1000" })
class SendLeaseIntegrationTests {

    /** Answers a message after 3 s: six back-offs of the configuration above, well within the send timeout. */
    private static final SlowSmtp SMTP = new SlowSmtp(Duration.ofSeconds(3));

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "notification_lease");
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
    NotificationRepository repository;

    @Autowired
    JdbcClient jdbc;

    private static Occasion.OrderConfirmed confirmed() {
        Amount total = new Amount(new BigDecimal("59.97"), "EUR");
        return new Occasion.OrderConfirmed(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "ada-" + UUID.randomUUID() + "@example.com", List.of(), total, null, 0, total);
    }

    private String statusOf(NotificationId id) {
        return jdbc.sql("select status from notification where id = ?").param(id.value()).query(String.class).single();
    }

    private int attemptsOf(NotificationId id) {
        return jdbc.sql("select attempts from notification where id = ?").param(id.value()).query(Integer.class)
                .single();
    }

    @Test
    void sendsOnceWhenOneSendTakesLongerThanTheRetryBackoff() {
        Occasion.OrderConfirmed outcome = confirmed();
        NotificationId id = notifications.record(outcome).orElseThrow();
        notifications.deliverSoon(id);

        await().atMost(Duration.ofSeconds(30)).until(() -> statusOf(id).equals("SENT"));

        assertThat(SMTP.received(outcome.email())).isEqualTo(1);
        assertThat(attemptsOf(id)).isEqualTo(1);
    }

    /** A row that is not due, so the retry job leaves it alone; attempt 2 holds the claim. */
    private NotificationId claimedBySecondAttempt() {
        NotificationId id = notifications.record(confirmed()).orElseThrow();
        jdbc.sql("update notification set attempts = 2, next_attempt_at = now() + interval '1 hour' where id = ?")
                .param(id.value()).update();
        return id;
    }

    @Test
    void aStaleAttemptCannotRecordItsFailureOverTheAttemptHoldingTheClaim() {
        NotificationId id = claimedBySecondAttempt();

        boolean recorded = repository.markAttemptFailed(id, 1, "stale", 1, Duration.ofSeconds(1), Duration.ofSeconds(1));

        assertThat(recorded).isFalse();
        assertThat(statusOf(id)).isEqualTo("PENDING");
        assertThat(jdbc.sql("select last_error from notification where id = ?").param(id.value())
                .query(String.class).optional()).isEmpty();
    }

    @Test
    void theAttemptHoldingTheClaimRecordsItsFailureAndBacksOff() {
        NotificationId id = claimedBySecondAttempt();

        boolean recorded = repository.markAttemptFailed(id, 2, "refused", 1000, Duration.ofSeconds(30),
                Duration.ofMinutes(15));

        assertThat(recorded).isTrue();
        assertThat(jdbc.sql("""
                select last_error = 'refused' and next_attempt_at between now() + interval '55 seconds'
                                                                      and now() + interval '65 seconds'
                from notification where id = ?""").param(id.value()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void givesAnEmailUpAsFailedAfterItsLastAllowedAttemptAndShowsItInTheHistory() {
        Occasion.OrderConfirmed outcome = confirmed();
        NotificationId id = notifications.record(outcome).orElseThrow();
        jdbc.sql("update notification set attempts = 3, next_attempt_at = now() + interval '1 hour' where id = ?")
                .param(id.value()).update();

        assertThat(repository.markAttemptFailed(id, 3, "refused", 3, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isTrue();

        assertThat(statusOf(id)).isEqualTo("FAILED");
        assertThat(notifications.history(outcome.customerId())).singleElement()
                .satisfies(n -> assertThat(n.status()).isEqualTo(NotificationStatus.FAILED));
        // A FAILED mail is never claimed again, so no later attempt sends it.
        assertThat(repository.claim(id, Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void aSendThatSucceededAfterLosingItsClaimIsRecordedButReported() {
        NotificationId id = claimedBySecondAttempt();

        assertThat(repository.markSent(id, 1)).isFalse();
        assertThat(statusOf(id)).isEqualTo("SENT");
        assertThat(repository.markSent(id, 2)).isFalse();
    }

    @Test
    void aClaimHoldsTheNotificationForLongerThanTheSendTimeout() {
        NotificationId id = notifications.record(confirmed()).orElseThrow();
        // Another attempt (the retry job) may have claimed it first; either way some claim now holds it.
        repository.claim(id, Notifications.leaseFor(Duration.ofSeconds(10)));

        assertThat(jdbc.sql("select next_attempt_at > now() + interval '10 seconds' from notification where id = ?")
                .param(id.value()).query(Boolean.class).single()).isTrue();
    }
}
