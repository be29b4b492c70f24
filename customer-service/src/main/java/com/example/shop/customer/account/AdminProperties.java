package com.example.shop.customer.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The administrator created at start-up ({@code shop.admin.*}, from {@code SHOP_ADMIN_EMAIL} and
 * {@code SHOP_ADMIN_PASSWORD}).
 */
@ConfigurationProperties("shop.admin")
public record AdminProperties(String email, String password) {
}
