package com.example.shop.shipping.shipments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShipmentStatusTests {

    @Test
    void tracksParcelsWithALabelUntilTheyAreDelivered() {
        assertThat(ShipmentStatus.PENDING.isTracked()).isFalse();
        assertThat(ShipmentStatus.REJECTED.isTracked()).isFalse();
        assertThat(ShipmentStatus.LABEL_CREATED.isTracked()).isTrue();
        assertThat(ShipmentStatus.OUT_FOR_DELIVERY.isTracked()).isTrue();
        assertThat(ShipmentStatus.DELIVERED.isTracked()).isFalse();
    }

    @Test
    void readsTheCarriersTrackingStepsAndIgnoresWordsItDoesNotKnow() {
        assertThat(ShipmentStatus.ofTracking("IN_TRANSIT")).contains(ShipmentStatus.IN_TRANSIT);
        assertThat(ShipmentStatus.ofTracking("DELIVERED")).contains(ShipmentStatus.DELIVERED);
        assertThat(ShipmentStatus.ofTracking("PENDING")).isEmpty();
        assertThat(ShipmentStatus.ofTracking("HELD_AT_CUSTOMS")).isEmpty();
    }

    @Test
    void ordersQuotesCheapestFirstThenFastest() {
        var slow = new Quote("A", "SLOW", new Money(new java.math.BigDecimal("5.00"), "EUR"), 5);
        var fast = new Quote("B", "FAST", new Money(new java.math.BigDecimal("5.00"), "EUR"), 1);
        var cheap = new Quote("C", "CHEAP", new Money(new java.math.BigDecimal("4.99"), "EUR"), 9);

        assertThat(java.util.stream.Stream.of(slow, fast, cheap).sorted(Quote.CHEAPEST_FIRST))
                .containsExactly(cheap, fast, slow);
    }

    @Test
    void normalisesTheCountryOfAnAddress() {
        assertThat(new Address(" Ada ", "Damrak 1", "Amsterdam", " 1012 AB ", " nl ").country()).isEqualTo("NL");
    }
}
