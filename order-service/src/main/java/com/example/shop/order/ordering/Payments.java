package com.example.shop.order.ordering;

/** Payment authorisation in payment-service; idempotent per order id. */
public interface Payments {

    /** @throws DependencyUnavailableException when payment-service cannot answer now */
    PaymentOutcome authorize(OrderId orderId, Money amount, String paymentToken);

    /**
     * Makes sure no money is held for the order: a payment that went through late is cancelled at the
     * provider. Returns only once that is known (cancelled, declined, or there never was a payment).
     *
     * @throws DependencyUnavailableException when payment-service or its provider cannot say now
     */
    void cancel(OrderId orderId);
}
