package com.example.shop.customer.preferences.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.shop.contracts.customer.CustomerEvents;
import com.example.shop.customer.ContractSamples;
import com.example.shop.customer.account.Customer;
import com.example.shop.customer.account.CustomerId;
import com.example.shop.customer.account.Role;
import com.example.shop.customer.preferences.Channel;
import com.example.shop.customer.preferences.NotificationPreferences;
import com.example.shop.customer.preferences.Topic;

/** customer.registered.v1 and customer.preferences_changed.v1 as the samples in platform/customer-events show them. */
class CustomerEventsContractTests {

    private static final Customer ADA = new Customer(
            new CustomerId(UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d")), "ada@example.com", "Ada Lovelace",
            "{bcrypt}x", Set.of(Role.CUSTOMER));
    private static final String TOKEN = "u_4f9c2a7e1b8d4c3f";

    @Test
    void publishesRegistrationAsTheSampleShowsIt() {
        var published = ContractSamples.published(CustomerEvents.CUSTOMER_REGISTERED, ADA.id().toString(),
                CustomerEventsTranslator.registered(ADA, NotificationPreferences.defaults(true), TOKEN,
                        Instant.parse("2026-11-20T09:00:00Z")));

        assertThat(published).isEqualTo(ContractSamples.sample(CustomerEvents.TOPIC, CustomerEvents.CUSTOMER_REGISTERED));
    }

    @Test
    void publishesEveryTopicInAPreferencesChangeEvenThoseTurnedOff() {
        var subscriptions = new EnumMap<Topic, Set<Channel>>(Topic.class);
        subscriptions.put(Topic.ACCOUNT, Set.of(Channel.EMAIL));
        subscriptions.put(Topic.ORDER_UPDATES, Set.of(Channel.EMAIL));
        var preferences = new NotificationPreferences(false, subscriptions);

        var published = ContractSamples.published(CustomerEvents.CUSTOMER_PREFERENCES_CHANGED, ADA.id().toString(),
                CustomerEventsTranslator.changed(ADA, preferences, TOKEN, Instant.parse("2026-11-21T10:00:00Z")));

        // The sample leaves CART_REMINDERS out ("a topic that is missing gets nothing"); this service always
        // sends every topic, an empty list for one that is off, which means the same to consumers.
        var sample = ContractSamples.sample(CustomerEvents.TOPIC, CustomerEvents.CUSTOMER_PREFERENCES_CHANGED);
        var withCartReminders = (tools.jackson.databind.node.ArrayNode) sample.get("data").get("preferences")
                .get("subscriptions");
        var cartReminders = withCartReminders.objectNode().put("topic", "CART_REMINDERS");
        cartReminders.putArray("channels");
        withCartReminders.insert(2, cartReminders);
        assertThat(published).isEqualTo(sample);
    }
}
