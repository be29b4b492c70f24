package com.example.shop.shipping.shipments.client;

/** The carrier answered with a status that says "try again" (5xx, 429, 409) or nothing usable; retried. */
public class CarrierFailure extends RuntimeException {

    CarrierFailure(String message) {
        super(message, null, false, false);
    }
}
