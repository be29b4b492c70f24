package com.example.shop.order.ordering.client;

import java.net.http.HttpClient;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * One RestClient per service, each with connect and read timeouts so a slow service cannot hang a checkout,
 * and one bulkhead per service ({@code resilience4j.bulkhead.instances.<name>}) so a slow service cannot take
 * every request thread either, and one circuit breaker per service
 * ({@code resilience4j.circuitbreaker.instances.<name>}) so a service that keeps failing is not called (and
 * waited for) at all for a while. Both catalog adapters share the {@code catalog} bulkhead and breaker: one
 * service, one limit, one view of its health.
 */
@Configuration(proxyBeanMethods = false)
class ClientsConfiguration {

    static final String CATALOG = "catalog";
    static final String CART = "cart";
    static final String PAYMENT = "payment";
    static final String SHIPPING = "shipping";
    static final String LOYALTY = "loyalty";

    @Bean
    CatalogInventory catalogInventory(RestClient.Builder builder, ClientProperties properties,
            BulkheadRegistry bulkheads, CircuitBreakerRegistry breakers) {
        return new CatalogInventory(client(builder, properties, properties.catalogUrl().toString()),
                attempts(properties, bulkheads, breakers, CATALOG));
    }

    @Bean
    PaymentServicePayments paymentServicePayments(RestClient.Builder builder, ClientProperties properties,
            BulkheadRegistry bulkheads, CircuitBreakerRegistry breakers) {
        return new PaymentServicePayments(client(builder, properties, properties.paymentUrl().toString()),
                attempts(properties, bulkheads, breakers, PAYMENT));
    }

    @Bean
    CatalogVariants catalogVariants(RestClient.Builder builder, ClientProperties properties,
            BulkheadRegistry bulkheads, CircuitBreakerRegistry breakers) {
        return new CatalogVariants(client(builder, properties, properties.catalogUrl().toString()),
                attempts(properties, bulkheads, breakers, CATALOG));
    }

    @Bean
    ShippingServiceShipping shippingServiceShipping(RestClient.Builder builder, ClientProperties properties,
            BulkheadRegistry bulkheads, CircuitBreakerRegistry breakers) {
        return new ShippingServiceShipping(client(builder, properties, properties.shippingUrl().toString()),
                attempts(properties, bulkheads, breakers, SHIPPING));
    }

    @Bean
    LoyaltyServiceLoyalty loyaltyServiceLoyalty(RestClient.Builder builder, ClientProperties properties,
            BulkheadRegistry bulkheads, CircuitBreakerRegistry breakers) {
        return new LoyaltyServiceLoyalty(client(builder, properties, properties.loyaltyUrl().toString()),
                attempts(properties, bulkheads, breakers, LOYALTY));
    }

    @Bean
    CartServiceCarts cartServiceCarts(RestClient.Builder builder, ClientProperties properties,
            BulkheadRegistry bulkheads, CircuitBreakerRegistry breakers) {
        return new CartServiceCarts(client(builder, properties, properties.cartUrl().toString()),
                attempts(properties, bulkheads, breakers, CART));
    }

    private static RestClient client(RestClient.Builder builder, ClientProperties properties, String baseUrl) {
        // HTTP/1.1 only: the JDK client would otherwise try an h2c upgrade that some servers mishandle.
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .build();
        var requestFactory = new JdkClientHttpRequestFactory(http);
        requestFactory.setReadTimeout(properties.readTimeout());
        return builder.clone().baseUrl(baseUrl).requestFactory(requestFactory).build();
    }

    private static Attempts attempts(ClientProperties properties, BulkheadRegistry bulkheads,
            CircuitBreakerRegistry breakers, String service) {
        return new Attempts(properties.maxAttempts(), properties.retryBackoff(), bulkheads.bulkhead(service),
                breakers.circuitBreaker(service));
    }
}
