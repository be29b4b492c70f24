package com.example.shop.order.ordering;

/** Payment authorisation in payment-service; idempotent per order id. */
public interface Payments {

    /** @throws DependencyUnavailableException when payment-service cannot answer now */
    PaymentOutcome authorize(OrderId orderId, Money amount, String paymentToken);
}
