package com.example.shop.notification.email;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Something that happened which a customer is told about by e-mail, as this service sees it: one occasion per
 * event, one e-mail (of the occasion's {@link #type()}) per occasion.
 */
public sealed interface Occasion {

    /** The event that reported the occasion; one notification per event and type. */
    UUID eventId();

    UUID customerId();

    /** The address the event itself names, used when the recipient directory does not know the customer yet. */
    String email();

    /** The order the mail is about, or {@code null}. */
    default UUID orderId() {
        return null;
    }

    default NotificationType type() {
        return switch (this) {
            case Welcome w -> NotificationType.WELCOME;
            case OrderConfirmed c -> NotificationType.ORDER_CONFIRMED;
            case OrderRejected r -> NotificationType.ORDER_REJECTED;
            case OrderCancelled c -> NotificationType.ORDER_CANCELLED;
            case OrderShipped s -> NotificationType.ORDER_SHIPPED;
            case OrderRefunded r -> NotificationType.ORDER_REFUNDED;
            case CartReminder c -> NotificationType.CART_REMINDER;
            case SurveyInvitation s -> NotificationType.SURVEY;
        };
    }

    /**
     * One line of an order, cart or refund as a mail lists it.
     *
     * @param unitPrice may be {@code null} (cart lines stored before prices were remembered)
     */
    record Line(String name, String sku, int quantity, Amount unitPrice) {

        /** Quantity times unit price, or {@code null} without a unit price. */
        public Amount lineTotal() {
            return unitPrice == null ? null : unitPrice.times(quantity);
        }
    }

    /** A new account. */
    record Welcome(UUID eventId, UUID customerId, String email, String name) implements Occasion {

        public Welcome {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(email, "email");
        }
    }

    /**
     * The order was confirmed: stock reserved and payment authorised.
     *
     * @param discount what redeemed points took off; {@code null} or zero when none were redeemed
     * @param amountDue what the customer pays; {@code null} from producers that predate it (then the total)
     */
    record OrderConfirmed(UUID eventId, UUID orderId, UUID customerId, String email, List<Line> lines, Amount total,
            Amount discount, long pointsRedeemed, Amount amountDue) implements Occasion {

        public OrderConfirmed {
            requireOrder(eventId, orderId, customerId, email);
            Objects.requireNonNull(total, "total");
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }

    /** @param reason order-service's reason code; codes this service does not know are explained generically */
    record OrderRejected(UUID eventId, UUID orderId, UUID customerId, String email, Amount total, String reason)
            implements Occasion {

        public OrderRejected {
            requireOrder(eventId, orderId, customerId, email);
            Objects.requireNonNull(total, "total");
        }
    }

    /** A confirmed order was cancelled before shipment; its payment authorisation was voided. */
    record OrderCancelled(UUID eventId, UUID orderId, UUID customerId, String email, List<Line> lines, Amount total,
            String cancelledBy) implements Occasion {

        public OrderCancelled {
            requireOrder(eventId, orderId, customerId, email);
            Objects.requireNonNull(total, "total");
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }

    /** The parcel left with a carrier; {@code trackingUrl} may be {@code null}. */
    record OrderShipped(UUID eventId, UUID orderId, UUID customerId, String email, List<Line> lines, Amount total,
            String carrier, String trackingNumber, String trackingUrl) implements Occasion {

        public OrderShipped {
            requireOrder(eventId, orderId, customerId, email);
            Objects.requireNonNull(total, "total");
            Objects.requireNonNull(trackingNumber, "trackingNumber");
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }

    /** A return was paid back: {@code amount} now, {@code totalRefunded} on the order so far (may be null). */
    record OrderRefunded(UUID eventId, UUID orderId, UUID customerId, String email, List<Line> lines, Amount amount,
            Amount totalRefunded) implements Occasion {

        public OrderRefunded {
            requireOrder(eventId, orderId, customerId, email);
            Objects.requireNonNull(amount, "amount");
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }

    /** A customer's cart was left with lines in it. The event names no address: only the directory knows it. */
    record CartReminder(UUID eventId, UUID cartId, UUID customerId, List<Line> lines) implements Occasion {

        public CartReminder {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(cartId, "cartId");
            Objects.requireNonNull(customerId, "customerId");
            lines = lines == null ? List.of() : List.copyOf(lines);
        }

        @Override
        public String email() {
            return null;
        }
    }

    /** customer-service asks how likely the customer is to recommend the shop after a delivery. */
    record SurveyInvitation(UUID eventId, UUID surveyId, UUID orderId, UUID customerId, String email, String name,
            String surveyUrl, Instant expiresAt) implements Occasion {

        public SurveyInvitation {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(surveyId, "surveyId");
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(surveyUrl, "surveyUrl");
        }
    }

    private static void requireOrder(UUID eventId, UUID orderId, UUID customerId, String email) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(email, "customerEmail");
    }
}
