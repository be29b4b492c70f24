package com.example.shop.order.ordering;

/** Parcel labels through shipping-service; idempotent per order id (asking again returns the same label). */
public interface Shipping {

    /**
     * Buys the cheapest label for the order's parcel; {@code customerId} lets shipping-service find (and
     * anonymise) the addresses it keeps for a customer.
     *
     * @throws DependencyRefusedException when no carrier can serve the address (422) or the request was refused
     * @throws DependencyUnavailableException when shipping-service or its carrier cannot answer now
     */
    Shipment ship(OrderId orderId, CustomerId customerId, int weightGrams, ShippingAddress address);
}
