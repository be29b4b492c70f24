package com.example.shop.contracts.customer;

import java.util.List;

/**
 * What a customer agreed to be sent, and how.
 *
 * @param marketingOptIn consent to marketing (cart reminders and other promotional mail); without it no
 *     marketing topic is sent whatever {@code subscriptions} say
 * @param subscriptions per topic the channels it may use; a topic that is missing gets nothing
 */
public record Preferences(boolean marketingOptIn, List<Subscription> subscriptions) {

    /**
     * @param topic {@code ORDER_UPDATES} (confirmed, rejected, shipped, refunded), {@code CART_REMINDERS}
     *     (marketing), {@code SURVEYS}, {@code ACCOUNT} (welcome); consumers must accept topics they do not know
     * @param channels {@code EMAIL} (and {@code SMS}, recorded but not sent by this shop)
     */
    public record Subscription(String topic, List<String> channels) {
    }
}
