package com.example.shop.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.shop.notification.recipient.Recipient;
import com.example.shop.notification.recipient.Topic;

class UnsubscribeLinksTests {

    private final UnsubscribeLinks links = new UnsubscribeLinks("https://shop.example/");

    private static Optional<Recipient> withToken(String token) {
        return Optional.of(new Recipient(UUID.randomUUID(), "ada@example.com", "Ada", true, Map.of(), token,
                Instant.now()));
    }

    @Test
    void buildsTheLinkFromThePublicUrlTheTokenAndTheTopic() {
        assertThat(links.forTopic(Topic.CART_REMINDERS, withToken("u_4f9c")))
                .contains("https://shop.example/api/customers/unsubscribe?token=u_4f9c&topic=CART_REMINDERS");
    }

    @Test
    void encodesTheToken() {
        assertThat(links.forTopic(Topic.SURVEYS, withToken("a b&c=d")))
                .contains("https://shop.example/api/customers/unsubscribe?token=a+b%26c%3Dd&topic=SURVEYS");
    }

    @Test
    void givesAccountMailsAndCustomersWithoutTokenNoLink() {
        assertThat(links.forTopic(Topic.ACCOUNT, withToken("u_1"))).isEmpty();
        assertThat(links.forTopic(Topic.ORDER_UPDATES, withToken(null))).isEmpty();
        assertThat(links.forTopic(Topic.ORDER_UPDATES, Optional.empty())).isEmpty();
    }
}
