package com.example.shop.payment.payments.client;

import java.net.http.HttpClient;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** Wires the provider adapter: an HTTP client with timeouts, and the Resilience4j instances named {@code psp}. */
@Configuration(proxyBeanMethods = false)
class PspClientConfiguration {

    static final String INSTANCE = "psp";

    @Bean
    PspPaymentProvider pspPaymentProvider(PspProperties properties, RestClient.Builder builder,
            RetryRegistry retries, CircuitBreakerRegistry circuitBreakers) {
        return new PspPaymentProvider(restClient(properties, builder), retries.retry(INSTANCE),
                circuitBreakers.circuitBreaker(INSTANCE));
    }

    static RestClient restClient(PspProperties properties, RestClient.Builder builder) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .build();
        var requestFactory = new JdkClientHttpRequestFactory(http);
        requestFactory.setReadTimeout(properties.readTimeout());
        return builder.baseUrl(properties.url().toString()).requestFactory(requestFactory).build();
    }
}
