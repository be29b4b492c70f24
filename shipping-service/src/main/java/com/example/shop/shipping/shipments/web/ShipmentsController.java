package com.example.shop.shipping.shipments.web;

import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.shipping.shipments.Address;
import com.example.shop.shipping.shipments.AddressRejectedException;
import com.example.shop.shipping.shipments.CarrierUnavailableException;
import com.example.shop.shipping.shipments.CustomerId;
import com.example.shop.shipping.shipments.Destination;
import com.example.shop.shipping.shipments.LabelPurchases;
import com.example.shop.shipping.shipments.OrderId;
import com.example.shop.shipping.shipments.ShipmentQuotes;
import com.example.shop.shipping.shipments.ShipmentRepository;

/** The internal shipment API that order-service calls: quotes, the label of an order, the shipment's tracking. */
@RestController
class ShipmentsController {

    private final ShipmentQuotes quotes;
    private final LabelPurchases labels;
    private final ShipmentRepository shipments;

    ShipmentsController(ShipmentQuotes quotes, LabelPurchases labels, ShipmentRepository shipments) {
        this.quotes = quotes;
        this.labels = labels;
        this.shipments = shipments;
    }

    @PostMapping("/internal/shipments/quotes")
    QuotesResponse quote(@Valid @RequestBody QuoteRequest request) {
        try {
            return QuotesResponse.of(quotes.quote(request.weightGrams(),
                    new Destination(request.destination().country(), request.destination().postalCode())));
        }
        catch (AddressRejectedException ex) {
            throw ShipmentProblems.addressRejected(ex.getMessage());
        }
        catch (CarrierUnavailableException ex) {
            throw ShipmentProblems.carrierUnavailable(ex.getMessage());
        }
    }

    @PostMapping("/internal/shipments")
    ShipmentResponse ship(@Valid @RequestBody ShipmentRequest request) {
        var address = request.address();
        try {
            CustomerId customer = request.customerId() == null ? null : new CustomerId(request.customerId());
            return ShipmentResponse.of(labels.ship(new OrderId(request.orderId()), customer, request.weightGrams(),
                    new Address(address.name(), address.line1(), address.city(), address.postalCode(),
                            address.country())));
        }
        catch (AddressRejectedException ex) {
            throw ShipmentProblems.addressRejected(ex.getMessage());
        }
        catch (CarrierUnavailableException ex) {
            throw ShipmentProblems.carrierUnavailable(ex.getMessage());
        }
    }

    @GetMapping("/internal/shipments/{orderId}")
    ShipmentResponse find(@PathVariable UUID orderId) {
        return ShipmentReads.withEvents(shipments, orderId);
    }
}
