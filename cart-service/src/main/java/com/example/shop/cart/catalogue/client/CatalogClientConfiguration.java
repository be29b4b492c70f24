package com.example.shop.cart.catalogue.client;

import java.net.http.HttpClient;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** Builds the catalogue client with its timeouts and the {@code catalog} circuit breaker. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogClientProperties.class)
class CatalogClientConfiguration {

    @Bean
    CatalogClient catalogClient(RestClient.Builder builder, CatalogClientProperties properties,
            CircuitBreakerRegistry circuitBreakers) {
        return new CatalogClient(restClient(builder, properties), circuitBreakers.circuitBreaker("catalog"));
    }

    static RestClient restClient(RestClient.Builder builder, CatalogClientProperties properties) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .build();
        var requestFactory = new JdkClientHttpRequestFactory(http);
        requestFactory.setReadTimeout(properties.readTimeout());
        return builder.clone().baseUrl(properties.url().toString()).requestFactory(requestFactory).build();
    }
}
