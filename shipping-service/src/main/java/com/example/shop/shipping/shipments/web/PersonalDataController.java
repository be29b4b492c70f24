package com.example.shop.shipping.shipments.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.shipping.shipments.CustomerId;
import com.example.shop.shipping.shipments.CustomersPersonalData;
import com.example.shop.shipping.shipments.CustomersPersonalData.TrackedShipment;
import com.example.shop.shipping.shipments.Shipment;
import com.example.shop.shipping.shipments.ShipmentStatus;

/**
 * customer-service's personal-data export asks every service what it holds about a customer: here, the
 * shipments of their orders with the address each went to (anonymised once the customer was deleted). Shipments
 * stored without a customer (callers that predate {@code customerId}) cannot be found this way.
 */
@RestController
class PersonalDataController {

    static final String SERVICE = "shipping-service";

    private final CustomersPersonalData personalData;

    PersonalDataController(CustomersPersonalData personalData) {
        this.personalData = personalData;
    }

    @GetMapping("/internal/customers/{customerId}/personal-data")
    PersonalDataResponse personalData(@PathVariable UUID customerId) {
        return new PersonalDataResponse(SERVICE, new Data(personalData.shipments(new CustomerId(customerId)).stream()
                .map(ShipmentJson::from).toList()));
    }

    record PersonalDataResponse(String service, Data data) {
    }

    record Data(List<ShipmentJson> shipments) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ShipmentJson(UUID shipmentId, UUID orderId, ShipmentStatus status, int weightGrams, AddressJson address,
            String carrier, String service, String trackingNumber, String trackingUrl, PriceResponse price,
            Instant createdAt, Instant labelCreatedAt, Instant deliveredAt, Instant anonymisedAt,
            List<ShipmentResponse.EventBody> events) {

        static ShipmentJson from(TrackedShipment tracked) {
            Shipment shipment = tracked.shipment();
            var address = shipment.address();
            return new ShipmentJson(shipment.id().value(), shipment.orderId().value(), shipment.status(),
                    shipment.weightGrams(), new AddressJson(address.name(), address.line1(), address.city(),
                            address.postalCode(), address.country()),
                    shipment.carrier(), shipment.service(), shipment.trackingNumber(), shipment.trackingUrl(),
                    PriceResponse.of(shipment.price()), shipment.createdAt(), shipment.labelCreatedAt(),
                    shipment.deliveredAt(), shipment.anonymisedAt(), tracked.events().stream()
                            .map(event -> new ShipmentResponse.EventBody(event.status(), event.location(),
                                    event.occurredAt()))
                            .toList());
        }
    }

    record AddressJson(String name, String line1, String city, String postalCode, String country) {
    }
}
