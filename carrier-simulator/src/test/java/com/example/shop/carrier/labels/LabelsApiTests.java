package com.example.shop.carrier.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.example.shop.carrier.CarrierClient;
import com.example.shop.carrier.CarrierClient.Response;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "carrier.public-url=http://carrier.test/")
class LabelsApiTests {

    @LocalServerPort
    int port;

    @Autowired
    Labels labels;

    CarrierClient carrier;

    @BeforeEach
    void client() {
        carrier = new CarrierClient(port);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void buysALabelWithATrackingNumberAndThePriceOfTheService() {
        String reference = key();

        Response response = carrier.label(key(), CarrierClient.labelBody(reference));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text("id")).startsWith("lbl_");
        assertThat(response.text("tracking_number")).matches("PC[0-9]{9}NL");
        assertThat(response.text("tracking_url")).isEqualTo("http://carrier.test/track/" + response.text("tracking_number"));
        assertThat(response.text("carrier")).isEqualTo("PARCELCO");
        assertThat(response.text("service")).isEqualTo("STANDARD");
        assertThat(response.json().path("price").path("amount").asString()).isEqualTo("4.95");
        assertThat(response.json().path("price").path("currency").asString()).isEqualTo("EUR");
        assertThat(response.text("reference")).isEqualTo(reference);
        assertThat(response.text("created")).isNotBlank();
        assertThat(response.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(carrier.get("/v1/labels/" + response.text("id")).text("tracking_number"))
                .isEqualTo(response.text("tracking_number"));
    }

    @Test
    void replaysTheSameLabelForTheSameKeyAndBody() {
        String key = key();
        String reference = key();
        Response first = carrier.label(key, CarrierClient.labelBody(reference));

        Response again = carrier.label(key, CarrierClient.labelBody(reference));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(again.text("tracking_number")).isEqualTo(first.text("tracking_number"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(labels.findByReference(reference)).hasSize(1);
    }

    @Test
    void refusesTheSameKeyWithAnotherBody() {
        String key = key();
        carrier.label(key, CarrierClient.labelBody(key()));

        Response other = carrier.label(key, CarrierClient.labelBody(key()));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.error("code")).isEqualTo("IDEMPOTENCY.KEY_REUSED");
    }

    @Test
    void buysOneLabelForConcurrentRequestsWithTheSameKey() throws Exception {
        String key = key();
        String reference = key();
        int callers = 8;
        var start = new CountDownLatch(1);
        List<Future<Response>> responses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(callers)) {
            for (int i = 0; i < callers; i++) {
                Callable<Response> call = () -> {
                    start.await();
                    return carrier.label(key, CarrierClient.labelBody(reference));
                };
                responses.add(pool.submit(call));
            }
            start.countDown();
            List<String> ids = new ArrayList<>();
            for (var response : responses) {
                assertThat(response.get().status()).isEqualTo(200);
                ids.add(response.get().text("id"));
            }
            assertThat(ids).hasSize(callers).containsOnly(ids.getFirst());
        }
        assertThat(labels.findByReference(reference)).hasSize(1);
    }

    @Test
    void refusesAnAddressItCannotServeWithoutStoringItUnderTheKey() {
        String key = key();
        String reference = key();

        Response refused = carrier.label(key, CarrierClient.labelBody("PARCELCO", "STANDARD", "KP", "12345", 500, reference));
        Response corrected = carrier.label(key, CarrierClient.labelBody(reference));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.error("code")).isEqualTo("ADDRESS.COUNTRY.UNSUPPORTED");
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(labels.findByReference(reference)).hasSize(1);
    }

    @Test
    void refusesAServiceThatDoesNotTakeTheParcel() {
        Response tooHeavy = carrier.label(key(), CarrierClient.labelBody("PARCELCO", "EXPRESS", "NL", "1012AB", 25_000, key()));
        Response unknown = carrier.label(key(), CarrierClient.labelBody("PARCELCO", "OVERNIGHT", "NL", "1012AB", 500, key()));

        assertThat(tooHeavy.status()).isEqualTo(422);
        assertThat(tooHeavy.error("code")).isEqualTo("SHIPMENT.SERVICE_UNAVAILABLE");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.error("code")).isEqualTo("SHIPMENT.SERVICE_UNKNOWN");
    }

    @Test
    void requiresAnIdempotencyKey() {
        Response response = carrier.label(null, CarrierClient.labelBody(key()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error("field")).isEqualTo("Idempotency-Key");
    }

    @Test
    void rejectsALabelRequestWithoutRecipientNameWith400() {
        Response response = carrier.label(key(), """
                {"carrier":"PARCELCO","service":"STANDARD","weight_grams":500,"reference":"r",
                 "to":{"line1":"Damrak 1","city":"Amsterdam","postal_code":"1012AB","country":"NL"}}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error("code")).isEqualTo("PARAMETER.REQUIRED");
        assertThat(response.error("field")).isEqualTo("to.name");
    }

    @Test
    void answersAnUnknownLabelWith404() {
        assertThat(carrier.get("/v1/labels/lbl_unknown").status()).isEqualTo(404);
    }
}
