package com.example.shop.customer.preferences.web;

import java.util.Arrays;

import com.example.shop.customer.preferences.Channel;
import com.example.shop.customer.preferences.Topic;

/** Parses topic and channel names from requests; anything unknown is bad input. */
final class PreferenceNames {

    private PreferenceNames() {
    }

    static Topic topic(String name) {
        return Arrays.stream(Topic.values()).filter(topic -> topic.name().equals(name)).findFirst()
                .orElseThrow(() -> new BadPreferencesException(
                        "Unknown topic; known topics are " + Arrays.toString(Topic.values()) + "."));
    }

    static Channel channel(String name) {
        return Arrays.stream(Channel.values()).filter(channel -> channel.name().equals(name)).findFirst()
                .orElseThrow(() -> new BadPreferencesException(
                        "Unknown channel; known channels are " + Arrays.toString(Channel.values()) + "."));
    }
}
