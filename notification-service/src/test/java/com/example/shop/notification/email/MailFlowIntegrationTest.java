package com.example.shop.notification.email;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The infrastructure of the end-to-end mail tests: real PostgreSQL, real Kafka, real SMTP (GreenMail), and quick
 * retries. Only infrastructure lives here, so every test class that extends it shares one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shop.notification.retry.poll-interval=200ms",
        "shop.notification.retry.initial-backoff=500ms",
        "shop.notification.retry.max-backoff=1s",
        "shop.notification.retry.max-attempts=1000",
        "shop.notification.public-url=http://shop.test" })
@AutoConfigureRestTestClient
abstract class MailFlowIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        com.example.shop.platform.testsupport.TestPostgres.register(registry, "notification");
        com.example.shop.platform.testsupport.TestKafka.register(registry);
        com.example.shop.platform.testsupport.TestTokens.register(registry);
        TestSmtp.register(registry);
    }
}
