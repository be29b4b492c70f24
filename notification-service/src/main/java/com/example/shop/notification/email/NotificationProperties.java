package com.example.shop.notification.email;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the e-mail notifications ({@code shop.notification.*}).
 *
 * @param from the sender address of every e-mail
 * @param sendTimeout the longest one send may take, from opening the SMTP connection to closing it; the
 *     connection is closed by force when it runs out. An attempt's lease is derived from it
 * @param retry how unsent e-mails are retried
 * @param publicUrl the shop's address as customers reach it (the gateway), the base of every link in a mail
 */
@ConfigurationProperties("shop.notification")
public record NotificationProperties(@DefaultValue("Shop <orders@shop.local>") String from,
        @DefaultValue("60s") Duration sendTimeout, @DefaultValue Retry retry,
        @DefaultValue("http://localhost:8080") String publicUrl) {

    /**
     * @param pollInterval how often the retry job looks for due e-mails
     * @param initialBackoff the wait after the first failed attempt; doubles per attempt
     * @param maxBackoff the longest wait between attempts
     * @param maxAttempts attempts before an e-mail is given up as {@link NotificationStatus#FAILED}
     */
    public record Retry(@DefaultValue("5s") Duration pollInterval, @DefaultValue("30s") Duration initialBackoff,
            @DefaultValue("15m") Duration maxBackoff, @DefaultValue("20") int maxAttempts) {
    }
}
