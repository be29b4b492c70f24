package com.example.shop.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaceOrderFingerprintTests {

    private static Checkout.PlaceOrder request(String token, String name, String country) {
        return new Checkout.PlaceOrder("key", token,
                new ShippingAddress(name, "1 Main Street", "Utrecht", "3511 AB", country));
    }

    @Test
    void treatsRequestsThatDifferOnlyInBlanksAndCaseOfTheCountryAsTheSame() {
        assertThat(request("tok_visa", "Ada", "NL").fingerprint())
                .isEqualTo(request(" tok_visa ", " Ada", "nl").fingerprint());
    }

    @Test
    void tellsDifferentRequestsApart() {
        String original = request("tok_visa", "Ada", "NL").fingerprint();

        assertThat(request("tok_mastercard", "Ada", "NL").fingerprint()).isNotEqualTo(original);
        assertThat(request("tok_visa", "Bob", "NL").fingerprint()).isNotEqualTo(original);
        assertThat(request("tok_visa", "Ada", "BE").fingerprint()).isNotEqualTo(original);
    }

    @Test
    void doesNotLetOneFieldSpillIntoTheNext() {
        var a = new Checkout.PlaceOrder("key", "tok", new ShippingAddress("Ada", "1 Main", "Utrecht", "3511", "NL"));
        var b = new Checkout.PlaceOrder("key", "tok", new ShippingAddress("Ada 1", "Main", "Utrecht", "3511", "NL"));

        assertThat(a.fingerprint()).isNotEqualTo(b.fingerprint());
    }
}
