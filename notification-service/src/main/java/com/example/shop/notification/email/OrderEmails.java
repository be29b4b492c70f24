package com.example.shop.notification.email;

/**
 * Writes the e-mail for an order outcome. The short order number in the subject is the first block of the
 * order id, enough for a customer to tell their orders apart; the body carries the full id.
 */
public final class OrderEmails {

    private OrderEmails() {
    }

    public static NotificationType typeOf(OrderOutcome outcome) {
        return switch (outcome) {
            case OrderOutcome.Confirmed confirmed -> NotificationType.ORDER_CONFIRMED;
            case OrderOutcome.Rejected rejected -> NotificationType.ORDER_REJECTED;
        };
    }

    public static EmailContent write(OrderOutcome outcome) {
        String shortId = outcome.orderId().toString().substring(0, 8);
        return switch (outcome) {
            case OrderOutcome.Confirmed confirmed -> new EmailContent(
                    "Your order " + shortId + " is confirmed",
                    """
                    Hello,

                    thank you for your order. We are preparing your parcel. Your payment has been authorised
                    and will be charged when your order ships.

                    Order: %s
                    Total: %s

                    Kind regards,
                    Your shop
                    """.formatted(confirmed.orderId(), confirmed.total()));
            case OrderOutcome.Rejected rejected -> new EmailContent(
                    "Your order " + shortId + " could not be placed",
                    """
                    Hello,

                    we are sorry: your order could not be placed because %s.
                    No payment has been taken.

                    Order: %s
                    Total: %s

                    Kind regards,
                    Your shop
                    """.formatted(explain(rejected.reason()), rejected.orderId(), rejected.total()));
        };
    }

    /** The reason codes of order-service in plain words; unknown codes get a general explanation. */
    static String explain(String reason) {
        return switch (reason == null ? "" : reason) {
            case "OUT_OF_STOCK" -> "some of the items are no longer in stock";
            case "PAYMENT_DECLINED" -> "your payment was declined";
            case "PAYMENT_UNAVAILABLE" -> "we could not reach the payment provider";
            default -> "of a problem on our side";
        };
    }
}
