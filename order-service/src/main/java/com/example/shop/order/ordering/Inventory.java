package com.example.shop.order.ordering;

import java.util.List;

/** Stock reservations in catalog-service. Both operations are idempotent per order id. */
public interface Inventory {

    /** @throws DependencyUnavailableException when catalog-service cannot answer now */
    ReservationOutcome reserve(OrderId orderId, List<OrderLine> lines);

    /** Gives back the stock of the order's reservation, if any. */
    void release(OrderId orderId);
}
