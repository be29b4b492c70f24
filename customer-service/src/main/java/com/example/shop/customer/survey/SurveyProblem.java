package com.example.shop.customer.survey;

/** Why a survey cannot be shown or answered. */
public class SurveyProblem extends RuntimeException {

    /** What went wrong; the web layer maps each to its status. */
    public enum Kind {
        /** No survey has this token. */
        UNKNOWN,
        /** The survey has its answer already. */
        ANSWERED,
        /** The survey can no longer be answered. */
        EXPIRED
    }

    private final Kind kind;

    public SurveyProblem(Kind kind) {
        super("Survey " + kind.name().toLowerCase());
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
