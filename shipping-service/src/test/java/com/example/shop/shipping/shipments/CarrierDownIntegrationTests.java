package com.example.shop.shipping.shipments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.example.shop.contracts.shipment.ShipmentEvents;
import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;
import com.example.shop.platform.testsupport.TestTokens;
import com.example.shop.shipping.CarrierSimulator;
import com.example.shop.shipping.ShippingApi;
import com.example.shop.shipping.ShippingApi.Response;

/** The carrier is down at first (nothing listens on its port), then comes up on that port. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shop.shipping.tracking.enabled=false",
        "resilience4j.circuitbreaker.instances.carrier.minimum-number-of-calls=1000",
        "resilience4j.circuitbreaker.instances.carrier.sliding-window-size=1000"})
class CarrierDownIntegrationTests {

    private static int carrierPort;
    private static CarrierSimulator carrier;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
        TestPostgres.register(registry, "shipping_carrier_down");
        TestKafka.register(registry);
        TestTokens.register(registry);
        try (var socket = new ServerSocket(0)) {
            carrierPort = socket.getLocalPort();
        }
        registry.add("shop.carrier.url", () -> "http://127.0.0.1:" + carrierPort);
    }

    @AfterAll
    static void stopCarrier() {
        if (carrier != null) {
            carrier.close();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ShipmentRepository shipments;

    @Autowired
    JdbcClient jdbc;

    ShippingApi api;

    @BeforeEach
    void client() {
        api = new ShippingApi(port);
    }

    @Test
    void answers503WhileTheCarrierIsDownAndBuysExactlyOneLabelOnALaterRetry() {
        UUID orderId = UUID.randomUUID();
        long started = System.nanoTime();

        Response down = api.ship(orderId, 1200);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.contentType()).startsWith("application/problem+json");
        assertThat(down.header("Retry-After")).isEqualTo("5");
        assertThat(api.ship(orderId, 1200).status()).isEqualTo(503);
        Shipment pending = shipments.findByOrderId(new OrderId(orderId)).orElseThrow();
        assertThat(pending.status()).isEqualTo(ShipmentStatus.PENDING);
        assertThat(api.quotes("""
                {"weightGrams": 1200, "destination": {"country": "NL", "postalCode": "1012 AB"}}""").status())
                .isEqualTo(503);

        carrier = CarrierSimulator.start("server.port=" + carrierPort);
        Response retry = api.ship(orderId, 1200);
        Response again = api.ship(orderId, 1200);

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.text("shipmentId")).isEqualTo(pending.id().toString());
        assertThat(retry.text("status")).isEqualTo("LABEL_CREATED");
        assertThat(again.text("trackingNumber")).isEqualTo(retry.text("trackingNumber"));
        assertThat(carrier.labelsOf(orderId)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from outbox_event where message_key = ? and type = ?")
                .params(orderId.toString(), ShipmentEvents.SHIPMENT_LABEL_CREATED)
                .query(Integer.class).single()).isEqualTo(1);
    }
}
