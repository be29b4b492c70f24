package com.example.shop.carrier.trackers;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A tracker as the provider shows it: the latest status and every event so far, oldest first. */
public record TrackerView(
        @JsonProperty("tracking_number") String trackingNumber,
        String carrier,
        TrackingStatus status,
        List<TrackingEvent> events) {

    public TrackerView {
        events = List.copyOf(events);
    }
}
