package com.example.shop.cart.shopping;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.shop.cart.catalogue.Money;
import com.example.shop.cart.catalogue.ProductId;

class PricedCartTests {

    private static PricedCart.Line line(String price, int quantity) {
        return new PricedCart.Line(new ProductId(UUID.randomUUID()), "SKU", "name", quantity,
                new Money(new BigDecimal(price), Money.EUR));
    }

    @Test
    void totalsLinesToTheCent() {
        var cart = PricedCart.of(List.of(line("19.99", 3), line("0.10", 7)));

        assertThat(cart.lines().get(0).lineTotal().amount()).isEqualByComparingTo("59.97");
        assertThat(cart.total()).isEqualTo(new Money(new BigDecimal("60.67"), Money.EUR));
    }

    @Test
    void totalsAnEmptyCartAsZeroEuros() {
        assertThat(PricedCart.empty().total().amount().toPlainString()).isEqualTo("0.00");
        assertThat(PricedCart.empty().total().currency()).isEqualTo("EUR");
    }
}
