package com.example.shop.notification.email.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.shop.notification.email.Occasion;
import com.example.shop.notification.recipient.Topic;
import com.example.shop.platform.messaging.Events;

/** customer-service's and cart-service's checked-in samples translate into directory changes and occasions. */
class CustomerEventTranslatorTests {

    private static final UUID ADA = UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");

    private final Events events = Samples.events();

    private CustomerChange customer(String type) {
        return CustomerEventTranslator.translate(events, events.read(Samples.json("customer-events", type)))
                .orElseThrow();
    }

    @Test
    void translatesTheRegisteredSampleIntoADirectoryEntryAndAWelcome() {
        var registered = (CustomerChange.Registered) customer("customer.registered.v1");

        assertThat(registered.recipient().customerId()).isEqualTo(ADA);
        assertThat(registered.recipient().email()).isEqualTo("ada@example.com");
        assertThat(registered.recipient().marketingOptIn()).isTrue();
        assertThat(registered.recipient().unsubscribeToken()).isEqualTo("u_4f9c2a7e1b8d4c3f");
        assertThat(registered.recipient().asOf()).isEqualTo(Instant.parse("2026-11-20T09:00:00Z"));
        assertThat(registered.recipient().refusal(Topic.CART_REMINDERS)).isEmpty();
        assertThat(registered.welcome().eventId()).isEqualTo(UUID.fromString("11111111-2222-4333-8444-555555555555"));
        assertThat(registered.welcome().name()).isEqualTo("Ada Lovelace");
    }

    @Test
    void translatesThePreferencesSampleWithTheTimeOfTheChange() {
        var changed = (CustomerChange.PreferencesChanged) customer("customer.preferences_changed.v1");

        assertThat(changed.recipient().asOf()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(changed.recipient().channelsByTopic()).containsEntry("SURVEYS", List.of())
                .containsEntry("ORDER_UPDATES", List.of("EMAIL"));
        assertThat(changed.recipient().refusal(Topic.SURVEYS)).isPresent();
        assertThat(changed.recipient().refusal(Topic.CART_REMINDERS)).contains("no marketing consent");
        assertThat(changed.recipient().refusal(Topic.ORDER_UPDATES)).isEmpty();
    }

    @Test
    void translatesTheDeletedSample() {
        assertThat(customer("customer.deleted.v1")).isEqualTo(new CustomerChange.Deleted(ADA));
    }

    @Test
    void treatsPreferencesWithoutAddressAsMalformed() {
        String noEmail = Samples.json("customer-events", "customer.preferences_changed.v1")
                .replace("\"email\"", "\"x\"");

        assertThatThrownBy(() -> CustomerEventTranslator.translate(events, events.read(noEmail)))
                .isInstanceOf(Events.MalformedEventException.class);
    }

    @Test
    void ignoresCustomerEventsOfUnknownTypes() {
        String other = Samples.json("customer-events", "customer.deleted.v1")
                .replace("customer.deleted.v1", "customer.renamed.v1");

        assertThat(CustomerEventTranslator.translate(events, events.read(other))).isEmpty();
    }

    @Test
    void translatesTheSurveyInvitationSampleWithItsLink() {
        var invitation = (Occasion.SurveyInvitation) SurveyEventTranslator
                .translate(events, events.read(Samples.json("survey-events", "survey.invited.v1"))).orElseThrow();

        assertThat(invitation.surveyUrl()).isEqualTo("http://localhost:8080/api/surveys/s_9d8c7b6a5f4e3d2c");
        assertThat(invitation.email()).isEqualTo("ada@example.com");
        assertThat(invitation.customerId()).isEqualTo(ADA);
    }

    @Test
    void ignoresSurveyAnswers() {
        assertThat(SurveyEventTranslator.translate(events,
                events.read(Samples.json("survey-events", "survey.answered.v1")))).isEmpty();
    }

    @Test
    void translatesTheAbandonedCartSampleIntoAReminderWithItsLines() {
        var reminder = (Occasion.CartReminder) CartEventTranslator
                .translate(events, events.read(Samples.json("cart-events", "cart.abandoned.v1"))).orElseThrow();

        assertThat(reminder.customerId()).isEqualTo(ADA);
        assertThat(reminder.email()).isNull();
        assertThat(reminder.lines()).singleElement().satisfies(line -> {
            assertThat(line.name()).isEqualTo("Enamel mug");
            assertThat(line.quantity()).isEqualTo(2);
            assertThat(line.lineTotal().toString()).isEqualTo("39.98 EUR");
        });
    }
}
