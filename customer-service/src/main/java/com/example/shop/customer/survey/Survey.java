package com.example.shop.customer.survey;

import java.time.Instant;
import java.util.UUID;

import com.example.shop.customer.account.CustomerId;

/**
 * A satisfaction survey about one delivered order. The token in its link is the only credential needed to answer
 * it, so it is random and long.
 *
 * @param customerId {@code null} once the customer deleted their account (the score stays for the statistics)
 * @param invitedAt when {@code survey.invited.v1} was published; {@code null} while it waits for its due time
 * @param score 0-10, {@code null} until answered
 */
public record Survey(SurveyId id, String token, UUID orderId, CustomerId customerId, Instant createdAt,
        Instant dueAt, Instant expiresAt, Instant invitedAt, Instant answeredAt, Integer score, String comment) {

    public boolean answered() {
        return answeredAt != null;
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
