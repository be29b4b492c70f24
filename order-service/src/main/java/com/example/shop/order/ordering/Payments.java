package com.example.shop.order.ordering;

/**
 * The order's payment in payment-service: authorise, void, capture and refund. Every operation is idempotent
 * (per order id; a refund per refund id), so a driver may ask again after a crash or a timeout.
 *
 * <p>Every method throws {@link DependencyUnavailableException} when payment-service cannot answer now (also
 * for its 503 "outcome unknown"), and {@link DependencyRefusedException} when it refused the operation (a 4xx:
 * nothing to capture, already captured, refund above what was captured).
 */
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

    /** Takes the whole authorised amount, once; returns what was captured. */
    Money capture(OrderId orderId);

    /**
     * Pays {@code amount} back; idempotent per {@code refundId}.
     *
     * @return everything refunded on the order so far, this refund included
     */
    Money refund(OrderId orderId, ReturnId refundId, Money amount, String reason);
}
