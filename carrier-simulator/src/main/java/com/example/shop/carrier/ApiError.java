package com.example.shop.carrier;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An error answered in the provider's own shape, {@code {"error":{"code","message","field"}}} (as EasyPost
 * does), with its HTTP status. {@code code} is a stable, dotted name such as {@code ADDRESS.COUNTRY.UNSUPPORTED}.
 */
public final class ApiError extends RuntimeException {

    private final int status;
    private final Body body;

    private ApiError(int status, Body body) {
        super(body.message(), null, false, false);
        this.status = status;
        this.body = body;
    }

    /** 400: the request itself is malformed (bad JSON, a required parameter missing or of the wrong type). */
    public static ApiError badRequest(String code, String field, String message) {
        return new ApiError(400, new Body(code, message, field));
    }

    /** 422: the request is well formed but cannot be served (unsupported destination, weight, service). */
    public static ApiError unprocessable(String code, String field, String message) {
        return new ApiError(422, new Body(code, message, field));
    }

    /** 404: no such resource. */
    public static ApiError notFound(String message) {
        return new ApiError(404, new Body("NOT_FOUND", message, null));
    }

    /** 500: the provider failed; the client may retry. */
    public static ApiError internal(String message) {
        return new ApiError(500, new Body("INTERNAL_SERVER_ERROR", message, null));
    }

    /** Any other status. */
    public static ApiError of(int status, String message) {
        return status >= 500 ? internal(message) : new ApiError(status, new Body("BAD_REQUEST", message, null));
    }

    public int status() {
        return status;
    }

    public Envelope envelope() {
        return new Envelope(body);
    }

    /** The wrapper around every error. */
    public record Envelope(Body error) {
    }

    /** One error; an absent field is left out of the JSON. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(String code, String message, String field) {
    }
}
