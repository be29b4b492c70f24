package com.example.shop.carrier.labels.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.carrier.ApiError;
import com.example.shop.carrier.JsonRequest;
import com.example.shop.carrier.idempotency.IdempotencyKeys;
import com.example.shop.carrier.idempotency.IdempotencyKeys.StoredResponse;
import com.example.shop.carrier.labels.CreateLabel;
import com.example.shop.carrier.labels.Label;
import com.example.shop.carrier.labels.Labels;
import com.example.shop.carrier.rates.Destination;
import com.example.shop.carrier.rates.RateTable;
import com.example.shop.carrier.rates.Service;

import tools.jackson.databind.json.JsonMapper;

/** {@code /v1/labels}: buy a label (idempotent per {@code Idempotency-Key}) and read it. */
@RestController
class LabelsController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final Labels labels;
    private final RateTable rates;
    private final IdempotencyKeys keys;
    private final JsonMapper json;

    LabelsController(Labels labels, RateTable rates, IdempotencyKeys keys, JsonMapper json) {
        this.labels = labels;
        this.rates = rates;
        this.keys = keys;
        this.json = json;
    }

    @PostMapping("/v1/labels")
    ResponseEntity<Object> create(@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            @RequestBody(required = false) String body) {
        if (key == null || key.isBlank() || key.length() > 255) {
            throw ApiError.badRequest("PARAMETER.REQUIRED", IDEMPOTENCY_KEY,
                    "Buying a label needs an Idempotency-Key header of 1 to 255 characters.");
        }
        // Every refusal is decided before the key is looked at, so a refused request is never stored under it
        // and the same key may be used again with a corrected address.
        CreateLabel request = parse(body);
        rates.rate(request.service(), request.destination(), request.weightGrams());
        var outcome = keys.execute(key, request, () -> new StoredResponse(200, labels.create(request), true));
        return ResponseEntity.status(outcome.response().status())
                .contentType(MediaType.APPLICATION_JSON)
                .header(IDEMPOTENCY_KEY, key)
                .header(REPLAYED, String.valueOf(outcome.replayed()))
                .body(outcome.response().body());
    }

    @GetMapping("/v1/labels/{id}")
    Label find(@PathVariable String id) {
        return labels.find(id).orElseThrow(() -> ApiError.notFound("No such label: '" + id + "'."));
    }

    private CreateLabel parse(String body) {
        JsonRequest request = JsonRequest.parse(json, body);
        String carrier = request.string("carrier", 32);
        String serviceName = request.string("service", 32);
        JsonRequest to = request.object("to");
        var recipient = new CreateLabel.Recipient(to.string("name", 200), to.string("line1", 200),
                to.string("city", 100), to.string("postal_code", 32), to.string("country", 64));
        int weight = request.positiveInt("weight_grams");
        String reference = request.string("reference", 255);
        Service service = rates.service(carrier, serviceName).orElseThrow(() -> ApiError.unprocessable(
                "SHIPMENT.SERVICE_UNKNOWN", "service", "No such service: " + carrier + " " + serviceName + "."));
        Destination destination = rates.destination(recipient.country(), recipient.postalCode());
        return new CreateLabel(service, recipient, destination, weight, reference);
    }
}
