package com.example.shop.customer.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.example.shop.customer.account.CustomerId;

class QualifyingPurchaseTests {

    @ParameterizedTest(name = "{0} earns {1}")
    @CsvSource({ "59.97, 59", "100, 100", "100.00, 100", "0.99, 0", "0, 0", "1.999999, 1", "-5.00, 0" })
    void earnsOnePointPerWholeCurrencyUnitRoundedDown(String total, long points) {
        var purchase = new QualifyingPurchase(UUID.randomUUID(), CustomerId.random(), UUID.randomUUID(),
                new BigDecimal(total));

        assertThat(purchase.points()).isEqualTo(points);
    }
}
