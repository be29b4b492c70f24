package com.example.shop.catalog;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;
import com.example.shop.platform.testsupport.TestTokens;

/**
 * The running service on a random port with a real PostgreSQL, a real Kafka broker and a test JWKS. Only the infrastructure is
 * shared (so every integration test class reuses one application context); fixtures stay in the tests.
 */
// The reservation expiry job runs often, so tests that back-date a reservation see it expire within a second.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "shop.inventory.expiry-interval=200ms")
@AutoConfigureRestTestClient
public abstract class CatalogIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "catalog");
        TestKafka.register(registry);
        TestTokens.register(registry);
    }
}
