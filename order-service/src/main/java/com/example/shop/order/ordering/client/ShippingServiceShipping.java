package com.example.shop.order.ordering.client;

import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.example.shop.order.ordering.CustomerId;
import com.example.shop.order.ordering.DependencyRefusedException;
import com.example.shop.order.ordering.OrderId;
import com.example.shop.order.ordering.Shipment;
import com.example.shop.order.ordering.Shipping;
import com.example.shop.order.ordering.ShippingAddress;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Labels through shipping-service's {@code POST /internal/shipments} (idempotent per order id). */
final class ShippingServiceShipping implements Shipping {

    private final RestClient http;
    private final Attempts attempts;

    ShippingServiceShipping(RestClient http, Attempts attempts) {
        this.http = http;
        this.attempts = attempts;
    }

    record ShipmentRequest(UUID orderId, UUID customerId, int weightGrams, Address address) {
    }

    record Address(String name, String line1, String city, String postalCode, String country) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ShipmentResponse(String shipmentId, UUID orderId, String carrier, String service, String trackingNumber,
            String trackingUrl, String status) {
    }

    @Override
    public Shipment ship(OrderId orderId, CustomerId customerId, int weightGrams, ShippingAddress address) {
        var request = new ShipmentRequest(orderId.value(), customerId.value(), weightGrams, new Address(address.name(), address.line1(),
                address.city(), address.postalCode(), address.country()));
        ShipmentResponse response = attempts.call("buying the label of order " + orderId,
                () -> http.post().uri("/internal/shipments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(request)
                        .retrieve()
                        .body(ShipmentResponse.class));
        if (response == null || response.carrier() == null || response.trackingNumber() == null) {
            throw new DependencyRefusedException("unexpected shipment answer " + response, null);
        }
        return new Shipment(response.shipmentId(), response.carrier(), response.trackingNumber(),
                response.trackingUrl());
    }
}
