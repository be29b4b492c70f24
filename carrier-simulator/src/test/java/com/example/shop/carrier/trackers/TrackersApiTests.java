package com.example.shop.carrier.trackers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.example.shop.carrier.CarrierClient;
import com.example.shop.carrier.CarrierClient.Response;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "carrier.transit-time=1h")
class TrackersApiTests {

    @LocalServerPort
    int port;

    CarrierClient carrier;

    @BeforeEach
    void client() {
        carrier = new CarrierClient(port);
    }

    private String newLabel() {
        return carrier.label(UUID.randomUUID().toString(), CarrierClient.labelBody(UUID.randomUUID().toString()))
                .text("tracking_number");
    }

    private static java.util.List<String> statuses(Response tracker) {
        return tracker.json().path("events").valueStream().map(event -> event.path("status").asString()).toList();
    }

    @Test
    void showsANewLabelAsLabelCreated() {
        String trackingNumber = newLabel();

        Response tracker = carrier.get("/v1/trackers/" + trackingNumber);

        assertThat(tracker.status()).isEqualTo(200);
        assertThat(tracker.text("tracking_number")).isEqualTo(trackingNumber);
        assertThat(tracker.text("carrier")).isEqualTo("PARCELCO");
        assertThat(tracker.text("status")).isEqualTo("LABEL_CREATED");
        assertThat(statuses(tracker)).containsExactly("LABEL_CREATED");
        assertThat(tracker.json().path("events").get(0).path("location").asString()).isNotBlank();
        assertThat(tracker.json().path("events").get(0).path("occurred_at").asString()).isNotBlank();
    }

    @Test
    void movesTheParcelOnOneStepPerAdvanceUntilDelivered() {
        String trackingNumber = newLabel();

        for (int i = 0; i < 4; i++) {
            assertThat(carrier.advance(trackingNumber).status()).isEqualTo(200);
        }
        Response delivered = carrier.advance(trackingNumber);

        assertThat(delivered.text("status")).isEqualTo("DELIVERED");
        assertThat(statuses(delivered))
                .containsExactly("LABEL_CREATED", "PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED");
        assertThat(delivered.json().path("events").get(4).path("location").asString()).isEqualTo("Amsterdam");
        assertThat(statuses(carrier.get("/v1/trackers/" + trackingNumber))).hasSize(5);
    }

    @Test
    void servesTheTrackerAtTheLabelsTrackingUrlPath() {
        String trackingNumber = newLabel();
        carrier.advance(trackingNumber);

        Response tracker = carrier.get("/track/" + trackingNumber);

        assertThat(tracker.text("status")).isEqualTo("PICKED_UP");
    }

    @Test
    void answersAnUnknownTrackerWith404() {
        assertThat(carrier.get("/v1/trackers/PC000000000NL").status()).isEqualTo(404);
        assertThat(carrier.advance("PC000000000NL").status()).isEqualTo(404);
    }
}
