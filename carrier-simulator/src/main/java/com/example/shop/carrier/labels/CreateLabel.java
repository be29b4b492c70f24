package com.example.shop.carrier.labels;

import com.example.shop.carrier.rates.Destination;
import com.example.shop.carrier.rates.Service;

/**
 * The validated parameters of {@code POST /v1/labels}; compared with {@code equals} when a key is replayed.
 *
 * @param reference the shipper's own reference, e.g. an order id; returned on the label
 */
public record CreateLabel(Service service, Recipient to, Destination destination, int weightGrams, String reference) {

    /** Who receives the parcel and where. */
    public record Recipient(String name, String line1, String city, String postalCode, String country) {
    }
}
