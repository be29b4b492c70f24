package com.example.shop.carrier.trackers.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.carrier.ApiError;
import com.example.shop.carrier.trackers.TrackerView;
import com.example.shop.carrier.trackers.Trackers;

/**
 * {@code GET /v1/trackers/{trackingNumber}} (also at {@code /track/{trackingNumber}}, every label's
 * {@code tracking_url}), and {@code POST /v1/trackers/{trackingNumber}/advance}, the test and demo control
 * that moves a parcel on by one step now.
 */
@RestController
class TrackersController {

    private final Trackers trackers;

    TrackersController(Trackers trackers) {
        this.trackers = trackers;
    }

    @GetMapping({"/v1/trackers/{trackingNumber}", "/track/{trackingNumber}"})
    TrackerView find(@PathVariable String trackingNumber) {
        return trackers.find(trackingNumber).orElseThrow(() -> unknown(trackingNumber));
    }

    @PostMapping("/v1/trackers/{trackingNumber}/advance")
    TrackerView advance(@PathVariable String trackingNumber) {
        return trackers.advance(trackingNumber).orElseThrow(() -> unknown(trackingNumber));
    }

    private static ApiError unknown(String trackingNumber) {
        return ApiError.notFound("No such tracker: '" + trackingNumber + "'.");
    }
}
