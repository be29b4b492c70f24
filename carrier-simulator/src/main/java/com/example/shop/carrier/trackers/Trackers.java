package com.example.shop.carrier.trackers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.example.shop.carrier.SimulatorProperties;

/**
 * The trackers of every label, in memory. A parcel moves LABEL_CREATED → PICKED_UP → IN_TRANSIT →
 * OUT_FOR_DELIVERY → DELIVERED, spread evenly over {@code carrier.transit-time}, or one step at a time on
 * request.
 */
@Component
public class Trackers {

    private final Map<String, Tracker> trackers = new ConcurrentHashMap<>();
    private final Duration transitTime;
    private final Clock clock;

    @Autowired
    public Trackers(SimulatorProperties properties) {
        this(properties.transitTime(), Clock.systemUTC());
    }

    public Trackers(Duration transitTime, Clock clock) {
        this.transitTime = transitTime;
        this.clock = clock;
    }

    /** Starts tracking a new label: its first event, LABEL_CREATED, is at the label's creation. */
    public void start(String trackingNumber, String carrier, Instant labelCreated, String destinationCity) {
        trackers.put(trackingNumber, new Tracker(trackingNumber, carrier, labelCreated, transitTime, destinationCity));
    }

    public Optional<TrackerView> find(String trackingNumber) {
        return Optional.ofNullable(trackers.get(trackingNumber)).map(tracker -> tracker.view(clock.instant()));
    }

    /** Moves the parcel on by one step now; empty when there is no such tracker. */
    public Optional<TrackerView> advance(String trackingNumber) {
        return Optional.ofNullable(trackers.get(trackingNumber)).map(tracker -> tracker.advance(clock.instant()));
    }
}
