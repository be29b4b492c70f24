package com.example.shop.psp.refunds;

import java.util.Map;

/**
 * The validated parameters of {@code POST /v1/refunds}.
 *
 * @param amount in minor units; {@code null} refunds everything still refundable
 */
public record CreateRefund(String paymentIntent, Long amount, Map<String, String> metadata) {

    public CreateRefund {
        metadata = Map.copyOf(metadata);
    }
}
