package com.example.shop.notification.email;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notifications in table {@code notification}. */
@Repository
public class NotificationRepository {

    private static final String COLUMNS = """
            id, event_id, type, order_id, customer_id, channel, recipient, subject, body, html_body, unsubscribe_url,
            status, status_reason, attempts, created_at, sent_at""";

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a new notification (PENDING ones due at once). Creation time comes from the database clock, like
     * every other time the retry logic compares, so an application clock that is off cannot delay the first
     * attempt.
     *
     * @return {@code false} when a notification of the same type for the same event exists already
     */
    public boolean insert(Notification notification) {
        return jdbc.sql("""
                insert into notification (id, event_id, type, topic, order_id, customer_id, channel, recipient,
                        subject, body, html_body, unsubscribe_url, status, status_reason, attempts, next_attempt_at,
                        created_at)
                values (:id, :eventId, :type, :topic, :orderId, :customerId, :channel, :recipient, :subject, :body,
                        :html, :unsubscribeUrl, :status, :statusReason, 0, now(), now())
                on conflict (event_id, type) do nothing
                """)
                .param("id", notification.id().value())
                .param("eventId", notification.eventId())
                .param("type", notification.type().name())
                .param("topic", notification.topic().name())
                .param("orderId", notification.orderId())
                .param("customerId", notification.customerId())
                .param("channel", notification.channel().name())
                .param("recipient", notification.recipient())
                .param("subject", notification.content().subject())
                .param("body", notification.content().text())
                .param("html", notification.content().html())
                .param("unsubscribeUrl", notification.unsubscribeUrl())
                .param("status", notification.status().name())
                .param("statusReason", notification.statusReason())
                .update() == 1;
    }

    /**
     * Removes the customer's address and every mail's text, and cancels the mails not sent yet: what remains says
     * only that a mail of some type was (or was not) sent at some time.
     *
     * @return how many notifications were anonymised
     */
    public int anonymise(UUID customerId) {
        return jdbc.sql("""
                update notification
                set recipient = null, subject = null, body = null, html_body = null, unsubscribe_url = null,
                    last_error = null,
                    status_reason = case when status = 'PENDING' then 'account deleted' else status_reason end,
                    status = case when status = 'PENDING' then 'CANCELLED' else status end
                where customer_id = :customer
                """)
                .param("customer", customerId)
                .update();
    }

    /**
     * Takes the right to attempt delivery: succeeds for one caller only, and only when the notification is
     * PENDING and due. Counts the attempt and pushes the next one {@code lease} into the future, so nobody else
     * claims it while this attempt may still be talking to the SMTP server. The returned notification's
     * {@code attempts} is this claim's attempt number, which the outcome must quote.
     */
    public Optional<Notification> claim(NotificationId id, Duration lease) {
        return jdbc.sql("""
                update notification
                set attempts = attempts + 1,
                    next_attempt_at = now() + :leaseMs * interval '1 millisecond'
                where id = :id and status = 'PENDING' and next_attempt_at <= now()
                returning %s
                """.formatted(COLUMNS))
                .param("id", id.value())
                .param("leaseMs", lease.toMillis())
                .query(NotificationRepository::map)
                .optional();
    }

    /**
     * Records that the SMTP server accepted the e-mail. This is recorded even when the attempt had lost its claim
     * (another attempt took over after the lease ran out): the message did go out, and leaving the row PENDING
     * would only add a further copy. A mail cancelled meanwhile (the customer deleted their account) stays
     * cancelled: its row keeps no address to show.
     *
     * @return {@code true} when attempt {@code attempt} still held the claim and the row was not sent before
     */
    public boolean markSent(NotificationId id, int attempt) {
        return jdbc.sql("""
                update notification set status = 'SENT', sent_at = now(), last_error = null
                where id = :id and status in ('PENDING', 'FAILED')
                returning attempts
                """)
                .param("id", id.value())
                .query(Integer.class)
                .optional()
                .map(attempts -> attempts == attempt)
                .orElse(false);
    }

    /**
     * Records why attempt {@code attempt} failed and when to try again: {@code initialBackoff} doubled per earlier
     * attempt, at most {@code maxBackoff}; gives the notification up once it has had {@code maxAttempts}. Does
     * nothing when the attempt no longer holds the claim, so a stale attempt cannot overwrite a newer one's
     * outcome.
     *
     * @return {@code true} when the failure was recorded
     */
    public boolean markAttemptFailed(NotificationId id, int attempt, String error, int maxAttempts,
            Duration initialBackoff, Duration maxBackoff) {
        return jdbc.sql("""
                update notification
                set last_error = :error,
                    status = case when attempts >= :maxAttempts then 'FAILED' else status end,
                    next_attempt_at = now() + least(:initialMs * power(2, least(attempts - 1, 30)), :maxMs)
                                              * interval '1 millisecond'
                where id = :id and status = 'PENDING' and attempts = :attempt
                """)
                .param("id", id.value())
                .param("attempt", attempt)
                .param("error", error)
                .param("maxAttempts", maxAttempts)
                .param("initialMs", initialBackoff.toMillis())
                .param("maxMs", maxBackoff.toMillis())
                .update() == 1;
    }

    public List<NotificationId> findDue(int limit) {
        return jdbc.sql("""
                select id from notification where status = 'PENDING' and next_attempt_at <= now()
                order by next_attempt_at limit :limit
                """)
                .param("limit", limit)
                .query((rs, n) -> new NotificationId(rs.getObject("id", UUID.class)))
                .list();
    }

    public Optional<Notification> findById(NotificationId id) {
        return jdbc.sql("select " + COLUMNS + " from notification where id = :id")
                .param("id", id.value())
                .query(NotificationRepository::map)
                .optional();
    }

    /** A customer's newest notifications, newest first, at most {@code limit}. */
    public List<Notification> findByCustomer(UUID customerId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from notification where customer_id = :customer "
                        + "order by created_at desc, id limit :limit")
                .param("customer", customerId)
                .param("limit", limit)
                .query(NotificationRepository::map)
                .list();
    }

    private static Notification map(ResultSet rs, int row) throws SQLException {
        Timestamp sentAt = rs.getTimestamp("sent_at");
        return new Notification(new NotificationId(rs.getObject("id", UUID.class)),
                rs.getObject("event_id", UUID.class), NotificationType.valueOf(rs.getString("type")),
                rs.getObject("order_id", UUID.class), rs.getObject("customer_id", UUID.class),
                Channel.valueOf(rs.getString("channel")), rs.getString("recipient"),
                new EmailContent(rs.getString("subject"), rs.getString("body"), rs.getString("html_body")),
                rs.getString("unsubscribe_url"), NotificationStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
                sentAt == null ? null : sentAt.toInstant());
    }
}
