package com.example.shop.psp.faults.web;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Set;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.psp.faults.FaultSettings;
import com.example.shop.psp.faults.FaultSettings.Faults;
import com.example.shop.psp.faults.FaultSettings.InvalidFaults;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /simulator/faults}: the simulator's own control endpoint, outside the provider's {@code /v1} API, so
 * its errors are the shop's problem+json. A field left out of a PUT keeps its value.
 */
@RestController
class FaultsController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> KNOWN = Set.of("failureRate", "latency");

    private final FaultSettings settings;

    FaultsController(FaultSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/simulator/faults")
    FaultsResponse current() {
        return FaultsResponse.of(settings.current());
    }

    @PutMapping("/simulator/faults")
    FaultsResponse change(@RequestBody(required = false) String body) {
        JsonNode root = read(body);
        Faults current = settings.current();
        return FaultsResponse.of(settings.change(new Faults(failureRate(root, current.failureRate()),
                latency(root, current.latency()))));
    }

    private static JsonNode read(String body) {
        try {
            JsonNode root = body == null ? null : JSON.readTree(body);
            if (root != null && root.isObject()) {
                for (String name : root.propertyNames()) {
                    if (!KNOWN.contains(name)) {
                        throw new InvalidFaults("Unknown field " + name + ": only failureRate and latency can be set.");
                    }
                }
                return root;
            }
        }
        catch (JacksonException ex) {
            // answered below
        }
        throw new InvalidFaults("The body must be a JSON object such as {\"failureRate\":0.5,\"latency\":\"PT0.2S\"}.");
    }

    private static double failureRate(JsonNode root, double current) {
        JsonNode node = root.get("failureRate");
        if (node == null) {
            return current;
        }
        if (!node.isNumber()) {
            throw new InvalidFaults("failureRate must be a number between 0.0 and 1.0.");
        }
        return node.doubleValue();
    }

    private static Duration latency(JsonNode root, Duration current) {
        JsonNode node = root.get("latency");
        if (node == null) {
            return current;
        }
        if (node.isString()) {
            try {
                return DurationStyle.detectAndParse(node.stringValue());
            }
            catch (IllegalArgumentException | DateTimeParseException ex) {
                // answered below
            }
        }
        throw new InvalidFaults("latency must be a duration such as \"PT0.2S\" or \"200ms\".");
    }

    /** The faults in effect; the latency as an ISO-8601 duration. */
    record FaultsResponse(double failureRate, String latency) {

        static FaultsResponse of(Faults faults) {
            return new FaultsResponse(faults.failureRate(), faults.latency().toString());
        }
    }
}
