package com.example.shop.loyalty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;
import com.example.shop.platform.testsupport.TestTokens;

/**
 * The whole service on a random port with a real PostgreSQL, a real Kafka broker and test tokens; one Spring
 * context shared by every integration test class (they use their own customers and orders). The expiry job
 * runs every half second, so expired points are written off while a test waits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shop.messaging.relay.poll-interval=100ms",
        "shop.messaging.consumer.retry-interval=100ms",
        "shop.loyalty.expiry-interval=500ms" })
public abstract class LoyaltyIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "loyalty");
        TestKafka.register(registry);
        TestTokens.register(registry);
    }

    @LocalServerPort
    private int port;

    @Autowired
    private KafkaTemplate<String, String> kafka;

    @Autowired
    private JdbcClient jdbc;

    protected LoyaltyApi api() {
        return new LoyaltyApi(port);
    }

    protected ShopEvents events() {
        return new ShopEvents(kafka);
    }

    protected LedgerChecks ledger() {
        return new LedgerChecks(jdbc);
    }
}
