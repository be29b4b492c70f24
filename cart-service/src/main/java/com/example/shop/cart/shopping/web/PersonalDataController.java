package com.example.shop.cart.shopping.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.cart.shopping.CustomerId;
import com.example.shop.cart.shopping.CustomersPersonalData;
import com.example.shop.cart.shopping.StoredCart;
import com.example.shop.cart.shopping.web.CartResponse.MoneyJson;

/**
 * customer-service's personal-data export asks every service what it holds about a customer. Internal (the
 * gateway never routes {@code /internal/**}); the carts are shown as stored, not revalidated, so the export
 * never depends on the catalogue being up.
 */
@RestController
class PersonalDataController {

    static final String SERVICE = "cart-service";

    private final CustomersPersonalData personalData;

    PersonalDataController(CustomersPersonalData personalData) {
        this.personalData = personalData;
    }

    @GetMapping("/internal/customers/{customerId}/personal-data")
    PersonalDataResponse personalData(@PathVariable UUID customerId) {
        List<CartJson> carts = personalData.carts(new CustomerId(customerId)).stream().map(CartJson::from).toList();
        return new PersonalDataResponse(SERVICE, new Data(carts));
    }

    record PersonalDataResponse(String service, Data data) {
    }

    record Data(List<CartJson> carts) {
    }

    record CartJson(UUID cartId, Instant createdAt, Instant updatedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant abandonedAt, List<LineJson> lines) {

        static CartJson from(StoredCart cart) {
            return new CartJson(cart.id().value(), cart.createdAt(), cart.updatedAt(), cart.abandonedAt(),
                    cart.lines().stream().map(LineJson::from).toList());
        }
    }

    /** {@code sku}, {@code name} and {@code unitPrice} (the price the customer last saw) are null for old lines. */
    record LineJson(UUID productId, String sku, String name, int quantity, MoneyJson unitPrice, Instant addedAt,
            Instant updatedAt) {

        static LineJson from(StoredCart.Line line) {
            return new LineJson(line.productId().value(), line.sku(), line.name(), line.quantity(),
                    line.seenPrice() == null ? null : MoneyJson.from(line.seenPrice()), line.addedAt(),
                    line.updatedAt());
        }
    }
}
