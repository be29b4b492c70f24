package com.example.shop.carrier.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.example.shop.carrier.CarrierClient;
import com.example.shop.carrier.labels.Labels;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"carrier.failure-rate=1.0", "carrier.latency=200ms"})
class FaultInjectionTests {

    @LocalServerPort
    int port;

    @Autowired
    Labels labels;

    @Test
    void failsEveryRequestWith500AfterTheLatencyWhenTheFailureRateIsOne() {
        String reference = UUID.randomUUID().toString();
        var carrier = new CarrierClient(port);
        long started = System.nanoTime();

        var response = carrier.label(UUID.randomUUID().toString(), CarrierClient.labelBody(reference));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.error("code")).isEqualTo("INTERNAL_SERVER_ERROR");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(labels.findByReference(reference)).isEmpty();
        assertThat(carrier.rates("NL", "1012AB", 100).status()).isEqualTo(500);
    }

    @Test
    void leavesTheAdvanceControlAlone() {
        assertThat(new CarrierClient(port).advance("PC000000000NL").status()).isEqualTo(404);
    }
}
