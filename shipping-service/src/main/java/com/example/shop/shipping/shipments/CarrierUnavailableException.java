package com.example.shop.shipping.shipments;

/** The carrier cannot be reached, or its answer is unknown; the caller asks again later (nothing is lost). */
public class CarrierUnavailableException extends RuntimeException {

    CarrierUnavailableException(String reason) {
        super("The carrier is unavailable: " + reason, null, false, false);
    }
}
