package com.example.shop.notification.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Which topics a customer's preferences allow by e-mail. */
class RecipientTests {

    private static Recipient with(boolean marketing, Map<String, List<String>> channels) {
        return new Recipient(UUID.randomUUID(), "ada@example.com", "Ada", marketing, channels, "u_1", Instant.now());
    }

    @Test
    void allowsATopicWhoseChannelsIncludeEmail() {
        assertThat(with(false, Map.of("ORDER_UPDATES", List.of("SMS", "EMAIL"))).refusal(Topic.ORDER_UPDATES))
                .isEmpty();
    }

    @Test
    void refusesATopicWithoutEmailOrMissingAltogether() {
        Recipient smsOnly = with(true, Map.of("SURVEYS", List.of("SMS")));

        assertThat(smsOnly.refusal(Topic.SURVEYS)).contains("e-mail turned off for SURVEYS");
        assertThat(smsOnly.refusal(Topic.ORDER_UPDATES)).contains("e-mail turned off for ORDER_UPDATES");
    }

    @Test
    void refusesCartRemindersWithoutMarketingConsentWhateverTheChannels() {
        Recipient noConsent = with(false, Map.of("CART_REMINDERS", List.of("EMAIL")));
        Recipient consent = with(true, Map.of("CART_REMINDERS", List.of("EMAIL")));

        assertThat(noConsent.refusal(Topic.CART_REMINDERS)).contains("no marketing consent");
        assertThat(consent.refusal(Topic.CART_REMINDERS)).isEmpty();
    }

    @Test
    void keepsTopicsItDoesNotKnow() {
        assertThat(with(true, Map.of("LOYALTY", List.of("EMAIL"))).channelsByTopic()).containsKey("LOYALTY");
    }
}
