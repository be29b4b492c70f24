package com.example.shop.carrier.rates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.example.shop.carrier.CarrierClient;
import com.example.shop.carrier.CarrierClient.Response;

import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RatesApiTests {

    @LocalServerPort
    int port;

    CarrierClient carrier;

    @BeforeEach
    void client() {
        carrier = new CarrierClient(port);
    }

    private static List<String> services(Response response) {
        return response.json().path("rates").valueStream()
                .map(rate -> rate.path("carrier").asString() + " " + rate.path("service").asString()).toList();
    }

    @Test
    void quotesEveryServiceAtHomeCheapestFirst() {
        Response response = carrier.rates("NL", "1012 AB", 1200);

        assertThat(response.status()).isEqualTo(200);
        assertThat(services(response)).containsExactly("PARCELCO STANDARD", "SWIFTPOST ECONOMY", "PARCELCO EXPRESS");
        JsonNode cheapest = response.json().path("rates").get(0);
        assertThat(cheapest.path("price").path("amount").asString()).isEqualTo("4.95");
        assertThat(cheapest.path("price").path("currency").asString()).isEqualTo("EUR");
        assertThat(cheapest.path("estimated_days").asInt()).isEqualTo(1);
    }

    @Test
    void makesSwiftpostTheCheapestWithinTheEu() {
        Response response = carrier.rates("de", "10115", 1200);

        assertThat(services(response).getFirst()).isEqualTo("SWIFTPOST ECONOMY");
        assertThat(response.json().path("rates").get(0).path("price").path("amount").asString()).isEqualTo("8.45");
    }

    @ParameterizedTest
    @CsvSource({"NL, 1012AB, 2000, 4.95", "NL, 1012AB, 2001, 6.95", "BE, 1000, 7000, 17.45", "US, 10001, 12000, 44.95"})
    void pricesByZoneAndWeightBand(String country, String postalCode, int weight, String standardPrice) {
        Response response = carrier.rates(country, postalCode, weight);

        JsonNode standard = response.json().path("rates").valueStream()
                .filter(rate -> rate.path("service").asString().equals("STANDARD")).findFirst().orElseThrow();
        assertThat(standard.path("price").path("amount").asString()).isEqualTo(standardPrice);
    }

    @Test
    void leavesOutServicesThatDoNotTakeTheWeight() {
        Response response = carrier.rates("NL", "1012 AB", 25_000);

        assertThat(services(response)).containsExactly("PARCELCO STANDARD");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"to\":{\"country\":\"KP\",\"postal_code\":\"12345\"},\"weight_grams\":100}         | ADDRESS.COUNTRY.UNSUPPORTED | to.country",
            "{\"to\":{\"country\":\"Netherlands\",\"postal_code\":\"1012AB\"},\"weight_grams\":100} | ADDRESS.COUNTRY.INVALID     | to.country",
            "{\"to\":{\"country\":\"NL\",\"postal_code\":\"ABCDEF\"},\"weight_grams\":100}          | ADDRESS.POSTAL_CODE.INVALID | to.postal_code",
            "{\"to\":{\"country\":\"NL\",\"postal_code\":\"1012AB\"},\"weight_grams\":40000}        | SHIPMENT.WEIGHT.TOO_HEAVY   | weight_grams",
            "{\"from_country\":\"BE\",\"to\":{\"country\":\"NL\",\"postal_code\":\"1012AB\"},\"weight_grams\":100} | ADDRESS.FROM_COUNTRY.UNSUPPORTED | from_country",
    })
    void refusesDestinationsItCannotServeWith422(String body, String code, String field) {
        Response response = carrier.rates(body);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.error("code")).isEqualTo(code);
        assertThat(response.error("field")).isEqualTo(field);
        assertThat(response.error("message")).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not json                                                              | PARAMETER.INVALID  |",
            "{\"weight_grams\":100}                                                | PARAMETER.REQUIRED | to",
            "{\"to\":{\"country\":\"NL\"},\"weight_grams\":100}                    | PARAMETER.REQUIRED | to.postal_code",
            "{\"to\":{\"country\":\"NL\",\"postal_code\":\"1012AB\"}}              | PARAMETER.REQUIRED | weight_grams",
            "{\"to\":{\"country\":\"NL\",\"postal_code\":\"1012AB\"},\"weight_grams\":0}    | PARAMETER.INVALID | weight_grams",
            "{\"to\":{\"country\":\"NL\",\"postal_code\":\"1012AB\"},\"weight_grams\":\"1\"} | PARAMETER.INVALID | weight_grams",
            "{\"to\":\"NL\",\"weight_grams\":100}                                  | PARAMETER.INVALID  | to",
    })
    void rejectsMalformedRequestsWith400NamingTheField(String body, String code, String field) {
        Response response = carrier.rates(body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error("code")).isEqualTo(code);
        assertThat(response.error("field")).isEqualTo(field);
    }

    @Test
    void servesHealthProbesWithoutCredentials() {
        assertThat(carrier.get("/actuator/health/readiness").status()).isEqualTo(200);
    }
}
