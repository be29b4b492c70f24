package com.example.shop.carrier.trackers;

/** The steps every parcel goes through, in order. */
public enum TrackingStatus {
    LABEL_CREATED,
    PICKED_UP,
    IN_TRANSIT,
    OUT_FOR_DELIVERY,
    DELIVERED
}
