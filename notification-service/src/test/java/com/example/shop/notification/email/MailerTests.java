package com.example.shop.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The send deadline against a real (fake) SMTP server over a real socket. */
class MailerTests {

    private static Mailer mailerFor(SlowSmtp smtp, Duration sendTimeout) {
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.port());
        // As in application.yml: each read or write may take 10 s, far longer than the whole send may.
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "10000");
        sender.getJavaMailProperties().put("mail.smtp.writetimeout", "10000");
        return new Mailer(sender, new NotificationProperties("Shop <orders@shop.local>", sendTimeout,
                new NotificationProperties.Retry(Duration.ofSeconds(5), Duration.ofSeconds(30),
                        Duration.ofMinutes(15), 20), "http://localhost:8080"));
    }

    private static Notification notification() {
        return new Notification(NotificationId.random(), UUID.randomUUID(), NotificationType.ORDER_CONFIRMED,
                UUID.randomUUID(), UUID.randomUUID(), Channel.EMAIL, "ada@example.com",
                new EmailContent("Your order is confirmed", "Hello", "<p>Hello</p>"), null, NotificationStatus.PENDING,
                null, 1, Instant.now(), null);
    }

    @Test
    void givesUpASendThatOutlastsTheSendTimeoutEvenWhenNoSingleReadTimesOut() throws Exception {
        try (var smtp = new SlowSmtp(Duration.ofSeconds(6))) {
            Mailer mailer = mailerFor(smtp, Duration.ofSeconds(1));
            Instant start = Instant.now();

            assertThatThrownBy(() -> mailer.send(notification())).isInstanceOf(MailException.class);

            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(4));
            assertThat(smtp.accepted()).isZero();
        }
    }

    @Test
    void sendsWhenTheServerAnswersWithinTheSendTimeout() throws Exception {
        try (var smtp = new SlowSmtp(Duration.ofMillis(200))) {
            mailerFor(smtp, Duration.ofSeconds(10)).send(notification());

            assertThat(smtp.accepted()).isEqualTo(1);
        }
    }

    @Test
    void leaseOfAClaimOutlastsTheSendTimeout() {
        assertThat(Notifications.leaseFor(Duration.ofSeconds(60))).isGreaterThan(Duration.ofSeconds(60));
        assertThat(Notifications.leaseFor(Duration.ofMillis(500))).isGreaterThan(Duration.ofMillis(500));
    }
}
