package com.example.shop.customer.preferences.web;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.customer.account.web.Callers;
import com.example.shop.customer.preferences.Channel;
import com.example.shop.customer.preferences.CustomerPreferences;
import com.example.shop.customer.preferences.NotificationPreferences;
import com.example.shop.customer.preferences.Topic;

/** The caller's consent and notification preferences, in the shape of the published {@code Preferences}. */
@RestController
@RequestMapping("/api/customers/me/preferences")
class PreferencesController {

    private final CustomerPreferences preferences;

    PreferencesController(CustomerPreferences preferences) {
        this.preferences = preferences;
    }

    record SubscriptionBody(String topic, List<String> channels) {
    }

    record PreferencesBody(@NotNull Boolean marketingOptIn, @NotNull @Size(max = 20) List<SubscriptionBody> subscriptions) {

        static PreferencesBody of(NotificationPreferences preferences) {
            return new PreferencesBody(preferences.marketingOptIn(), Arrays.stream(Topic.values())
                    .map(topic -> new SubscriptionBody(topic.name(),
                            preferences.channels(topic).stream().map(Channel::name).toList()))
                    .toList());
        }
    }

    @GetMapping
    PreferencesBody get(@AuthenticationPrincipal Jwt jwt) {
        return PreferencesBody.of(preferences.of(Callers.customerOf(jwt)));
    }

    /** Replaces the whole state; a topic left out gets no channels. */
    @PutMapping
    PreferencesBody put(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PreferencesBody body) {
        return PreferencesBody.of(preferences.change(Callers.customerOf(jwt), parse(body)));
    }

    private static NotificationPreferences parse(PreferencesBody body) {
        Map<Topic, Set<Channel>> subscriptions = new EnumMap<>(Topic.class);
        for (SubscriptionBody subscription : body.subscriptions()) {
            if (subscription == null) {
                throw new BadPreferencesException("A subscription must not be null.");
            }
            Topic topic = PreferenceNames.topic(subscription.topic());
            if (subscriptions.containsKey(topic)) {
                throw new BadPreferencesException("Topic " + topic + " appears twice.");
            }
            if (subscription.channels() == null) {
                throw new BadPreferencesException("Topic " + topic + " needs a list of channels (may be empty).");
            }
            Set<Channel> channels = EnumSet.noneOf(Channel.class);
            subscription.channels().forEach(channel -> channels.add(PreferenceNames.channel(channel)));
            subscriptions.put(topic, channels);
        }
        return new NotificationPreferences(body.marketingOptIn(), subscriptions);
    }
}
