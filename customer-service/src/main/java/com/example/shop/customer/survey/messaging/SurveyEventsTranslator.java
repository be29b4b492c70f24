package com.example.shop.customer.survey.messaging;

import java.time.Instant;

import com.example.shop.contracts.customer.SurveyAnswered;
import com.example.shop.contracts.customer.SurveyInvited;
import com.example.shop.customer.account.Customer;
import com.example.shop.customer.survey.Survey;

/** Turns surveys into the published records of {@code platform/customer-events}. */
final class SurveyEventsTranslator {

    private SurveyEventsTranslator() {
    }

    static SurveyInvited invited(Survey survey, Customer customer, String surveyUrl, Instant at) {
        return new SurveyInvited(survey.id().value(), customer.id().value(), customer.email(), customer.name(),
                survey.orderId(), surveyUrl, survey.expiresAt(), at);
    }

    static SurveyAnswered answered(Survey survey, Instant at) {
        return new SurveyAnswered(survey.id().value(), survey.customerId() == null ? null : survey.customerId().value(),
                survey.orderId(), survey.score(), survey.comment(), at);
    }
}
