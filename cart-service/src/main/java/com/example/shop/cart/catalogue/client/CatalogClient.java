package com.example.shop.cart.catalogue.client;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.example.shop.cart.catalogue.Catalogue;
import com.example.shop.cart.catalogue.CatalogueProduct;
import com.example.shop.cart.catalogue.CatalogueUnavailableException;
import com.example.shop.cart.catalogue.Money;
import com.example.shop.cart.catalogue.ProductId;

/**
 * Reads products from catalog-service's {@code GET /internal/products?ids=...}. Every call is bounded by the
 * client's connect and read timeouts, and a circuit breaker stops calling a catalogue that keeps failing, so
 * a cart request fails fast with {@link CatalogueUnavailableException} instead of hanging.
 */
public final class CatalogClient implements Catalogue {

    private static final ParameterizedTypeReference<List<ProductJson>> PRODUCTS = new ParameterizedTypeReference<>() {
    };

    private final RestClient rest;
    private final CircuitBreaker circuitBreaker;

    CatalogClient(RestClient rest, CircuitBreaker circuitBreaker) {
        this.rest = rest;
        this.circuitBreaker = circuitBreaker;
    }

    @Override
    public Map<ProductId, CatalogueProduct> find(Collection<ProductId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        String joined = ids.stream().map(ProductId::toString).distinct().collect(Collectors.joining(","));
        List<ProductJson> products;
        try {
            products = circuitBreaker.executeSupplier(() -> rest.get()
                    .uri(uri -> uri.path("/internal/products").queryParam("ids", joined).build())
                    .retrieve()
                    .body(PRODUCTS));
        }
        catch (CallNotPermittedException ex) {
            throw new CatalogueUnavailableException("The catalogue failed repeatedly; not calling it for now.", ex);
        }
        catch (RestClientException ex) {
            throw new CatalogueUnavailableException("The catalogue did not answer: " + ex.getMessage(), ex);
        }
        if (products == null) {
            return Map.of();
        }
        return products.stream()
                .map(ProductJson::toProduct)
                .collect(Collectors.toMap(CatalogueProduct::id, Function.identity(), (a, b) -> a));
    }

    /** The catalogue's product JSON; fields the cart does not use are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProductJson(UUID id, String sku, String name, PriceJson price, Integer available) {

        CatalogueProduct toProduct() {
            return new CatalogueProduct(new ProductId(id), sku, name, new Money(price.amount(), price.currency()),
                    available == null ? Integer.MAX_VALUE : available);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PriceJson(BigDecimal amount, String currency) {
    }
}
