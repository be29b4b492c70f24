package com.example.shop.shipping.shipments.web;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.shipping.shipments.ShipmentRepository;

/** {@code GET /api/admin/shipments/{orderId}}: the same document as the internal read, for admins (role ADMIN). */
@RestController
class AdminShipmentsController {

    private final ShipmentRepository shipments;

    AdminShipmentsController(ShipmentRepository shipments) {
        this.shipments = shipments;
    }

    @GetMapping("/api/admin/shipments/{orderId}")
    ShipmentResponse find(@PathVariable UUID orderId) {
        return ShipmentReads.withEvents(shipments, orderId);
    }
}
