package com.example.shop.carrier.labels;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import com.example.shop.carrier.SimulatorProperties;
import com.example.shop.carrier.rates.RateTable;
import com.example.shop.carrier.trackers.Trackers;

/**
 * Buys labels: prices the parcel with the chosen service, issues a tracking number and starts its tracker.
 * Labels live in memory and are gone when the simulator stops.
 */
@Service
public class Labels {

    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final Map<String, Label> labels = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final RateTable rates;
    private final Trackers trackers;
    private final String trackingBase;
    private final Clock clock;

    @Autowired
    public Labels(RateTable rates, Trackers trackers, SimulatorProperties properties) {
        this(rates, trackers, properties, Clock.systemUTC());
    }

    Labels(RateTable rates, Trackers trackers, SimulatorProperties properties, Clock clock) {
        this.rates = rates;
        this.trackers = trackers;
        this.trackingBase = properties.publicUrl().toString().replaceAll("/+$", "") + "/track/";
        this.clock = clock;
    }

    /**
     * Buys one label. Not idempotent by itself: the controller runs it under the request's idempotency key.
     *
     * @throws com.example.shop.carrier.ApiError 422 when the service does not take this parcel there
     */
    public Label create(CreateLabel request) {
        var price = rates.rate(request.service(), request.destination(), request.weightGrams()).price();
        String trackingNumber = trackingNumber(request);
        var label = new Label("lbl_" + randomId(), trackingNumber, trackingBase + trackingNumber,
                request.service().carrier(), request.service().service(), price, request.reference(),
                clock.instant());
        trackers.start(trackingNumber, label.carrier(), label.created(), request.to().city());
        labels.put(label.id(), label);
        return label;
    }

    public Optional<Label> find(String id) {
        return Optional.ofNullable(labels.get(id));
    }

    /** The labels bought with this reference; lets tests see how often an order was given a label. */
    public List<Label> findByReference(String reference) {
        return labels.values().stream().filter(label -> reference.equals(label.reference())).toList();
    }

    private String trackingNumber(CreateLabel request) {
        var number = new StringBuilder(request.service().trackingPrefix());
        for (int i = 0; i < 9; i++) {
            number.append(random.nextInt(10));
        }
        return number.append(request.destination().country()).toString();
    }

    private String randomId() {
        var id = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }
}
