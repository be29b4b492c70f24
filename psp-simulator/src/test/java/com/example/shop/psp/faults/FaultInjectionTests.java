package com.example.shop.psp.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.example.shop.psp.PspClient;
import com.example.shop.psp.intents.PaymentIntents;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"psp.failure-rate=1.0", "psp.latency=200ms"})
class FaultInjectionTests {

    @LocalServerPort
    int port;

    @Autowired
    PaymentIntents intents;

    @Test
    void failsEveryRequestWithApiErrorAfterTheLatencyWhenTheFailureRateIsOne() {
        String orderId = UUID.randomUUID().toString();
        long started = System.nanoTime();

        var response = new PspClient(port).create(UUID.randomUUID().toString(), """
                {"amount": 100, "currency": "eur", "payment_method": "tok_visa", "metadata": {"order_id": "%s"}}"""
                .formatted(orderId));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.error("type")).isEqualTo("api_error");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(intents.findByOrderId(orderId)).isEmpty();
    }
}
