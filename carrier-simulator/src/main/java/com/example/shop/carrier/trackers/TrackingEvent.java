package com.example.shop.carrier.trackers;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One step a parcel reached, where and when. */
public record TrackingEvent(TrackingStatus status, String location, @JsonProperty("occurred_at") Instant occurredAt) {
}
