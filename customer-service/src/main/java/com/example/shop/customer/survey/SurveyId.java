package com.example.shop.customer.survey;

import java.util.Objects;
import java.util.UUID;

/** The identity of a survey; one per delivered order. */
public record SurveyId(UUID value) {

    public SurveyId {
        Objects.requireNonNull(value, "value");
    }

    public static SurveyId random() {
        return new SurveyId(UUID.randomUUID());
    }
}
