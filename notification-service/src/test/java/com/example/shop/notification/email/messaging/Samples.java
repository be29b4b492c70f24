package com.example.shop.notification.email.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.example.shop.platform.messaging.Events;

import tools.jackson.databind.json.JsonMapper;

/** The producers' checked-in sample events, from their contract modules on the classpath. */
final class Samples {

    private Samples() {
    }

    static Events events() {
        return new Events(JsonMapper.builder().build());
    }

    static String json(String topic, String type) {
        try (InputStream in = Samples.class.getResourceAsStream("/contracts/" + topic + "/" + type + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + topic + "/" + type);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
