package com.example.shop.customer.survey;

import java.time.Instant;

import com.example.shop.customer.account.Customer;

/** Publishes the survey events; called inside the transaction that changed the survey (outbox). */
public interface SurveyEvents {

    /** {@code survey.invited.v1}. */
    void invited(Survey survey, Customer customer, String surveyUrl, Instant at);

    /** {@code survey.answered.v1}. */
    void answered(Survey survey, Instant at);
}
