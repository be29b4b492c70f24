package com.example.shop.psp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies and their parameters the way Stripe checks them, answering every mistake with a 400
 * {@code invalid_request_error} that names the parameter. Bodies are parsed by hand rather than bound to
 * records so that every error, including malformed JSON, keeps Stripe's shape.
 */
public final class JsonParameters {

    /** The largest amount a request may name, in minor units (Stripe's limit for most currencies). */
    public static final long MAX_AMOUNT = 99_999_999L;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NOT_JSON =
            "Invalid request body: this simulator takes a JSON object (not Stripe's form encoding).";

    private JsonParameters() {
    }

    /**
     * The body as a JSON object.
     *
     * @param missingParam the parameter named when a required body is absent; {@code null} when the body is
     *                     optional, and an absent body is then read as {@code {}}
     */
    public static JsonNode object(String body, String missingParam) {
        if (body == null || body.isBlank()) {
            if (missingParam == null) {
                return JSON.createObjectNode();
            }
            throw ApiError.invalidRequest("parameter_missing", missingParam,
                    "Missing request body: this simulator takes a JSON object (not Stripe's form encoding).");
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root != null && root.isObject()) {
                return root;
            }
        }
        catch (JacksonException ex) {
            // answered below
        }
        throw ApiError.invalidRequest("parameter_invalid", null, NOT_JSON);
    }

    /** 400 {@code parameter_unknown} for the first parameter that is not one of {@code known}. */
    public static void rejectUnknown(JsonNode root, Set<String> known) {
        for (String name : root.propertyNames()) {
            if (!known.contains(name)) {
                throw ApiError.invalidRequest("parameter_unknown", name, "Received unknown parameter: " + name);
            }
        }
    }

    /** An amount in minor units, 1 to {@link #MAX_AMOUNT}; {@code null} when it is absent. */
    public static Long optionalAmount(JsonNode root, String name) {
        JsonNode amount = root.get(name);
        if (amount == null || amount.isNull()) {
            return null;
        }
        if (!amount.isIntegralNumber() || !amount.canConvertToLong()) {
            throw ApiError.invalidRequest("parameter_invalid_integer", name,
                    "Invalid integer: " + name + " must be an integer in the currency's smallest unit.");
        }
        long value = amount.longValue();
        if (value <= 0) {
            throw ApiError.invalidRequest("amount_too_small", name, "Amount must be at least 1.");
        }
        if (value > MAX_AMOUNT) {
            throw ApiError.invalidRequest("amount_too_large", name, "Amount must be no more than " + MAX_AMOUNT + ".");
        }
        return value;
    }

    /** A required amount in minor units, 1 to {@link #MAX_AMOUNT}. */
    public static long amount(JsonNode root, String name) {
        Long value = optionalAmount(root, name);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    /** A required, non-blank string. */
    public static String string(JsonNode root, String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            throw missing(name);
        }
        if (!node.isString() || node.stringValue().isBlank()) {
            throw ApiError.invalidRequest("parameter_invalid_empty", name,
                    "Invalid " + name + ": must be a non-empty string.");
        }
        return node.stringValue();
    }

    /** Free-form metadata: an object of string (or number) values, empty when absent. */
    public static Map<String, String> metadata(JsonNode root) {
        JsonNode node = root.get("metadata");
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw ApiError.invalidRequest("parameter_invalid", "metadata", "Invalid metadata: must be an object.");
        }
        var metadata = new LinkedHashMap<String, String>();
        for (var entry : node.properties()) {
            JsonNode value = entry.getValue();
            if (!value.isString() && !value.isNumber()) {
                throw ApiError.invalidRequest("parameter_invalid", "metadata[" + entry.getKey() + "]",
                        "Invalid metadata value: must be a string.");
            }
            metadata.put(entry.getKey(), value.asString());
        }
        return metadata;
    }

    private static ApiError missing(String name) {
        return ApiError.invalidRequest("parameter_missing", name, "Missing required param: " + name + ".");
    }
}
