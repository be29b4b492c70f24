package com.example.shop.customer.identity;

import java.time.Duration;

/** A signed access token and how long it stays valid. */
public record AccessToken(String value, Duration expiresIn) {
}
