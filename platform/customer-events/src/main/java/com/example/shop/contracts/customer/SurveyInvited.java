package com.example.shop.contracts.customer;

import java.time.Instant;
import java.util.UUID;

/**
 * {@value SurveyEvents#SURVEY_INVITED}: a delivered order's customer is asked how likely they are to recommend
 * the shop (0-10) and why.
 *
 * @param surveyUrl where the answer is sent ({@code POST}, open: the token in it is the credential)
 */
public record SurveyInvited(UUID surveyId, UUID customerId, String email, String name, UUID orderId,
        String surveyUrl, Instant expiresAt, Instant invitedAt) {
}
