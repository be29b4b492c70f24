package com.example.shop.customer.survey.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.shop.contracts.customer.SurveyEvents;
import com.example.shop.customer.ContractSamples;
import com.example.shop.customer.account.Customer;
import com.example.shop.customer.account.CustomerId;
import com.example.shop.customer.account.Role;
import com.example.shop.customer.survey.Survey;
import com.example.shop.customer.survey.SurveyId;

/** survey.invited.v1 and survey.answered.v1 as the samples in platform/customer-events show them. */
class SurveyEventsContractTests {

    private static final CustomerId ADA_ID = new CustomerId(UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"));
    private static final Customer ADA = new Customer(ADA_ID, "ada@example.com", "Ada Lovelace", "{bcrypt}x",
            Set.of(Role.CUSTOMER));
    private static final Instant INVITED = Instant.parse("2026-11-23T09:31:00Z");

    private static Survey survey(Instant answeredAt, Integer score, String comment) {
        return new Survey(new SurveyId(UUID.fromString("44444444-5555-4666-8777-888888888888")), "s_9d8c7b6a5f4e3d2c",
                UUID.fromString("5f2b7c1e-3a4d-4e6f-8a9b-0c1d2e3f4a5b"), ADA_ID, INVITED, INVITED,
                Instant.parse("2026-12-23T09:31:00Z"), INVITED, answeredAt, score, comment);
    }

    @Test
    void publishesTheInvitationAsTheSampleShowsIt() {
        var published = ContractSamples.published(SurveyEvents.SURVEY_INVITED, ADA_ID.toString(),
                SurveyEventsTranslator.invited(survey(null, null, null), ADA,
                        "http://localhost:8080/api/surveys/s_9d8c7b6a5f4e3d2c", INVITED));

        assertThat(published).isEqualTo(ContractSamples.sample(SurveyEvents.TOPIC, SurveyEvents.SURVEY_INVITED));
    }

    @Test
    void publishesTheAnswerAsTheSampleShowsIt() {
        Instant answered = Instant.parse("2026-11-23T12:00:00Z");
        var published = ContractSamples.published(SurveyEvents.SURVEY_ANSWERED, ADA_ID.toString(),
                SurveyEventsTranslator.answered(survey(answered, 9, "Quick delivery."), answered));

        assertThat(published).isEqualTo(ContractSamples.sample(SurveyEvents.TOPIC, SurveyEvents.SURVEY_ANSWERED));
    }
}
