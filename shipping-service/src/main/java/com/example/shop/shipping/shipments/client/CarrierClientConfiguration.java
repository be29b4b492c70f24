package com.example.shop.shipping.shipments.client;

import java.net.http.HttpClient;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** Wires the carrier adapter: an HTTP client with timeouts, and the Resilience4j instances named {@code carrier}. */
@Configuration(proxyBeanMethods = false)
class CarrierClientConfiguration {

    static final String INSTANCE = "carrier";

    @Bean
    HttpCarrier httpCarrier(CarrierProperties properties, RestClient.Builder builder, RetryRegistry retries,
            CircuitBreakerRegistry circuitBreakers) {
        return new HttpCarrier(restClient(properties, builder), retries.retry(INSTANCE),
                circuitBreakers.circuitBreaker(INSTANCE));
    }

    static RestClient restClient(CarrierProperties properties, RestClient.Builder builder) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .build();
        var requestFactory = new JdkClientHttpRequestFactory(http);
        requestFactory.setReadTimeout(properties.readTimeout());
        return builder.clone().baseUrl(properties.url().toString()).requestFactory(requestFactory).build();
    }
}
