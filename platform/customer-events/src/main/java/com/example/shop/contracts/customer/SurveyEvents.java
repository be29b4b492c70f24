package com.example.shop.contracts.customer;

/**
 * The voice-of-the-customer contract of customer-service: satisfaction surveys after delivery. One topic keyed
 * by customer id.
 */
public final class SurveyEvents {

    /** Topic of survey events; the Kafka key is the customer id. */
    public static final String TOPIC = "survey-events";

    public static final String SURVEY_INVITED = "survey.invited.v1";
    public static final String SURVEY_ANSWERED = "survey.answered.v1";

    private SurveyEvents() {
    }
}
