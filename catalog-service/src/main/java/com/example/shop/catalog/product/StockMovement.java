package com.example.shop.catalog.product;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the stock ledger: how a change moved a variant's on hand and reserved figures, and why.
 *
 * @param orderId the order a reservation or return movement was for; {@code null} for stock received or adjusted
 * @param returnId the return whose goods a RETURNED movement restocked; else {@code null}
 */
public record StockMovement(long id, int deltaOnHand, int deltaReserved, Reason reason, UUID orderId, UUID returnId,
        Instant at) {

    /** Why the stock moved. */
    public enum Reason {
        /** The stock a variant was created with (or had when the ledger started). */
        INITIAL,
        /** An administrator set the stock (a delivery, a stock count). */
        ADJUSTED,
        /** A reservation took units from available into reserved. */
        RESERVED,
        /** A reservation was released (order rejected or cancelled); its units are available again. */
        RELEASED,
        /** A reservation passed its expiry; its units are available again. */
        EXPIRED,
        /** The order shipped (or its stock was committed); its units left on hand. */
        COMMITTED,
        /** Goods of a received return were restocked; they are on hand and available again. */
        RETURNED
    }
}
