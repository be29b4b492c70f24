package com.example.shop.notification.email;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.example.shop.notification.recipient.Recipient;
import com.example.shop.notification.recipient.Recipients;

/**
 * Tells customers by e-mail about their account, orders, carts and surveys, at most once per event and type, and
 * only within their preferences.
 *
 * <p>Recording and sending are separate steps. {@link #record} runs in the transaction that records the event
 * in the inbox, so an event yields exactly one PENDING notification. {@link #deliver} then sends it outside any
 * transaction; only a caller that wins the {@link NotificationRepository#claim claim} sends, so the listener
 * and the retry job never send the same notification at the same time. The claim's lease is longer than the send
 * timeout, which the {@link Mailer} enforces by closing the connection, so a lease cannot run out while its
 * attempt is still talking to the SMTP server.
 */
@Service
public class Notifications implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    private static final int RETRY_BATCH = 50;

    /** The most notifications {@link #history} returns. */
    public static final int HISTORY_LIMIT = 100;

    /**
     * What the lease adds to the send timeout: the work of an attempt around the SMTP conversation (loading and
     * rendering the message, resolving the host) and a pause of the JVM must not let the lease run out first.
     */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    /** Back-off between tries to record a send while the database is away. */
    private static final Duration RECORD_FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration RECORD_MAX_PAUSE = Duration.ofSeconds(2);

    private final NotificationRepository notifications;
    private final Recipients recipients;
    private final EmailTemplates templates;
    private final UnsubscribeLinks links;
    private final Mailer mailer;
    private final NotificationProperties.Retry retry;
    private final Duration lease;
    /**
     * Sends on behalf of the Kafka listener, so a slow SMTP server does not hold up the partition. Bounded: when it
     * is full the notification simply stays due and the retry job sends it.
     */
    private final ThreadPoolExecutor sending = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(100), runnable -> {
                Thread thread = new Thread(runnable, "email-send");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());

    Notifications(NotificationRepository notifications, Recipients recipients, EmailTemplates templates,
            UnsubscribeLinks links, Mailer mailer, NotificationProperties properties) {
        this.notifications = notifications;
        this.recipients = recipients;
        this.templates = templates;
        this.links = links;
        this.mailer = mailer;
        this.retry = properties.retry();
        this.lease = leaseFor(properties.sendTimeout());
    }

    /** How long a claim holds a notification: longer than the longest send. */
    static Duration leaseFor(Duration sendTimeout) {
        return sendTimeout.plus(LEASE_MARGIN);
    }

    /**
     * Records the e-mail for an occasion: PENDING (rendered now, so every attempt sends the same text) when the
     * customer's preferences allow it, SUPPRESSED (subject only, never sent) when they do not. Nothing is recorded
     * for a customer who deleted their account, nor for a marketing mail to a customer the directory does not
     * know (no address, no consent). A customer the directory does not know yet (registered before it existed)
     * gets the other mails at the address the event names.
     *
     * @return the id of a new PENDING notification to deliver; empty when there is nothing to send (suppressed,
     *     skipped, or this event already has its notification of this type)
     */
    @Transactional
    public Optional<NotificationId> record(Occasion occasion) {
        UUID customerId = occasion.customerId();
        NotificationType type = occasion.type();
        if (recipients.isForgotten(customerId)) {
            log.info("No {} e-mail for event {}: customer {} deleted their account", type, occasion.eventId(),
                    customerId);
            return Optional.empty();
        }
        Optional<Recipient> known = recipients.find(customerId);
        if (known.isEmpty() && type.topic().isMarketing()) {
            log.info("No {} e-mail for event {}: customer {} is unknown here, so is their consent", type,
                    occasion.eventId(), customerId);
            return Optional.empty();
        }
        String address = known.map(Recipient::email).orElse(occasion.email());
        if (address == null) {
            log.info("No {} e-mail for event {}: no address for customer {}", type, occasion.eventId(), customerId);
            return Optional.empty();
        }
        Optional<String> refusal = known.flatMap(recipient -> recipient.refusal(type.topic()));
        String unsubscribeUrl = links.forTopic(type.topic(), known).orElse(null);
        EmailContent content = refusal.isPresent()
                ? new EmailContent(EmailTemplates.subject(occasion), null, null)
                : templates.render(occasion, known.map(Recipient::name).orElse(null), unsubscribeUrl,
                        links.shopUrl());
        var notification = new Notification(NotificationId.random(), occasion.eventId(), type, occasion.orderId(),
                customerId, Channel.EMAIL, address, content, refusal.isPresent() ? null : unsubscribeUrl,
                refusal.isPresent() ? NotificationStatus.SUPPRESSED : NotificationStatus.PENDING,
                refusal.orElse(null), 0, null, null);
        if (!notifications.insert(notification)) {
            return Optional.empty();
        }
        refusal.ifPresent(reason -> log.info("{} e-mail for event {} suppressed: {}", type, occasion.eventId(),
                reason));
        return refusal.isPresent() ? Optional.empty() : Optional.of(notification.id());
    }

    /**
     * Forgets a customer who deleted their account: drops them from the directory, anonymises their history and
     * cancels what was not sent yet. Nothing is sent to them afterwards.
     */
    @Transactional
    public void forget(UUID customerId) {
        recipients.forget(customerId);
        int anonymised = notifications.anonymise(customerId);
        log.info("Customer {} deleted: {} notification(s) anonymised", customerId, anonymised);
    }

    /**
     * Attempts to send a PENDING, due notification. A failed attempt leaves it PENDING for the retry job.
     *
     * @return {@code true} when the e-mail was sent now
     */
    public boolean deliver(NotificationId id) {
        Instant claimEnds = Instant.now().plus(lease);
        Optional<Notification> claimed = notifications.claim(id, lease);
        if (claimed.isEmpty()) {
            return false;
        }
        Notification notification = claimed.get();
        int attempt = notification.attempts();
        try {
            mailer.send(notification);
        }
        catch (MailException ex) {
            log.warn("E-mail {} to {} not sent (attempt {}), will retry: {}", id, notification.recipient(), attempt,
                    ex.getMessage());
            if (!notifications.markAttemptFailed(id, attempt, String.valueOf(ex.getMessage()), retry.maxAttempts(),
                    retry.initialBackoff(), retry.maxBackoff())) {
                log.warn("E-mail {}: attempt {} had lost its claim; its failure is not recorded", id, attempt);
            }
            return false;
        }
        // A crash here sends the e-mail again after the lease; the stable Message-ID marks it as a resend.
        if (!recordSent(id, attempt, claimEnds)) {
            log.warn("E-mail {} sent by attempt {} after its claim had passed on; it may have gone out twice", id,
                    attempt);
        }
        return true;
    }

    /**
     * Records the send, waiting out a database outage (a restart, a failover) for as long as the claim lasts: given
     * up at once, the row would stay PENDING and the retry job would send the e-mail a second time after the lease.
     */
    private boolean recordSent(NotificationId id, int attempt, Instant claimEnds) {
        Duration pause = RECORD_FIRST_PAUSE;
        while (true) {
            try {
                return notifications.markSent(id, attempt);
            }
            catch (DataAccessException ex) {
                if (Instant.now().plus(pause).isAfter(claimEnds.minus(LEASE_MARGIN.dividedBy(2)))) {
                    throw ex;
                }
                log.warn("E-mail {} sent, but not recorded yet (database: {}); trying again in {} ms", id,
                        ex.getMostSpecificCause().getMessage(), pause.toMillis());
                try {
                    Thread.sleep(pause);
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw ex;
                }
                pause = min(pause.multipliedBy(2), RECORD_MAX_PAUSE);
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * Sends the notification soon on a background thread instead of the caller's. Never blocks and never fails:
     * whatever is not sent here is still due, and the retry job sends it.
     */
    public void deliverSoon(NotificationId id) {
        sending.execute(() -> {
            try {
                deliver(id);
            }
            catch (RuntimeException ex) {
                log.warn("E-mail {} not sent now, the retry job will: {}", id, ex.getMessage());
            }
        });
    }

    /** Lets sends in progress finish for a moment; any cut short are retried after their lease. */
    @Override
    public void destroy() throws InterruptedException {
        sending.shutdown();
        sending.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Sends the PENDING notifications whose next attempt is due; returns how many were sent. */
    public int deliverDue() {
        int sent = 0;
        for (NotificationId id : notifications.findDue(RETRY_BATCH)) {
            if (deliver(id)) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * A customer's newest {@value #HISTORY_LIMIT} notifications, newest first. Bounded so that a customer with a
     * long history cannot make one request read and render an unbounded number of rows.
     */
    public List<Notification> history(UUID customerId) {
        return notifications.findByCustomer(customerId, HISTORY_LIMIT);
    }

    /** Everything this service holds about the customer, for their personal-data export. */
    public PersonalData personalData(UUID customerId) {
        return new PersonalData(recipients.find(customerId),
                notifications.findByCustomer(customerId, Integer.MAX_VALUE));
    }

    /** What {@link #personalData} found: the directory's entry (if any) and every notification, newest first. */
    public record PersonalData(Optional<Recipient> recipient, List<Notification> notifications) {
    }
}
