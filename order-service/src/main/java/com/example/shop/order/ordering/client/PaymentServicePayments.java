package com.example.shop.order.ordering.client;

import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.example.shop.order.ordering.DependencyRefusedException;
import com.example.shop.order.ordering.Money;
import com.example.shop.order.ordering.OrderId;
import com.example.shop.order.ordering.PaymentOutcome;
import com.example.shop.order.ordering.Payments;
import com.example.shop.order.ordering.ReturnId;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Payment authorisation, void, capture and refund through payment-service's {@code /internal/payments}. */
final class PaymentServicePayments implements Payments {

    private final RestClient http;
    private final Attempts attempts;

    PaymentServicePayments(RestClient http, Attempts attempts) {
        this.http = http;
        this.attempts = attempts;
    }

    record PaymentRequest(UUID orderId, Amount amount, String paymentToken) {
    }

    /** Amounts travel as decimal strings, so no JSON number rounding can touch them. */
    record Amount(String amount, String currency) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PaymentResponse(String paymentId, UUID orderId, String status, String declineCode) {
    }

    @Override
    public PaymentOutcome authorize(OrderId orderId, Money amount, String paymentToken) {
        var request = new PaymentRequest(orderId.value(),
                new Amount(amount.amount().toPlainString(), amount.currency()), paymentToken);
        PaymentResponse response = attempts.call("authorising the payment of order " + orderId,
                () -> http.post().uri("/internal/payments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(request)
                        .retrieve()
                        .body(PaymentResponse.class));
        String status = response == null ? null : response.status();
        return switch (status == null ? "" : status) {
            case "AUTHORIZED" -> new PaymentOutcome.Authorized(response.paymentId());
            case "DECLINED" -> new PaymentOutcome.Declined(response.declineCode());
            case "UNAVAILABLE" -> new PaymentOutcome.Unavailable();
            default -> throw new DependencyRefusedException("unexpected payment status " + status, null);
        };
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CancellationResponse(UUID orderId, String status) {
    }

    @Override
    public void cancel(OrderId orderId) {
        // A 503 (the provider cannot say whether it holds money) is retried like any 5xx, then leaves the
        // order PENDING.
        CancellationResponse response = attempts.call("cancelling the payment of order " + orderId,
                () -> http.post().uri("/internal/payments/{orderId}/cancel", orderId.value())
                        .retrieve()
                        .body(CancellationResponse.class));
        String status = response == null ? null : response.status();
        if (!"CANCELLED".equals(status) && !"DECLINED".equals(status) && !"NONE".equals(status)) {
            throw new DependencyRefusedException("unexpected cancellation status " + status, null);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CaptureResponse(UUID orderId, String status, Amount captured) {
    }

    @Override
    public Money capture(OrderId orderId) {
        // 409 (nothing to capture) is a refusal; 503 (the provider's answer is unknown) is retried and then
        // leaves the SHIP intent to the recovery job, which asks again under the same provider key.
        CaptureResponse response = attempts.call("capturing the payment of order " + orderId,
                () -> http.post().uri("/internal/payments/{orderId}/capture", orderId.value())
                        .retrieve()
                        .body(CaptureResponse.class));
        if (response == null || !"CAPTURED".equals(response.status()) || response.captured() == null) {
            throw new DependencyRefusedException("unexpected capture answer " + response, null);
        }
        return money(response.captured());
    }

    record RefundRequest(UUID refundId, Amount amount, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RefundResponse(UUID orderId, UUID refundId, String status, Amount amount, Amount totalRefunded) {
    }

    @Override
    public Money refund(OrderId orderId, ReturnId refundId, Money amount, String reason) {
        var request = new RefundRequest(refundId.value(),
                new Amount(amount.amount().toPlainString(), amount.currency()), reason);
        RefundResponse response = attempts.call("refunding " + amount.amount() + " of order " + orderId,
                () -> http.post().uri("/internal/payments/{orderId}/refunds", orderId.value())
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(request)
                        .retrieve()
                        .body(RefundResponse.class));
        if (response == null || !"REFUNDED".equals(response.status())) {
            throw new DependencyRefusedException("unexpected refund answer " + response, null);
        }
        return response.totalRefunded() == null ? amount : money(response.totalRefunded());
    }

    private static Money money(Amount amount) {
        try {
            return Money.of(amount.amount(), amount.currency());
        }
        catch (RuntimeException ex) {
            throw new DependencyRefusedException("unreadable amount " + amount, ex);
        }
    }
}
