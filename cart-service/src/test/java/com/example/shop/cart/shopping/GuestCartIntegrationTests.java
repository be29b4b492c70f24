package com.example.shop.cart.shopping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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

import com.example.shop.cart.CatalogStub;
import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;
import com.example.shop.platform.testsupport.TestTokens;

/** Guest carts by cart token, their merge into the customer's cart on login, revalidation and the line cap. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.listener.auto-startup=false")
@AutoConfigureRestTestClient
class GuestCartIntegrationTests {

    static final String CART_TOKEN = "X-Cart-Token";
    static final CatalogStub catalog = CatalogStub.start();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "cart");
        TestKafka.register(registry);
        TestTokens.register(registry);
        registry.add("shop.catalog.url", catalog::url);
    }

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Test
    void startsAGuestCartOnTheFirstAddAndReturnsItsTokenInHeaderAndBody() {
        UUID mug = catalog.add("MUG-101", "Enamel mug", "19.99");

        var result = guestAdd(null, mug, 2).expectStatus().isOk()
                .expectHeader().exists(CART_TOKEN)
                .expectBody()
                .jsonPath("$.items[0].sku").isEqualTo("MUG-101")
                .jsonPath("$.items[0].quantity").isEqualTo(2)
                .jsonPath("$.total.amount").isEqualTo("39.98")
                .returnResult();
        String token = result.getResponseHeaders().getFirst(CART_TOKEN);

        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(new String(result.getResponseBodyContent())).contains("\"cartToken\":\"" + token + "\"");
        guestAdd(token, mug, 1).expectStatus().isOk().expectHeader().doesNotExist(CART_TOKEN);
        guestCart(token).jsonPath("$.items[0].quantity").isEqualTo(3).jsonPath("$.cartToken").doesNotExist();
    }

    @Test
    void keepsOnlyTheHashOfTheCartToken() {
        String token = newGuestCart();

        assertThat(jdbc.sql("select count(*) from cart where token_hash = sha256(convert_to(?, 'UTF8'))").param(token)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void createsAnEmptyGuestCartOnPostWithoutAnyToken() {
        var result = client.post().uri("/api/cart").exchange()
                .expectStatus().isCreated()
                .expectHeader().exists(CART_TOKEN)
                .expectBody().jsonPath("$.items.length()").isEqualTo(0).returnResult();

        guestCart(result.getResponseHeaders().getFirst(CART_TOKEN)).jsonPath("$.total.amount").isEqualTo("0.00");
    }

    @Test
    void answersAnUnknownCartTokenWithNotFoundAndCreatesNothing() {
        UUID mug = catalog.add("MUG-102", "Tin mug", "5.00");
        long carts = carts();

        client.get().uri("/api/cart").header(CART_TOKEN, "never-issued").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        guestAdd("never-issued", mug, 1).expectStatus().isNotFound();
        client.put().uri("/api/cart/items/{id}", mug).header(CART_TOKEN, "x".repeat(5000))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("quantity", 1)).exchange()
                .expectStatus().isNotFound();

        assertThat(carts()).isEqualTo(carts);
    }

    @Test
    void keepsGuestCartsApart() {
        UUID lamp = catalog.add("HOM-101", "Desk lamp", "51.00");
        String first = newGuestCart();
        String second = newGuestCart();
        guestAdd(first, lamp, 1).expectStatus().isOk();

        guestCart(second).jsonPath("$.items.length()").isEqualTo(0);
        client.delete().uri("/api/cart").header(CART_TOKEN, second).exchange().expectStatus().isNoContent();
        guestCart(first).jsonPath("$.items.length()").isEqualTo(1);
    }

    @Test
    void mergesTheGuestCartIntoTheCustomersCartOnTheFirstAuthenticatedRequestSummingAndCappingQuantities() {
        UUID ada = UUID.randomUUID();
        UUID pen = catalog.add("OFF-101", "Fountain pen", "34.00");
        UUID ink = catalog.add("OFF-102", "Ink bottle", "8.00");
        UUID pad = catalog.add("OFF-103", "Notepad", "3.00");
        customerAdd(ada, pen, 2).expectStatus().isOk();
        customerAdd(ada, pad, 90).expectStatus().isOk();
        String token = newGuestCart();
        guestAdd(token, pen, 3).expectStatus().isOk();
        guestAdd(token, ink, 1).expectStatus().isOk();
        guestAdd(token, pad, 20).expectStatus().isOk();

        client.get().uri("/api/cart").header(HttpHeaders.AUTHORIZATION, bearer(ada)).header(CART_TOKEN, token).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(3)
                .jsonPath("$.items[?(@.sku == 'OFF-101')].quantity").isEqualTo(5)
                .jsonPath("$.items[?(@.sku == 'OFF-102')].quantity").isEqualTo(1)
                .jsonPath("$.items[?(@.sku == 'OFF-103')].quantity").isEqualTo(99);

        // the guest cart is gone: its token names nothing any more
        client.get().uri("/api/cart").header(CART_TOKEN, token).exchange().expectStatus().isNotFound();
    }

    @Test
    void mergingTheSameTokenAgainChangesNothing() {
        UUID ada = UUID.randomUUID();
        UUID cup = catalog.add("KIT-101", "Tea cup", "6.00");
        String token = newGuestCart();
        guestAdd(token, cup, 2).expectStatus().isOk();

        merge(ada, token).expectStatus().isOk().expectBody().jsonPath("$.items[0].quantity").isEqualTo(2);
        merge(ada, token).expectStatus().isOk().expectBody().jsonPath("$.items[0].quantity").isEqualTo(2);
        client.get().uri("/api/cart").header(HttpHeaders.AUTHORIZATION, bearer(ada)).header(CART_TOKEN, token).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[0].quantity").isEqualTo(2);
    }

    @Test
    void mergesOnceWhenTheSameTokenArrivesConcurrently() throws Exception {
        UUID ada = UUID.randomUUID();
        UUID plate = catalog.add("KIT-102", "Dinner plate", "12.00");
        String token = newGuestCart();
        guestAdd(token, plate, 4).expectStatus().isOk();

        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(6)) {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return merge(ada, token).returnResult().getStatus().value();
                }));
            }
            start.countDown();
            for (var status : statuses) {
                assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
        }

        customerCart(ada).jsonPath("$.items[0].quantity").isEqualTo(4);
    }

    @Test
    void explicitMergeNeedsTheCartTokenHeader() {
        client.post().uri("/api/cart/merge").header(HttpHeaders.AUTHORIZATION, bearer(UUID.randomUUID())).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void flagsALineWhosePriceChangedSinceTheCustomerLastSawIt() {
        UUID ada = UUID.randomUUID();
        UUID lamp = catalog.add("HOM-102", "Ceramic lamp", "129.00");
        UUID rug = catalog.add("HOM-103", "Wool rug", "80.00");
        customerAdd(ada, lamp, 2).expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].priceChanged").isEqualTo(false)
                .jsonPath("$.items[0].previousUnitPrice").doesNotExist()
                .jsonPath("$.needsReview").isEqualTo(false);
        customerAdd(ada, rug, 1).expectStatus().isOk();

        catalog.put(lamp, "HOM-102", "Ceramic lamp", "99.50");

        customerCart(ada)
                .jsonPath("$.items[0].unitPrice.amount").isEqualTo("99.50")
                .jsonPath("$.items[0].priceChanged").isEqualTo(true)
                .jsonPath("$.items[0].previousUnitPrice.amount").isEqualTo("129.00")
                .jsonPath("$.items[1].priceChanged").isEqualTo(false)
                .jsonPath("$.total.amount").isEqualTo("279.00")
                .jsonPath("$.needsReview").isEqualTo(true);

        // changing the line shows the customer the new price: no longer a change to flag
        client.put().uri("/api/cart/items/{id}", lamp).header(HttpHeaders.AUTHORIZATION, bearer(ada))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("quantity", 1)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].priceChanged").isEqualTo(false);
    }

    @Test
    void setsApartLinesNoLongerSoldAndLeavesThemOutOfTheTotalAndFlagsShortStock() {
        String token = newGuestCart();
        UUID kept = catalog.add("OUT-101", "Headlamp", "40.00");
        UUID scarce = catalog.put(UUID.randomUUID(), "OUT-102", "Stove", "60.00", 10);
        UUID archived = catalog.add("OUT-103", "Old tent", "200.00");
        guestAdd(token, kept, 1).expectStatus().isOk();
        guestAdd(token, scarce, 3).expectStatus().isOk();
        guestAdd(token, archived, 1).expectStatus().isOk();

        catalog.remove(archived);
        catalog.put(scarce, "OUT-102", "Stove", "60.00", 2);

        guestCart(token)
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].problem").doesNotExist()
                .jsonPath("$.items[1].sku").isEqualTo("OUT-102")
                .jsonPath("$.items[1].problem").isEqualTo("INSUFFICIENT_STOCK")
                .jsonPath("$.unavailableItems.length()").isEqualTo(1)
                .jsonPath("$.unavailableItems[0].sku").isEqualTo("OUT-103")
                .jsonPath("$.unavailableItems[0].name").isEqualTo("Old tent")
                .jsonPath("$.unavailableItems[0].available").isEqualTo(false)
                .jsonPath("$.unavailableItems[0].problem").isEqualTo("UNAVAILABLE")
                .jsonPath("$.total.amount").isEqualTo("220.00")
                .jsonPath("$.needsReview").isEqualTo(true);
    }

    @Test
    void refusesALineBeyondTheMostLinesPerCartWith422AndChangesNothing() {
        UUID ada = UUID.randomUUID();
        for (int i = 0; i < 49; i++) {
            StoredCarts.customerCartWithLine(jdbc, ada, UUID.randomUUID(), 1);
        }
        UUID fiftieth = catalog.add("CAP-050", "Fiftieth", "1.00");
        UUID fiftyFirst = catalog.add("CAP-051", "Fifty-first", "1.00");

        customerAdd(ada, fiftieth, 1).expectStatus().isOk();
        customerAdd(ada, fiftyFirst, 1).expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        // adding to a line already there is still fine
        customerAdd(ada, fiftieth, 1).expectStatus().isOk();

        assertThat(StoredCarts.lines(jdbc, ada)).isEqualTo(50);
    }

    private String newGuestCart() {
        return client.post().uri("/api/cart").exchange().expectStatus().isCreated()
                .returnResult(String.class).getResponseHeaders().getFirst(CART_TOKEN);
    }

    private RestTestClient.ResponseSpec guestAdd(String token, UUID product, int quantity) {
        var request = client.post().uri("/api/cart/items");
        if (token != null) {
            request = request.header(CART_TOKEN, token);
        }
        return request.contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("productId", product, "quantity", quantity)).exchange();
    }

    private RestTestClient.ResponseSpec customerAdd(UUID customer, UUID product, int quantity) {
        return client.post().uri("/api/cart/items").header(HttpHeaders.AUTHORIZATION, bearer(customer))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("productId", product, "quantity", quantity))
                .exchange();
    }

    private RestTestClient.ResponseSpec merge(UUID customer, String token) {
        return client.post().uri("/api/cart/merge").header(HttpHeaders.AUTHORIZATION, bearer(customer))
                .header(CART_TOKEN, token).exchange();
    }

    private RestTestClient.BodyContentSpec guestCart(String token) {
        return client.get().uri("/api/cart").header(CART_TOKEN, token).exchange().expectStatus().isOk().expectBody();
    }

    private RestTestClient.BodyContentSpec customerCart(UUID customer) {
        return client.get().uri("/api/cart").header(HttpHeaders.AUTHORIZATION, bearer(customer)).exchange()
                .expectStatus().isOk().expectBody();
    }

    private long carts() {
        return jdbc.sql("select count(*) from cart").query(Long.class).single();
    }

    private static String bearer(UUID customer) {
        return "Bearer " + TestTokens.customer(customer, customer + "@example.com");
    }
}
