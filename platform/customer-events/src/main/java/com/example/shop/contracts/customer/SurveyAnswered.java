package com.example.shop.contracts.customer;

import java.time.Instant;
import java.util.UUID;

/** {@value SurveyEvents#SURVEY_ANSWERED}: a survey got its score (0-10) and maybe a comment. */
public record SurveyAnswered(UUID surveyId, UUID customerId, UUID orderId, int score, String comment,
        Instant answeredAt) {
}
