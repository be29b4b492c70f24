package com.example.shop.catalog.product.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;

import com.example.shop.catalog.product.ProductCatalog;
import com.example.shop.catalog.product.StockLevel;
import com.example.shop.catalog.product.StockMovement;
import com.example.shop.catalog.product.VariantId;

/** A variant's inventory for administrators: on hand, reserved, available, and the ledger of its movements. */
@RestController
@RequestMapping("/api/products/variants/{variantId}/stock")
class StockController {

    private final ProductCatalog catalog;

    StockController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @Operation(summary = "A variant's on hand, reserved and available units (ADMIN)")
    @GetMapping
    StockResponse stock(@PathVariable UUID variantId) {
        return StockResponse.from(catalog.stock(new VariantId(variantId)));
    }

    @Operation(summary = "Set a variant's units on hand; available = on hand - reserved (ADMIN; 409 below reserved)")
    @PutMapping
    StockResponse setOnHand(@PathVariable UUID variantId, @Valid @RequestBody OnHandRequest request) {
        return StockResponse.from(catalog.setOnHand(new VariantId(variantId), request.onHand()));
    }

    @Operation(summary = "A variant's latest stock movements, newest first (ADMIN)")
    @GetMapping("/movements")
    List<MovementResponse> movements(@PathVariable UUID variantId,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return catalog.movements(new VariantId(variantId), limit).stream().map(MovementResponse::from).toList();
    }

    /** One ledger row: how on hand and reserved moved, why, and for which order (and return). */
    record MovementResponse(long id, int deltaOnHand, int deltaReserved, StockMovement.Reason reason, UUID orderId,
            @JsonInclude(JsonInclude.Include.NON_NULL) UUID returnId, Instant at) {

        static MovementResponse from(StockMovement movement) {
            return new MovementResponse(movement.id(), movement.deltaOnHand(), movement.deltaReserved(),
                    movement.reason(), movement.orderId(), movement.returnId(), movement.at());
        }
    }

    /** Body of {@code PUT /api/products/variants/{variantId}/stock}. */
    record OnHandRequest(@NotNull @Min(0) @Max(1_000_000) Integer onHand) {
    }

    /** A variant's stock figures; {@code onHand = available + reserved}. */
    record StockResponse(UUID variantId, String sku, int onHand, int reserved, int available) {

        static StockResponse from(StockLevel level) {
            return new StockResponse(level.variantId().value(), level.sku(), level.onHand(), level.reserved(),
                    level.available());
        }
    }
}
