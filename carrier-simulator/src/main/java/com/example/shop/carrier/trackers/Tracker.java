package com.example.shop.carrier.trackers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One parcel's progress. Each step after LABEL_CREATED falls due a quarter of the transit time after the one
 * before (counted from the label); {@link #advance} reaches the next step at once. An event, once reached,
 * never changes, so every read shows the same history plus what happened since.
 */
final class Tracker {

    private static final TrackingStatus[] STEPS = TrackingStatus.values();

    private final String trackingNumber;
    private final String carrier;
    private final Instant created;
    private final Duration transitTime;
    private final String destinationCity;
    private final List<TrackingEvent> events = new ArrayList<>();

    Tracker(String trackingNumber, String carrier, Instant created, Duration transitTime, String destinationCity) {
        this.trackingNumber = trackingNumber;
        this.carrier = carrier;
        this.created = created;
        this.transitTime = transitTime;
        this.destinationCity = destinationCity;
        events.add(new TrackingEvent(TrackingStatus.LABEL_CREATED, location(TrackingStatus.LABEL_CREATED), created));
    }

    synchronized TrackerView view(Instant now) {
        catchUp(now);
        return snapshot();
    }

    /** Reaches the next step now (after any that fell due meanwhile); a delivered parcel stays delivered. */
    synchronized TrackerView advance(Instant now) {
        catchUp(now);
        if (events.size() < STEPS.length) {
            reach(STEPS[events.size()], now);
        }
        return snapshot();
    }

    private void catchUp(Instant now) {
        while (events.size() < STEPS.length) {
            Instant due = created.plus(transitTime.multipliedBy(events.size()).dividedBy(STEPS.length - 1));
            if (due.isAfter(now)) {
                return;
            }
            reach(STEPS[events.size()], due);
        }
    }

    private void reach(TrackingStatus status, Instant at) {
        events.add(new TrackingEvent(status, location(status), at));
    }

    private String location(TrackingStatus status) {
        return switch (status) {
            case LABEL_CREATED -> "Utrecht";
            case PICKED_UP -> "Utrecht depot";
            case IN_TRANSIT -> "Utrecht hub";
            case OUT_FOR_DELIVERY -> destinationCity + " delivery centre";
            case DELIVERED -> destinationCity;
        };
    }

    private TrackerView snapshot() {
        return new TrackerView(trackingNumber, carrier, events.getLast().status(), events);
    }
}
