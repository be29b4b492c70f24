package com.example.shop.order.ordering.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.example.shop.order.ordering.Actor;
import com.example.shop.order.ordering.Money;
import com.example.shop.order.ordering.Order;
import com.example.shop.order.ordering.OrderDetails;
import com.example.shop.order.ordering.OrderLine;
import com.example.shop.order.ordering.OrderReturn;
import com.example.shop.order.ordering.OrderStatus;
import com.example.shop.order.ordering.PendingAction;
import com.example.shop.order.ordering.RejectionReason;
import com.example.shop.order.ordering.ReturnStatus;
import com.example.shop.order.ordering.ShippingAddress;
import com.example.shop.order.ordering.StatusChange;
import com.example.shop.order.ordering.TrackingEvent;

/**
 * An order as the public API shows it. The payment token is never shown. {@code total} is the lines' value;
 * {@code discount} what redeemed loyalty points took off it, {@code pointsRedeemed} those points, and
 * {@code amountDue} what the customer pays (authorised, captured, and what the refunds add up to). The list shows the summary; the
 * detail ({@code GET /api/orders/{id}}, the admin view) adds history, shipment and returns.
 */
public record OrderResponse(UUID id, OrderStatus status, RejectionReason rejectionReason, List<Item> items,
        MoneyResponse total, ShippingAddress shippingAddress, Instant createdAt, UUID customerId,
        String customerEmail, PendingAction pendingAction, String problem, Actor cancelledBy,
        ShipmentResponse shipment, List<ReturnResponse> returns, List<StatusChange> history, MoneyResponse discount,
        long pointsRedeemed, MoneyResponse amountDue) {

    public record Item(int lineNo, UUID productId, String sku, String name, int quantity, MoneyResponse unitPrice,
            MoneyResponse lineTotal) {

        static Item of(int lineNo, OrderLine line) {
            return new Item(lineNo, line.productId(), line.sku(), line.name(), line.quantity(),
                    MoneyResponse.of(line.unitPrice()), MoneyResponse.of(line.lineTotal()));
        }
    }

    /** Amounts are decimal strings with two decimals ({@code "19.99"}), never JSON numbers. */
    public record MoneyResponse(String amount, String currency) {

        static MoneyResponse of(Money money) {
            return money == null ? null : new MoneyResponse(money.amount().toPlainString(), money.currency());
        }
    }

    public record ShipmentResponse(String carrier, String trackingNumber, String trackingUrl, Instant shippedAt,
            Instant deliveredAt, List<TrackingEvent> tracking) {
    }

    public record ReturnResponse(UUID id, ReturnStatus status, String reason, List<ReturnLineResponse> lines,
            MoneyResponse value, Boolean restocked, boolean refundRequested, MoneyResponse refunded,
            Instant requestedAt, Instant receivedAt, Instant refundedAt) {
    }

    public record ReturnLineResponse(int lineNo, UUID productId, String sku, int quantity) {
    }

    /** The summary of the customer's order list. */
    public static OrderResponse of(Order order) {
        return new OrderResponse(order.id().value(), order.status(), order.rejectionReason().orElse(null),
                items(order), MoneyResponse.of(order.total()), order.shippingAddress(), order.createdAt(), null, null,
                order.pendingAction().orElse(null), null, order.fulfilment().cancelledBy(), null, null, null,
                MoneyResponse.of(order.discount()), order.redemption().pointsRedeemed(),
                MoneyResponse.of(order.amountDue()));
    }

    /** The detail, for the customer ({@code admin} false) or an admin (adds the customer). */
    public static OrderResponse of(OrderDetails details, boolean admin) {
        Order order = details.order();
        ShipmentResponse shipment = order.shipment()
                .map(s -> new ShipmentResponse(s.carrier(), s.trackingNumber(), s.trackingUrl(),
                        order.fulfilment().shippedAt(), order.fulfilment().deliveredAt(), details.tracking()))
                .orElse(null);
        List<ReturnResponse> returns = details.returns().stream().map(ret -> new ReturnResponse(ret.id().value(),
                ret.status(), ret.reason(),
                ret.lines().stream().map(line -> {
                    OrderLine ordered = order.lines().get(line.lineNo() - 1);
                    return new ReturnLineResponse(line.lineNo(), ordered.productId(), ordered.sku(), line.quantity());
                }).toList(),
                MoneyResponse.of(ret.value(order)), ret.restocked(), ret.refundRequested(),
                MoneyResponse.of(ret.refunded()), ret.requestedAt(), ret.receivedAt(), ret.refundedAt())).toList();
        return new OrderResponse(order.id().value(), order.status(), order.rejectionReason().orElse(null),
                items(order), MoneyResponse.of(order.total()), order.shippingAddress(), order.createdAt(),
                admin ? order.customerId().value() : null, admin ? order.customerEmail() : null,
                order.pendingAction().orElse(null), details.actionProblem(), order.fulfilment().cancelledBy(),
                shipment, returns, details.history(), MoneyResponse.of(order.discount()),
                order.redemption().pointsRedeemed(), MoneyResponse.of(order.amountDue()));
    }

    private static List<Item> items(Order order) {
        List<OrderLine> lines = order.lines();
        return java.util.stream.IntStream.range(0, lines.size()).mapToObj(i -> Item.of(i + 1, lines.get(i))).toList();
    }
}
