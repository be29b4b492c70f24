package com.example.shop.contracts.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@value OrderEvents#ORDER_CONFIRMED}: stock is reserved and the payment authorised.
 *
 * @param total the value of the lines
 * @param discount what redeemed loyalty points took off the total (zero when none were redeemed)
 * @param pointsRedeemed the loyalty points spent on {@code discount}
 * <p>{@code discount}, {@code pointsRedeemed} and {@code amountDue} are {@code null} in events published before
 * loyalty redemption existed; read them as zero, zero and {@code total}.
 * @param amountDue what the customer pays: {@code total - discount}, the amount authorised
 */
public record OrderConfirmed(UUID orderId, UUID customerId, String customerEmail, Money total,
        List<OrderLine> lines, Instant confirmedAt, Money discount, Long pointsRedeemed, Money amountDue) {
}
