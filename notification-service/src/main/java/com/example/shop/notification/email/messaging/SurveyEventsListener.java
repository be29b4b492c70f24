package com.example.shop.notification.email.messaging;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.example.shop.contracts.customer.SurveyEvents;
import com.example.shop.platform.messaging.EventEnvelope;
import com.example.shop.platform.messaging.Events;

/** Hears survey invitations and mails the survey's link. */
@Component
class SurveyEventsListener {

    static final String CONSUMER = "surveys";

    private final Events events;
    private final OccasionIntake intake;

    SurveyEventsListener(Events events, OccasionIntake intake) {
        this.events = events;
        this.intake = intake;
    }

    @KafkaListener(topics = SurveyEvents.TOPIC, groupId = "notification-service.surveys")
    void on(String value) {
        EventEnvelope envelope = events.read(value);
        SurveyEventTranslator.translate(events, envelope).ifPresent(occasion -> intake.take(CONSUMER, envelope, occasion));
    }
}
