package com.example.shop.psp.intents.web;

import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.example.shop.psp.ApiError;
import com.example.shop.psp.intents.CaptureMethod;
import com.example.shop.psp.intents.CreatePaymentIntent;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON body of a create request and checks it the way Stripe checks its parameters, answering
 * every mistake with a 400 {@code invalid_request_error} that names the parameter. The body is parsed by hand
 * rather than bound to a record so that every error, including malformed JSON, keeps Stripe's shape.
 */
@Component
class CreatePaymentIntentParser {

    static final long MAX_AMOUNT = 99_999_999L;
    private static final Set<String> KNOWN = Set.of("amount", "currency", "payment_method", "capture_method",
            "confirm", "metadata");

    private final JsonMapper json;

    CreatePaymentIntentParser(JsonMapper json) {
        this.json = json;
    }

    CreatePaymentIntent parse(String body) {
        JsonNode root = read(body);
        for (String name : root.propertyNames()) {
            if (!KNOWN.contains(name)) {
                throw ApiError.invalidRequest("parameter_unknown", name, "Received unknown parameter: " + name);
            }
        }
        return new CreatePaymentIntent(amount(root), currency(root), paymentMethod(root), captureMethod(root),
                metadata(root));
    }

    private JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            throw ApiError.invalidRequest("parameter_missing", "amount",
                    "Missing request body: this simulator takes a JSON object (not Stripe's form encoding).");
        }
        try {
            JsonNode root = json.readTree(body);
            if (root != null && root.isObject()) {
                return root;
            }
        }
        catch (JacksonException ex) {
            // answered below
        }
        throw ApiError.invalidRequest("parameter_invalid", null,
                "Invalid request body: this simulator takes a JSON object (not Stripe's form encoding).");
    }

    private static long amount(JsonNode root) {
        JsonNode amount = required(root, "amount");
        if (!amount.isIntegralNumber() || !amount.canConvertToLong()) {
            throw ApiError.invalidRequest("parameter_invalid_integer", "amount",
                    "Invalid integer: amount must be an integer in the currency's smallest unit.");
        }
        long value = amount.longValue();
        if (value <= 0) {
            throw ApiError.invalidRequest("amount_too_small", "amount", "Amount must be at least 1.");
        }
        if (value > MAX_AMOUNT) {
            throw ApiError.invalidRequest("amount_too_large", "amount", "Amount must be no more than " + MAX_AMOUNT + ".");
        }
        return value;
    }

    private static String currency(JsonNode root) {
        String currency = requiredString(root, "currency").toLowerCase(Locale.ROOT);
        try {
            if (currency.length() == 3) {
                Currency.getInstance(currency.toUpperCase(Locale.ROOT));
                return currency;
            }
        }
        catch (IllegalArgumentException ex) {
            // answered below
        }
        throw ApiError.invalidRequest("parameter_invalid", "currency",
                "Invalid currency: " + currency + ". It must be a three-letter ISO currency code.");
    }

    private static String paymentMethod(JsonNode root) {
        return requiredString(root, "payment_method");
    }

    private static CaptureMethod captureMethod(JsonNode root) {
        JsonNode node = root.get("capture_method");
        if (node == null || node.isNull()) {
            return CaptureMethod.AUTOMATIC;
        }
        return CaptureMethod.fromWire(node.isString() ? node.stringValue() : null)
                .orElseThrow(() -> ApiError.invalidRequest("parameter_invalid", "capture_method",
                        "Invalid capture_method: must be one of automatic or manual."));
    }

    private static Map<String, String> metadata(JsonNode root) {
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

    private static JsonNode required(JsonNode root, String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            throw ApiError.invalidRequest("parameter_missing", name, "Missing required param: " + name + ".");
        }
        return node;
    }

    private static String requiredString(JsonNode root, String name) {
        JsonNode node = required(root, name);
        if (!node.isString() || node.stringValue().isBlank()) {
            throw ApiError.invalidRequest("parameter_invalid_empty", name,
                    "Invalid " + name + ": must be a non-empty string.");
        }
        return node.stringValue();
    }
}
