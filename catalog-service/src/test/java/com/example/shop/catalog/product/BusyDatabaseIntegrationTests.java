package com.example.shop.catalog.product;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.example.shop.catalog.CatalogIntegrationTest;

/**
 * A service whose connection pool stays busy is busy, not broken: the request that waited the pool's whole
 * connection-timeout is refused with 503 and Retry-After (web-support's ProblemDetailsHandler), not a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.connection-timeout=250"})
class BusyDatabaseIntegrationTests extends CatalogIntegrationTest {

    private static final String CHEFS_KNIFE = "df967eea-5416-4fae-8d2a-acb36af280d7";

    @Autowired
    RestTestClient client;

    @Autowired
    DataSource dataSource;

    private final List<Connection> held = new ArrayList<>();

    @AfterEach
    void release() throws SQLException {
        for (Connection connection : held) {
            connection.close();
        }
        held.clear();
    }

    @Test
    void answersWith503AndRetryAfterWhileEveryConnectionIsBusy() throws Exception {
        holdEveryConnection();

        client.get().uri("/api/products/{id}", CHEFS_KNIFE).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(503);

        release();
        client.get().uri("/api/products/{id}", CHEFS_KNIFE).exchange().expectStatus().isOk();
    }

    /** The service's own jobs (the outbox relay, the expiry job) borrow connections briefly: ask until both are ours. */
    private void holdEveryConnection() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (held.size() < 2) {
            try {
                held.add(dataSource.getConnection());
            }
            catch (SQLException busy) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not take the pool's connections", busy);
                }
                Thread.sleep(20);
            }
        }
    }
}
