package com.example.shop.notification.email;

import java.util.Objects;
import java.util.UUID;

/** The identity of one notification; also the basis of its e-mail's Message-ID. */
public record NotificationId(UUID value) {

    public NotificationId {
        Objects.requireNonNull(value, "value");
    }

    public static NotificationId random() {
        return new NotificationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
