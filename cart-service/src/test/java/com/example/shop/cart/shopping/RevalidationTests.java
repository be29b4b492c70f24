package com.example.shop.cart.shopping;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.shop.cart.catalogue.CatalogueProduct;
import com.example.shop.cart.catalogue.Money;
import com.example.shop.cart.catalogue.ProductId;

/** How stored lines are checked against what the catalogue says now. */
class RevalidationTests {

    private static final ProductId MUG = new ProductId(UUID.randomUUID());

    @Test
    void flagsAPriceThatDiffersFromTheOneLastSeen() {
        var cart = ShoppingCarts.price(List.of(line(2, eur("19.99"))), Map.of(MUG, product(eur("17.49"), 10)));

        var line = cart.lines().getFirst();
        assertThat(line.priceChanged()).isTrue();
        assertThat(line.previousUnitPrice()).isEqualTo(eur("19.99"));
        assertThat(cart.total()).isEqualTo(eur("34.98"));
        assertThat(cart.needsReview()).isTrue();
    }

    @Test
    void doesNotFlagTheSamePriceWrittenWithAnotherScaleOrALineWithoutASeenPrice() {
        var same = ShoppingCarts.price(List.of(line(1, new Money(new BigDecimal("19.9"), "EUR"))),
                Map.of(MUG, product(eur("19.90"), 10)));
        var unknown = ShoppingCarts.price(List.of(line(1, null)), Map.of(MUG, product(eur("19.90"), 10)));

        assertThat(same.lines().getFirst().priceChanged()).isFalse();
        assertThat(unknown.lines().getFirst().priceChanged()).isFalse();
        assertThat(same.needsReview()).isFalse();
    }

    @Test
    void setsApartALineTheCatalogueNoLongerSellsAndLeavesItOutOfTheTotal() {
        var cart = ShoppingCarts.price(List.of(line(3, eur("5.00"))), Map.of());

        assertThat(cart.lines()).isEmpty();
        assertThat(cart.unavailable()).singleElement().satisfies(line -> {
            assertThat(line.sku()).isEqualTo("MUG-001");
            assertThat(line.problem()).isEqualTo(LineProblem.UNAVAILABLE);
        });
        assertThat(cart.total()).isEqualTo(eur("0.00"));
    }

    @Test
    void flagsStockBelowTheQuantityButKeepsTheLineOrderable() {
        var cart = ShoppingCarts.price(List.of(line(3, eur("5.00"))), Map.of(MUG, product(eur("5.00"), 2)));

        assertThat(cart.lines().getFirst().problem()).isEqualTo(LineProblem.INSUFFICIENT_STOCK);
        assertThat(cart.total()).isEqualTo(eur("15.00"));
    }

    private static CartLine line(int quantity, Money seen) {
        return new CartLine(MUG, "MUG-001", "Enamel mug", quantity, seen);
    }

    private static CatalogueProduct product(Money price, int available) {
        return new CatalogueProduct(MUG, "MUG-001", "Enamel mug", price, available);
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }
}
