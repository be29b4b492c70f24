package com.example.shop.notification.email;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.example.shop.notification.recipient.Recipient;
import com.example.shop.notification.recipient.Topic;

/**
 * Builds the unsubscribe link of a mail: customer-service's open endpoint behind the gateway, with the customer's
 * unsubscribe token as the credential and the mail's topic as what to turn off.
 */
@Component
public class UnsubscribeLinks {

    private final String publicUrl;

    @Autowired
    UnsubscribeLinks(NotificationProperties properties) {
        this(properties.publicUrl());
    }

    UnsubscribeLinks(String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /**
     * The link for a mail on {@code topic}, or empty for account mails (nobody may unsubscribe from those) and for
     * customers whose token this service does not know.
     */
    public Optional<String> forTopic(Topic topic, Optional<Recipient> recipient) {
        if (topic == Topic.ACCOUNT) {
            return Optional.empty();
        }
        return recipient.map(Recipient::unsubscribeToken)
                .filter(token -> !token.isBlank())
                .map(token -> publicUrl + "/api/customers/unsubscribe?token="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&topic=" + topic.name());
    }

    /** The shop's own address, for links back to it. */
    public String shopUrl() {
        return publicUrl;
    }
}
