package com.example.shop.notification.email;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends the e-mails whose first attempt failed (SMTP down) or never happened (crash after recording). */
@Component
class RetryJob {

    private static final Logger log = LoggerFactory.getLogger(RetryJob.class);

    private final Notifications notifications;

    RetryJob(Notifications notifications) {
        this.notifications = notifications;
    }

    @Scheduled(fixedDelayString = "${shop.notification.retry.poll-interval:5s}",
            initialDelayString = "${shop.notification.retry.poll-interval:5s}")
    void retryDue() {
        try {
            int sent = notifications.deliverDue();
            if (sent > 0) {
                log.info("Sent {} delayed e-mail(s)", sent);
            }
        }
        catch (RuntimeException ex) {
            // The database may be briefly unreachable; the next run tries again.
            log.warn("Retrying e-mails failed: {}", ex.getMessage());
        }
    }
}
