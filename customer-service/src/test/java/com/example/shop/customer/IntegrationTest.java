package com.example.shop.customer;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;

/**
 * The one Spring context the feature integration tests share (real PostgreSQL and Kafka, the personal-data
 * stubs on loopback), so it starts once. Only infrastructure lives here; each test class has its own fixtures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "shop.admin.email=boss@shop.test", "shop.admin.password=boss-secret",
                "shop.surveys.poll-interval=200ms", "shop.surveys.public-url=https://shop.test/",
                "shop.personal-data.read-timeout=1s", "shop.messaging.relay.poll-interval=100ms" })
@AutoConfigureRestTestClient
public abstract class IntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "customer_features");
        TestKafka.register(registry);
        PersonalDataStubs stubs = PersonalDataStubs.instance();
        registry.add("shop.personal-data.order-url", () -> stubs.url("order-service"));
        registry.add("shop.personal-data.cart-url", () -> stubs.url("cart-service"));
        registry.add("shop.personal-data.loyalty-url", () -> stubs.url("loyalty-service"));
        registry.add("shop.personal-data.notification-url", () -> stubs.url("notification-service"));
        registry.add("shop.personal-data.shipping-url", () -> stubs.url("shipping-service"));
    }
}
