package com.example.shop.order.ordering.client;

import java.util.List;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.example.shop.order.ordering.DependencyRefusedException;
import com.example.shop.order.ordering.Inventory;
import com.example.shop.order.ordering.OrderId;
import com.example.shop.order.ordering.OrderLine;
import com.example.shop.order.ordering.ReservationOutcome;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Stock reservations through catalog-service's {@code /internal/reservations}. */
final class CatalogInventory implements Inventory {

    private final RestClient http;
    private final Attempts attempts;

    CatalogInventory(RestClient http, Attempts attempts) {
        this.http = http;
        this.attempts = attempts;
    }

    record ReservationRequest(UUID orderId, List<Line> lines) {
    }

    record Line(UUID productId, int quantity) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReservationResponse(UUID orderId, String status) {
    }

    @Override
    public ReservationOutcome reserve(OrderId orderId, List<OrderLine> lines) {
        var request = new ReservationRequest(orderId.value(),
                lines.stream().map(line -> new Line(line.productId(), line.quantity())).toList());
        ReservationResponse response = attempts.call("reserving stock for order " + orderId,
                () -> http.post().uri("/internal/reservations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(request)
                        .retrieve()
                        .body(ReservationResponse.class));
        String status = response == null ? null : response.status();
        if ("RESERVED".equals(status)) {
            return new ReservationOutcome.Reserved();
        }
        if ("REJECTED".equals(status)) {
            return new ReservationOutcome.OutOfStock();
        }
        throw new DependencyRefusedException("unexpected reservation status " + status, null);
    }

    @Override
    public void release(OrderId orderId) {
        attempts.call("releasing stock of order " + orderId,
                () -> http.post().uri("/internal/reservations/{orderId}/release", orderId.value())
                        .retrieve()
                        .toBodilessEntity());
    }
}
