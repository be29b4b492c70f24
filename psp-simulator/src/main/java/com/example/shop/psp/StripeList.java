package com.example.shop.psp;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Stripe's list object, {@code {"object":"list","data":[...],"has_more":false}}. The simulator answers every
 * match at once, so {@code has_more} is always false.
 */
public record StripeList<T>(String object, List<T> data, @JsonProperty("has_more") boolean hasMore) {

    public static <T> StripeList<T> of(List<T> data) {
        return new StripeList<>("list", List.copyOf(data), false);
    }
}
