package com.example.shop.catalog.inventory.web;

import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import com.example.shop.catalog.inventory.OrderId;
import com.example.shop.catalog.inventory.Reservations;

/** Stock reservations for order-service; internal, idempotent per order id, never routed by the gateway. */
@RestController
@RequestMapping("/internal/reservations")
class ReservationController {

    private final Reservations reservations;

    ReservationController(Reservations reservations) {
        this.reservations = reservations;
    }

    @Operation(summary = "Reserve every line or none for an order (internal); RESERVED or REJECTED, idempotent per order id")
    @PostMapping
    ReservationResponse reserve(@Valid @RequestBody ReserveStockRequest request) {
        var status = reservations.reserve(new OrderId(request.orderId()), request.toLines());
        return new ReservationResponse(request.orderId(), status.name());
    }

    @Operation(summary = "Give a RESERVED or CONFIRMED reservation's stock back, once (internal)")
    @PostMapping("/{orderId}/release")
    ReservationResponse release(@PathVariable UUID orderId) {
        var status = reservations.release(new OrderId(orderId));
        return new ReservationResponse(orderId, status.map(Enum::name).orElse("UNKNOWN"));
    }

    @Operation(summary = "Take a RESERVED or CONFIRMED reservation's units out of stock on hand, once (internal); "
            + "order.shipped.v1 does the same")
    @PostMapping("/{orderId}/commit")
    ReservationResponse commit(@PathVariable UUID orderId) {
        var status = reservations.commit(new OrderId(orderId));
        return new ReservationResponse(orderId, status.map(Enum::name).orElse("UNKNOWN"));
    }
}
