package com.example.shop.customer.survey;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Surveys ({@code shop.surveys.*}).
 *
 * @param delay how long after delivery the invitation is sent ({@code SHOP_SURVEY_DELAY})
 * @param expiry how long a survey can be answered
 * @param publicUrl the shop's public address, for the link in the invitation ({@code SHOP_PUBLIC_URL})
 * @param pollInterval how often the invitation job looks for due invitations
 * @param batchSize invitations one run of the job publishes at most
 */
@ConfigurationProperties("shop.surveys")
public record SurveyProperties(@DefaultValue("0s") Duration delay, @DefaultValue("30d") Duration expiry,
        @DefaultValue("http://localhost:8080") URI publicUrl, @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("How likely are you to recommend our shop to a friend or colleague? (0 = not at all, 10 = extremely likely)")
        String question) {

    /** The link in the invitation mail: {@code <public url>/api/surveys/<token>}. */
    public String surveyUrl(String token) {
        String base = publicUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/surveys/" + token;
    }
}
