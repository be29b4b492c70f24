package com.example.shop.customer.survey.messaging;

import java.time.Instant;

import org.springframework.stereotype.Component;

import com.example.shop.contracts.customer.SurveyEvents;
import com.example.shop.customer.account.Customer;
import com.example.shop.customer.survey.Survey;
import com.example.shop.platform.messaging.Outbox;

/** Writes survey events to the outbox, keyed by customer id (the survey's id once the customer has gone). */
@Component
class OutboxSurveyEvents implements com.example.shop.customer.survey.SurveyEvents {

    private final Outbox outbox;

    OutboxSurveyEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void invited(Survey survey, Customer customer, String surveyUrl, Instant at) {
        outbox.publish(SurveyEvents.TOPIC, customer.id().toString(), SurveyEvents.SURVEY_INVITED,
                SurveyEventsTranslator.invited(survey, customer, surveyUrl, at));
    }

    @Override
    public void answered(Survey survey, Instant at) {
        String key = survey.customerId() != null ? survey.customerId().toString() : survey.id().value().toString();
        outbox.publish(SurveyEvents.TOPIC, key, SurveyEvents.SURVEY_ANSWERED, SurveyEventsTranslator.answered(survey, at));
    }
}
