package com.example.shop.carrier.rates.web;

import java.util.List;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.carrier.ApiError;
import com.example.shop.carrier.JsonRequest;
import com.example.shop.carrier.rates.Destination;
import com.example.shop.carrier.rates.Rate;
import com.example.shop.carrier.rates.RateTable;
import com.example.shop.carrier.rates.Zone;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/rates}: {@code {"from_country"?, "to":{"country","postal_code"}, "weight_grams"}} →
 * {@code {"rates":[{"carrier","service","price":{"amount","currency"},"estimated_days"}]}}, cheapest first.
 */
@RestController
class RatesController {

    private final RateTable rates;
    private final JsonMapper json;

    RatesController(RateTable rates, JsonMapper json) {
        this.rates = rates;
        this.json = json;
    }

    @PostMapping("/v1/rates")
    RatesResponse rates(@RequestBody(required = false) String body) {
        JsonRequest request = JsonRequest.parse(json, body);
        String from = request.optionalString("from_country", 2);
        JsonRequest to = request.object("to");
        String country = to.string("country", 64);
        String postalCode = to.string("postal_code", 32);
        int weight = request.positiveInt("weight_grams");
        if (from != null && !Zone.HOME_COUNTRY.equalsIgnoreCase(from)) {
            throw ApiError.unprocessable("ADDRESS.FROM_COUNTRY.UNSUPPORTED", "from_country",
                    "The carriers only collect parcels in " + Zone.HOME_COUNTRY + ".");
        }
        Destination destination = rates.destination(country, postalCode);
        return new RatesResponse(rates.rates(destination, weight));
    }

    record RatesResponse(List<Rate> rates) {
    }
}
