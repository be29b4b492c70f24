package com.example.shop.carrier;

import java.util.function.Function;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON request body read by hand rather than bound to a record, so that every mistake, malformed JSON
 * included, is answered in the provider's error shape and names the field (as {@code to.postal_code}).
 * Unknown fields are ignored.
 */
public final class JsonRequest {

    private final JsonNode node;
    private final String path;

    private JsonRequest(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** @throws ApiError 400 {@code PARAMETER.INVALID} when the body is not a JSON object */
    public static JsonRequest parse(JsonMapper json, String body) {
        if (body != null && !body.isBlank()) {
            try {
                JsonNode root = json.readTree(body);
                if (root != null && root.isObject()) {
                    return new JsonRequest(root, "");
                }
            }
            catch (JacksonException ex) {
                // answered below
            }
        }
        throw ApiError.badRequest("PARAMETER.INVALID", null, "The request body must be a JSON object.");
    }

    /** A nested object that must be there. */
    public JsonRequest object(String name) {
        JsonNode value = required(name);
        if (!value.isObject()) {
            throw ApiError.badRequest("PARAMETER.INVALID", field(name), field(name) + " must be an object.");
        }
        return new JsonRequest(value, field(name) + ".");
    }

    /** A non-blank string that must be there, at most {@code maxLength} characters. */
    public String string(String name, int maxLength) {
        JsonNode value = required(name);
        if (!value.isString() || value.stringValue().isBlank() || value.stringValue().length() > maxLength) {
            throw ApiError.badRequest("PARAMETER.INVALID", field(name),
                    field(name) + " must be a non-empty string of at most " + maxLength + " characters.");
        }
        return value.stringValue().strip();
    }

    /** A string that may be absent (null then). */
    public String optionalString(String name, int maxLength) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : string(name, maxLength);
    }

    /** A positive integer that must be there. */
    public int positiveInt(String name) {
        JsonNode value = required(name);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() <= 0) {
            throw ApiError.badRequest("PARAMETER.INVALID", field(name), field(name) + " must be a positive integer.");
        }
        return value.intValue();
    }

    /** Applies a check that needs the whole object, such as a destination made of two fields. */
    public <T> T as(Function<JsonRequest, T> reader) {
        return reader.apply(this);
    }

    private JsonNode required(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw ApiError.badRequest("PARAMETER.REQUIRED", field(name), "Missing required parameter " + field(name) + ".");
        }
        return value;
    }

    private String field(String name) {
        return path + name;
    }
}
