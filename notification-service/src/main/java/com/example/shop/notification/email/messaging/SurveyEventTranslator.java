package com.example.shop.notification.email.messaging;

import java.util.Optional;

import com.example.shop.contracts.customer.SurveyEvents;
import com.example.shop.contracts.customer.SurveyInvited;
import com.example.shop.notification.email.Occasion;
import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Events;

/** Turns customer-service's survey invitations into survey e-mails; answers are of no interest here. */
final class SurveyEventTranslator {

    private SurveyEventTranslator() {
    }

    static Optional<Occasion> translate(Events events, EventEnvelope envelope) {
        if (!SurveyEvents.SURVEY_INVITED.equals(envelope.type())) {
            return Optional.empty();
        }
        return Translation.guarded(envelope, () -> {
            SurveyInvited e = events.data(envelope, SurveyInvited.class);
            return Optional.of(new Occasion.SurveyInvitation(envelope.id(), e.surveyId(), e.orderId(),
                    e.customerId(), e.email(), e.name(), e.surveyUrl(), e.expiresAt()));
        });
    }
}
