package com.example.shop.catalog.product;

/** On hand cannot go below the units that reservations hold for orders. */
public class StockBelowReservedException extends RuntimeException {

    public StockBelowReservedException(VariantId id, int onHand, int reserved) {
        super("Variant " + id + " has " + reserved + " units reserved for orders; on hand cannot be set to " + onHand + ".");
    }
}
