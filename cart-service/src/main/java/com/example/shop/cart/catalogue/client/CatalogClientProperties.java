package com.example.shop.cart.catalogue.client;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where catalog-service is and how long the cart waits for it ({@code shop.catalog.*}).
 *
 * @param url base URL of catalog-service
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for the whole answer
 */
@ConfigurationProperties("shop.catalog")
public record CatalogClientProperties(@DefaultValue("http://localhost:8082") URI url,
        @DefaultValue("1s") Duration connectTimeout, @DefaultValue("2s") Duration readTimeout) {
}
