package com.example.shop.cart.shopping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;
import com.example.shop.platform.testsupport.TestTokens;

/** The catalogue is down (nothing listens on its port): the cart answers 503 at once instead of hanging. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.listener.auto-startup=false")
@AutoConfigureRestTestClient
class CatalogueUnavailableIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "cart");
        TestKafka.register(registry);
        TestTokens.register(registry);
        registry.add("shop.catalog.url", () -> "http://127.0.0.1:" + closedPort());
    }

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Test
    void answersReadingACartWithServiceUnavailableWhenTheCatalogueIsDown() {
        UUID ada = UUID.randomUUID();
        StoredCarts.customerCartWithLine(jdbc, ada, UUID.randomUUID(), 1);

        long started = System.nanoTime();
        client.get().uri("/api/cart").header(HttpHeaders.AUTHORIZATION, bearer(ada)).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void answersAddingWithServiceUnavailableAndStoresNothing() {
        UUID ada = UUID.randomUUID();

        client.post().uri("/api/cart/items").header(HttpHeaders.AUTHORIZATION, bearer(ada))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("productId", UUID.randomUUID(), "quantity", 1))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(StoredCarts.lines(jdbc, ada)).isZero();
    }

    @Test
    void answersChangingAQuantityWithServiceUnavailableAndChangesNothing() {
        UUID ada = UUID.randomUUID();
        UUID product = UUID.randomUUID();
        StoredCarts.customerCartWithLine(jdbc, ada, product, 2);

        client.put().uri("/api/cart/items/{id}", product).header(HttpHeaders.AUTHORIZATION, bearer(ada))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("quantity", 0))
                .exchange()
                .expectStatus().isEqualTo(503);

        assertThat(jdbc.sql("select l.quantity from cart_line l join cart c on c.id = l.cart_id where c.customer_id = ?")
                .param(ada).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void stillEmptiesACartWithoutTheCatalogue() {
        UUID ada = UUID.randomUUID();
        StoredCarts.customerCartWithLine(jdbc, ada, UUID.randomUUID(), 1);

        client.delete().uri("/api/cart").header(HttpHeaders.AUTHORIZATION, bearer(ada)).exchange()
                .expectStatus().isNoContent();

        assertThat(StoredCarts.lines(jdbc, ada)).isZero();
    }

    @Test
    void showsAnEmptyCartWithoutAskingTheCatalogue() {
        client.get().uri("/api/cart").header(HttpHeaders.AUTHORIZATION, bearer(UUID.randomUUID())).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }

    private static String bearer(UUID customer) {
        return "Bearer " + TestTokens.customer(customer, customer + "@example.com");
    }

    private static int closedPort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
