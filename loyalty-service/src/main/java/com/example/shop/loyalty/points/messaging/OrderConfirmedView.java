package com.example.shop.loyalty.points.messaging;

import java.time.Instant;
import java.util.UUID;

import com.example.shop.contracts.order.Money;

/**
 * loyalty-service's view of {@code order.confirmed.v1}: the contract's record has a primitive
 * {@code pointsRedeemed}, which Jackson 3 refuses to read from events published before the field existed;
 * here it is optional (absent = none redeemed), like {@code amountDue} and {@code discount}.
 */
record OrderConfirmedView(UUID orderId, UUID customerId, Money total, Money amountDue, Long pointsRedeemed,
        Instant confirmedAt) {
}
