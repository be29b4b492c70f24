package com.example.shop.payment.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.example.shop.payment.PaymentApi;
import com.example.shop.payment.PaymentApi.Response;
import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "resilience4j.circuitbreaker.instances.psp.minimum-number-of-calls=6",
        "resilience4j.circuitbreaker.instances.psp.sliding-window-size=6",
        "resilience4j.circuitbreaker.instances.psp.wait-duration-in-open-state=10m"})
class PaymentsWithProviderDownIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
        TestPostgres.register(registry, "payment");
        TestKafka.register(registry);
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("shop.psp.url", () -> "http://127.0.0.1:" + closedPort);
    }

    @LocalServerPort
    int port;

    @Autowired
    PaymentRepository payments;

    PaymentApi api;

    @BeforeEach
    void client() {
        api = new PaymentApi(port);
    }

    @Test
    void answersUnavailableWithinSecondsAfterBoundedRetriesAndKeepsThePaymentForALaterTry() {
        UUID orderId = UUID.randomUUID();
        long started = System.nanoTime();

        Response first = api.authorize(orderId, "19.99", "EUR", "tok_visa");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text("status")).isEqualTo("UNAVAILABLE");
        assertThat(first.text("declineCode")).isNull();

        Response again = api.authorize(orderId, "19.99", "EUR", "tok_visa");

        assertThat(again.text("status")).isEqualTo("UNAVAILABLE");
        assertThat(again.text("paymentId")).isEqualTo(first.text("paymentId"));
        Payment payment = payments.findByOrderId(new OrderId(orderId)).orElseThrow();
        assertThat(payment.status()).isEqualTo(PaymentStatus.UNAVAILABLE);
        assertThat(payments.attempts(payment.id())).extracting(PaymentAttempt::outcome)
                .containsExactly(PaymentStatus.UNAVAILABLE, PaymentStatus.UNAVAILABLE);
    }

    @Test
    void answers503ToACancelWhileTheProviderCannotSayWhetherItHoldsMoney() {
        UUID orderId = UUID.randomUUID();
        api.authorize(orderId, "7.00", "EUR", "tok_visa");

        Response response = api.cancel(orderId);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        Payment payment = payments.findByOrderId(new OrderId(orderId)).orElseThrow();
        assertThat(payment.status()).isEqualTo(PaymentStatus.UNAVAILABLE);
        assertThat(payments.attempts(payment.id())).extracting(PaymentAttempt::outcome)
                .containsExactly(PaymentStatus.UNAVAILABLE, PaymentStatus.UNAVAILABLE);
    }

    @Test
    void stopsCallingTheProviderOnceTheCircuitBreakerIsOpen() {
        UUID orderId = UUID.randomUUID();
        // Six failed tries (two requests of three) open the breaker, whatever the other test did first.
        for (int i = 0; i < 3; i++) {
            assertThat(api.authorize(orderId, "5.00", "EUR", "tok_visa").text("status")).isEqualTo("UNAVAILABLE");
        }

        Response response = api.authorize(orderId, "5.00", "EUR", "tok_visa");

        assertThat(response.text("status")).isEqualTo("UNAVAILABLE");
        Payment payment = payments.findByOrderId(new OrderId(orderId)).orElseThrow();
        assertThat(payments.attempts(payment.id()).getLast().detail()).isEqualTo("circuit breaker open");
    }
}
