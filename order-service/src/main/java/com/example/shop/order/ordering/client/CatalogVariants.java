package com.example.shop.order.ordering.client;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.example.shop.order.ordering.DependencyRefusedException;
import com.example.shop.order.ordering.Variants;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Shipping weights through catalog-service's {@code GET /internal/variants?ids=}. */
final class CatalogVariants implements Variants {

    private final RestClient http;
    private final Attempts attempts;

    CatalogVariants(RestClient http, Attempts attempts) {
        this.http = http;
        this.attempts = attempts;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record VariantResponse(UUID variantId, UUID productId, String sku, Integer weightGrams) {
    }

    @Override
    public Map<UUID, Integer> weightsInGrams(Collection<UUID> variantIds) {
        String ids = variantIds.stream().distinct().map(UUID::toString).collect(Collectors.joining(","));
        List<VariantResponse> variants = attempts.call("reading variant weights",
                () -> http.get().uri(uri -> uri.path("/internal/variants").queryParam("ids", ids).build())
                        .accept(MediaType.APPLICATION_JSON)
                        .retrieve()
                        .body(new ParameterizedTypeReference<List<VariantResponse>>() {
                        }));
        if (variants == null) {
            throw new DependencyRefusedException("catalog-service sent no variants", null);
        }
        return variants.stream()
                .filter(variant -> variant.variantId() != null && variant.weightGrams() != null)
                .collect(Collectors.toMap(VariantResponse::variantId, VariantResponse::weightGrams, (a, b) -> a));
    }
}
