package com.example.shop.customer.preferences;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A customer's consent to marketing and, for every {@link Topic}, the channels it may use. Every topic is always
 * present; a topic without channels is sent nothing.
 */
public record NotificationPreferences(boolean marketingOptIn, Map<Topic, Set<Channel>> subscriptions) {

    public NotificationPreferences {
        var complete = new EnumMap<Topic, Set<Channel>>(Topic.class);
        for (Topic topic : Topic.values()) {
            Set<Channel> channels = subscriptions.get(topic);
            complete.put(topic, channels == null || channels.isEmpty() ? Set.of()
                    : Set.copyOf(EnumSet.copyOf(channels)));
        }
        subscriptions = java.util.Collections.unmodifiableMap(complete);
    }

    /** What a new customer gets: e-mail for every topic, marketing consent as given when signing up. */
    public static NotificationPreferences defaults(boolean marketingOptIn) {
        var all = new EnumMap<Topic, Set<Channel>>(Topic.class);
        for (Topic topic : Topic.values()) {
            all.put(topic, Set.of(Channel.EMAIL));
        }
        return new NotificationPreferences(marketingOptIn, all);
    }

    /** The channels of a topic, in a stable order. */
    public Set<Channel> channels(Topic topic) {
        Set<Channel> channels = subscriptions.get(topic);
        return channels.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(channels);
    }

    /** The same preferences with e-mail turned off for these topics; other channels and consent stay. */
    public NotificationPreferences withoutEmailFor(Collection<Topic> topics) {
        var changed = new EnumMap<Topic, Set<Channel>>(subscriptions);
        for (Topic topic : topics) {
            Set<Channel> channels = channels(topic);
            channels.remove(Channel.EMAIL);
            changed.put(topic, channels);
        }
        return new NotificationPreferences(marketingOptIn, changed);
    }
}
