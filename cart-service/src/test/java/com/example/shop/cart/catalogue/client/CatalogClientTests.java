package com.example.shop.cart.catalogue.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import com.example.shop.cart.CatalogStub;
import com.example.shop.cart.catalogue.CatalogueUnavailableException;
import com.example.shop.cart.catalogue.Money;
import com.example.shop.cart.catalogue.ProductId;

class CatalogClientTests {

    private ServerSocket silent;

    @AfterEach
    void closeSilentServer() throws IOException {
        if (silent != null) {
            silent.close();
        }
    }

    private static CatalogClient client(String url, CircuitBreaker breaker) {
        var properties = new CatalogClientProperties(URI.create(url), Duration.ofMillis(500), Duration.ofMillis(300));
        return new CatalogClient(CatalogClientConfiguration.restClient(RestClient.builder(), properties), breaker);
    }

    private static CircuitBreaker breaker() {
        return CircuitBreaker.of("catalog-test", CircuitBreakerConfig.custom()
                .slidingWindowSize(2)
                .minimumNumberOfCalls(2)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofMinutes(1))
                .build());
    }

    @Test
    void readsNamesAndPricesOfKnownProductsAndLeavesOutUnknownOnes() {
        var stub = CatalogStub.start();
        UUID mug = stub.add("MUG-001", "Enamel mug", "19.99");

        var found = client(stub.url(), breaker()).find(List.of(new ProductId(mug), new ProductId(UUID.randomUUID())));

        assertThat(found).hasSize(1);
        var product = found.get(new ProductId(mug));
        assertThat(product.sku()).isEqualTo("MUG-001");
        assertThat(product.name()).isEqualTo("Enamel mug");
        assertThat(product.price()).isEqualTo(Money.zero("EUR").plus(new Money(new java.math.BigDecimal("19.99"), "EUR")));
    }

    @Test
    void givesUpAfterTheReadTimeoutWhenTheCatalogueNeverAnswers() throws IOException {
        // Accepts connections (the kernel completes them from the backlog) but never answers.
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        var client = client("http://127.0.0.1:" + silent.getLocalPort(), breaker());

        long started = System.nanoTime();
        assertThatThrownBy(() -> client.find(List.of(new ProductId(UUID.randomUUID()))))
                .isInstanceOf(CatalogueUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void stopsCallingACatalogueThatKeepsFailing() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var breaker = breaker();
        var client = client("http://127.0.0.1:" + closedPort, breaker);
        var ids = List.of(new ProductId(UUID.randomUUID()));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> client.find(ids)).isInstanceOf(CatalogueUnavailableException.class);
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> client.find(ids))
                .isInstanceOf(CatalogueUnavailableException.class)
                .hasCauseInstanceOf(CallNotPermittedException.class);
    }
}
