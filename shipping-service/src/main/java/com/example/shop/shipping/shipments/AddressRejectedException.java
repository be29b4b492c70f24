package com.example.shop.shipping.shipments;

/** The carrier cannot serve this parcel (address, country, weight); asking again with the same one will not help. */
public class AddressRejectedException extends RuntimeException {

    AddressRejectedException(String reason) {
        super("The carrier cannot ship this parcel: " + reason, null, false, false);
    }
}
