package com.example.shop.cart.shopping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The opaque token a guest's cart is known by: 32 random bytes, base64url without padding (43 characters).
 * Whoever holds it holds the cart, so it is unguessable and only its SHA-256 is stored.
 */
public final class CartToken {

    /** Longer values are not tokens this service issued; they are not even hashed. */
    private static final int MAX_LENGTH = 128;
    private static final SecureRandom random = new SecureRandom();

    private final String value;

    private CartToken(String value) {
        this.value = value;
    }

    /** A new token for a new guest cart. */
    public static CartToken generate() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return new CartToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /**
     * The token a client sent, or {@code null} when it sent none (blank counts as none). Anything else is
     * accepted here: a value this service never issued simply matches no cart.
     */
    public static CartToken fromClient(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        return new CartToken(trimmed.length() > MAX_LENGTH ? trimmed.substring(0, MAX_LENGTH) + "!" : trimmed);
    }

    public String value() {
        return value;
    }

    /** What is stored and looked up: SHA-256 of the token's text. */
    public byte[] hash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JDK has SHA-256", ex);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CartToken token && token.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    /** Never the token itself: it is a credential and must not reach logs. */
    @Override
    public String toString() {
        return "CartToken[***]";
    }
}
