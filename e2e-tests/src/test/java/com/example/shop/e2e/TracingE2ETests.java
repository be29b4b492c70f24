package com.example.shop.e2e;

import static com.example.shop.e2e.ShopApi.checkout;
import static com.example.shop.e2e.ShopApi.get;
import static com.example.shop.e2e.ShopApi.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.shop.e2e.ShopApi.Customer;
import com.example.shop.e2e.ShopApi.Response;

import tools.jackson.databind.JsonNode;

/**
 * One order, one trace: the checkout's calls from service to service and, through Kafka and each service's outbox,
 * the work its events cause later, as the stack's Zipkin shows them to whoever looks up the response's
 * {@code X-Trace-Id}.
 */
class TracingE2ETests {

    private static final String ZIPKIN = System.getProperty("e2e.zipkinUrl", "http://127.0.0.1:9411");
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void anOrdersTraceShowsEveryServiceItCrossedAndThoseItsEventsReached() {
        var customer = Customer.registerNew("Grace Hopper");
        String product = Products.create(ShopApi.adminToken(), "Trace lamp", "19.90", 5).get("id").asString();
        assertThat(post("/api/cart/items", customer.token(), Map.of("productId", product, "quantity", 1)).status())
                .isBetween(200, 201);

        Response placed = post("/api/orders", customer.token(), checkout("tok_visa", "Grace Hopper"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        String traceId = placed.header("X-Trace-Id");

        assertThat(placed.status()).isIn(201, 202);
        assertThat(traceId).as("the trace of the checkout, named to the caller").matches("[0-9a-f]{32}");
        String order = placed.body().get("id").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                "CONFIRMED".equals(get("/api/orders/" + order, customer.token()).body().get("status").asString()));
        // Spans reach Zipkin in batches (every 5 s), the consumers' after the relay has published the events.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(servicesIn(traceId)).contains("gateway", "order-service", "cart-service",
                        "catalog-service", "payment-service", "psp-simulator", "loyalty-service",
                        "notification-service"));
    }

    /** The services with a span in the trace, as Zipkin's API lists them; none while Zipkin does not know it. */
    private static Set<String> servicesIn(String traceId) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(ZIPKIN + "/api/v2/trace/" + traceId))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        Set<String> services = new TreeSet<>();
        if (answer.statusCode() == 404) {
            return services;
        }
        assertThat(answer.statusCode()).isEqualTo(200);
        for (JsonNode span : ShopApi.JSON.readTree(answer.body())) {
            JsonNode endpoint = span.get("localEndpoint");
            if (endpoint != null && endpoint.hasNonNull("serviceName")) {
                services.add(endpoint.get("serviceName").asString());
            }
        }
        return services;
    }
}
