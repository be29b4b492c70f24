package com.example.shop.customer.identity.web;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An OAuth-style token response. */
record TokenResponse(@JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn) {
}
