package com.example.shop.psp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An error answered in Stripe's shape, {@code {"error":{"type","code","decline_code","param","message"}}},
 * with its HTTP status.
 */
public final class ApiError extends RuntimeException {

    private final int status;
    private final Body body;

    private ApiError(int status, Body body) {
        super(body.message(), null, false, false);
        this.status = status;
        this.body = body;
    }

    /** 400 {@code invalid_request_error}: the request itself is wrong. */
    public static ApiError invalidRequest(String code, String param, String message) {
        return new ApiError(400, new Body("invalid_request_error", code, null, param, message));
    }

    /** 404 {@code invalid_request_error} with code {@code resource_missing}. */
    public static ApiError notFound(String param, String message) {
        return new ApiError(404, new Body("invalid_request_error", "resource_missing", null, param, message));
    }

    /** 402 {@code card_error}: the card was declined, for the given reason. */
    public static ApiError cardDeclined(String declineCode, String message) {
        return new ApiError(402, new Body("card_error", "card_declined", declineCode, null, message));
    }

    /** 400 {@code idempotency_error}: a key was reused with different parameters. */
    public static ApiError idempotency(String message) {
        return new ApiError(400, new Body("idempotency_error", null, null, null, message));
    }

    /** 500 {@code api_error}: the provider failed; the client may retry. */
    public static ApiError api(String message) {
        return new ApiError(500, new Body("api_error", null, null, null, message));
    }

    /** Any other status, with the type Stripe uses for client errors. */
    public static ApiError of(int status, String message) {
        return status >= 500 ? api(message)
                : new ApiError(status, new Body("invalid_request_error", null, null, null, message));
    }

    public int status() {
        return status;
    }

    /** The JSON body: {@code {"error":{...}}}. */
    public Envelope envelope() {
        return new Envelope(body);
    }

    /** The wrapper Stripe puts around every error. */
    public record Envelope(Body error) {
    }

    /** One error; absent fields are left out of the JSON. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(String type, String code, @JsonProperty("decline_code") String declineCode, String param,
            String message) {
    }
}
