package com.example.shop.cart.shopping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CartTokenTests {

    @Test
    void generatesUnguessable43CharacterBase64UrlTokens() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String value = CartToken.generate().value();
            assertThat(value).matches("[A-Za-z0-9_-]{43}");
            seen.add(value);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void treatsABlankHeaderAsNoToken() {
        assertThat(CartToken.fromClient(null)).isNull();
        assertThat(CartToken.fromClient("  ")).isNull();
    }

    @Test
    void hashesTheSameTokenToTheSameValueAndNeverPrintsIt() {
        CartToken token = CartToken.generate();

        assertThat(CartToken.fromClient(" " + token.value() + " ").hash()).isEqualTo(token.hash());
        assertThat(token.hash()).hasSize(32);
        assertThat(token.toString()).doesNotContain(token.value());
    }
}
