package com.example.shop.psp.intents.web;

import java.util.Currency;
import java.util.Locale;
import java.util.Set;

import com.example.shop.psp.ApiError;
import com.example.shop.psp.JsonParameters;
import com.example.shop.psp.intents.CaptureMethod;
import com.example.shop.psp.intents.CreatePaymentIntent;

import tools.jackson.databind.JsonNode;

/**
 * Reads the JSON bodies of create and capture requests and checks them the way Stripe checks its parameters, answering
 * every mistake with a 400 {@code invalid_request_error} that names the parameter.
 */
final class PaymentIntentParameters {

    private static final Set<String> KNOWN = Set.of("amount", "currency", "payment_method", "capture_method",
            "confirm", "metadata");

    private PaymentIntentParameters() {
    }

    static CreatePaymentIntent create(String body) {
        JsonNode root = JsonParameters.object(body, "amount");
        JsonParameters.rejectUnknown(root, KNOWN);
        return new CreatePaymentIntent(JsonParameters.amount(root, "amount"), currency(root),
                JsonParameters.string(root, "payment_method"), captureMethod(root), JsonParameters.metadata(root));
    }

    /** The optional {@code amount_to_capture} of a capture request; {@code null} means the whole amount. */
    static Long amountToCapture(String body) {
        JsonNode root = JsonParameters.object(body, null);
        JsonParameters.rejectUnknown(root, Set.of("amount_to_capture"));
        return JsonParameters.optionalAmount(root, "amount_to_capture");
    }

    private static String currency(JsonNode root) {
        String currency = JsonParameters.string(root, "currency").toLowerCase(Locale.ROOT);
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

    private static CaptureMethod captureMethod(JsonNode root) {
        JsonNode node = root.get("capture_method");
        if (node == null || node.isNull()) {
            return CaptureMethod.AUTOMATIC;
        }
        return CaptureMethod.fromWire(node.isString() ? node.stringValue() : null)
                .orElseThrow(() -> ApiError.invalidRequest("parameter_invalid", "capture_method",
                        "Invalid capture_method: must be one of automatic or manual."));
    }
}
