package com.example.shop.notification.email.messaging;

import java.util.function.Supplier;

import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Events;

/** What every translator does when an event of a known type lacks what this service needs. */
final class Translation {

    private Translation() {
    }

    /**
     * Runs a translation; a required field that is missing or invalid makes the event malformed, which sends it to
     * the dead-letter topic at once instead of retrying what no retry can fix.
     */
    static <T> T guarded(EventEnvelope envelope, Supplier<T> translation) {
        try {
            return translation.get();
        }
        catch (NullPointerException | IllegalArgumentException ex) {
            throw new Events.MalformedEventException(envelope.type() + " " + envelope.id() + ": " + ex.getMessage());
        }
    }
}
