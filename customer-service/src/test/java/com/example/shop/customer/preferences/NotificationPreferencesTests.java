package com.example.shop.customer.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class NotificationPreferencesTests {

    @Test
    void defaultsGiveEmailForEveryTopic() {
        var defaults = NotificationPreferences.defaults(false);

        for (Topic topic : Topic.values()) {
            assertThat(defaults.channels(topic)).containsExactly(Channel.EMAIL);
        }
        assertThat(defaults.marketingOptIn()).isFalse();
    }

    @Test
    void aTopicLeftOutHasNoChannels() {
        var preferences = new NotificationPreferences(true, new EnumMap<>(Topic.class));

        assertThat(preferences.channels(Topic.SURVEYS)).isEmpty();
        assertThat(preferences.subscriptions()).hasSize(Topic.values().length);
    }

    @Test
    void unsubscribingTurnsOffOnlyEmailAndKeepsConsent() {
        var subscriptions = new EnumMap<Topic, Set<Channel>>(Topic.class);
        subscriptions.put(Topic.SURVEYS, Set.of(Channel.EMAIL, Channel.SMS));
        subscriptions.put(Topic.ORDER_UPDATES, Set.of(Channel.EMAIL));
        var preferences = new NotificationPreferences(true, subscriptions);

        var after = preferences.withoutEmailFor(List.of(Topic.SURVEYS));

        assertThat(after.channels(Topic.SURVEYS)).containsExactly(Channel.SMS);
        assertThat(after.channels(Topic.ORDER_UPDATES)).containsExactly(Channel.EMAIL);
        assertThat(after.marketingOptIn()).isTrue();
        assertThat(after.withoutEmailFor(List.of(Topic.SURVEYS))).isEqualTo(after);
    }
}
