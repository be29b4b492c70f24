package com.example.shop.customer.privacy.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import com.example.shop.customer.account.CustomerId;
import com.example.shop.customer.privacy.PersonalDataSources;
import com.example.shop.customer.privacy.PersonalDataUnavailableException;

import tools.jackson.databind.JsonNode;

/**
 * Asks order-, cart-, loyalty-, notification- and shipping-service in parallel for
 * {@code GET /internal/customers/{id}/personal-data}, each with connect and read timeouts. Any failure (no
 * connection, timeout, a status other than 200, a body that is not a JSON object) fails the whole export: a
 * partial export would tell the customer that we hold less than we do.
 */
@Component
class HttpPersonalDataSources implements PersonalDataSources {

    private final Map<String, RestClient> services = new LinkedHashMap<>();

    HttpPersonalDataSources(RestClient.Builder builder, PersonalDataProperties properties) {
        services.put("order-service", client(builder, properties, properties.orderUrl()));
        services.put("cart-service", client(builder, properties, properties.cartUrl()));
        services.put("loyalty-service", client(builder, properties, properties.loyaltyUrl()));
        services.put("notification-service", client(builder, properties, properties.notificationUrl()));
        services.put("shipping-service", client(builder, properties, properties.shippingUrl()));
    }

    @Override
    public List<JsonNode> collect(CustomerId customer) {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<String, Future<JsonNode>> answers = new LinkedHashMap<>();
            services.forEach((name, client) -> answers.put(name, pool.submit(() -> ask(client, customer))));
            List<JsonNode> collected = new ArrayList<>();
            for (var answer : answers.entrySet()) {
                collected.add(result(answer.getKey(), answer.getValue()));
            }
            return collected;
        }
    }

    private static JsonNode ask(RestClient client, CustomerId customer) {
        JsonNode body = client.get().uri("/internal/customers/{id}/personal-data", customer.value())
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(JsonNode.class);
        if (body == null || !body.isObject()) {
            throw new IllegalStateException("the answer is not a JSON object");
        }
        return body;
    }

    private static JsonNode result(String service, Future<JsonNode> answer) {
        try {
            return answer.get();
        }
        catch (ExecutionException ex) {
            throw new PersonalDataUnavailableException(service + " could not be asked for personal data: "
                    + ex.getCause(), ex.getCause());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new PersonalDataUnavailableException("interrupted while asking " + service, ex);
        }
    }

    private static RestClient client(RestClient.Builder builder, PersonalDataProperties properties, URI baseUrl) {
        // HTTP/1.1 only: the JDK client would otherwise try an h2c upgrade that some servers mishandle.
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .build();
        var requestFactory = new JdkClientHttpRequestFactory(http);
        requestFactory.setReadTimeout(properties.readTimeout());
        return builder.clone().baseUrl(baseUrl.toString()).requestFactory(requestFactory).build();
    }
}
