package com.example.shop.order.ordering.client;

import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.example.shop.order.ordering.CustomerId;
import com.example.shop.order.ordering.DependencyRefusedException;
import com.example.shop.order.ordering.Loyalty;
import com.example.shop.order.ordering.Money;
import com.example.shop.order.ordering.OrderId;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Point holds through loyalty-service's {@code /internal/loyalty/holds} (idempotent per order id). */
final class LoyaltyServiceLoyalty implements Loyalty {

    private final RestClient http;
    private final Attempts attempts;

    LoyaltyServiceLoyalty(RestClient http, Attempts attempts) {
        this.http = http;
        this.attempts = attempts;
    }

    record HoldRequest(UUID orderId, UUID customerId, long points, String currency, Amount maxDiscount) {
    }

    record Amount(String amount, String currency) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record HoldResponse(UUID orderId, String status, Long points, Amount discount, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReleaseResponse(UUID orderId, String status) {
    }

    @Override
    public PointsHold hold(OrderId orderId, CustomerId customerId, long points, Money maxDiscount) {
        String currency = maxDiscount.currency();
        var request = new HoldRequest(orderId.value(), customerId.value(), points, currency,
                new Amount(maxDiscount.amount().toPlainString(), currency));
        HoldResponse response = attempts.call("holding " + points + " points for order " + orderId,
                () -> http.post().uri("/internal/loyalty/holds")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(request)
                        .retrieve()
                        .body(HoldResponse.class));
        String status = response == null ? null : response.status();
        if ("REJECTED".equals(status)) {
            return new PointsHold.Rejected(response.reason() == null ? "INSUFFICIENT_POINTS" : response.reason());
        }
        if (!"HELD".equals(status) || response.discount() == null) {
            throw new DependencyRefusedException("unexpected hold answer " + response, null);
        }
        Money discount;
        try {
            discount = Money.of(response.discount().amount(), response.discount().currency());
        }
        catch (RuntimeException ex) {
            throw new DependencyRefusedException("unreadable discount " + response.discount(), ex);
        }
        if (!discount.currency().equals(currency) || discount.amount().signum() < 0) {
            throw new DependencyRefusedException("discount " + response.discount() + " does not fit an order in "
                    + currency, null);
        }
        long held = response.points() == null ? points : response.points();
        if (held < 0 || held > points) {
            // More than asked would spend points the customer never offered; refuse rather than store it.
            throw new DependencyRefusedException("held " + held + " points of the " + points + " asked", null);
        }
        return new PointsHold.Held(held, discount);
    }

    @Override
    public void release(OrderId orderId) {
        attempts.call("releasing the points of order " + orderId,
                () -> http.post().uri("/internal/loyalty/holds/{orderId}/release", orderId.value())
                        .retrieve()
                        .body(ReleaseResponse.class));
    }
}
