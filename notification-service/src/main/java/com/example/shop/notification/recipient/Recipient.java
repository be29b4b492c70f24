package com.example.shop.notification.recipient;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What this service knows about a customer it may write to: the address and the preferences customer-service
 * last published.
 *
 * @param channelsByTopic per topic the channels the customer allows, as published; topics this service does not
 *     know are kept, a topic that is missing allows nothing
 * @param unsubscribeToken the secret of the customer's unsubscribe links; may be {@code null}
 * @param asOf the time of the event this state comes from
 */
public record Recipient(UUID customerId, String email, String name, boolean marketingOptIn,
        Map<String, List<String>> channelsByTopic, String unsubscribeToken, Instant asOf) {

    /** The channel this service sends on. */
    public static final String EMAIL = "EMAIL";

    public Recipient {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(asOf, "asOf");
        channelsByTopic = Map.copyOf(channelsByTopic);
    }

    /**
     * Why the customer does not want an e-mail on this topic, or empty when they do: the topic's channels must
     * include e-mail, and a marketing topic also needs marketing consent.
     */
    public Optional<String> refusal(Topic topic) {
        if (topic.isMarketing() && !marketingOptIn) {
            return Optional.of("no marketing consent");
        }
        if (!channelsByTopic.getOrDefault(topic.name(), List.of()).contains(EMAIL)) {
            return Optional.of("e-mail turned off for " + topic.name());
        }
        return Optional.empty();
    }
}
