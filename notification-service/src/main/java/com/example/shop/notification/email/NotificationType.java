package com.example.shop.notification.email;

import com.example.shop.notification.recipient.Topic;

/** What a notification tells the customer; each type has its own template pair and belongs to one topic. */
public enum NotificationType {
    WELCOME(Topic.ACCOUNT),
    ORDER_CONFIRMED(Topic.ORDER_UPDATES),
    ORDER_REJECTED(Topic.ORDER_UPDATES),
    ORDER_CANCELLED(Topic.ORDER_UPDATES),
    ORDER_SHIPPED(Topic.ORDER_UPDATES),
    ORDER_REFUNDED(Topic.ORDER_UPDATES),
    CART_REMINDER(Topic.CART_REMINDERS),
    SURVEY(Topic.SURVEYS);

    private final Topic topic;

    NotificationType(Topic topic) {
        this.topic = topic;
    }

    /** The preference topic that decides whether the customer wants this mail. */
    public Topic topic() {
        return topic;
    }

    /** The template pair's base name under {@code templates/email/}: {@code order-shipped.html} and {@code .txt}. */
    public String templateName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
