package com.example.shop.order.ordering;

/** What catalog-service answered to a stock reservation. */
public sealed interface ReservationOutcome {

    /** All lines are reserved. */
    record Reserved() implements ReservationOutcome {
    }

    /** At least one line is not in stock; nothing was reserved. */
    record OutOfStock() implements ReservationOutcome {
    }
}
