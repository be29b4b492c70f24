package com.example.shop.order.ordering;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of returns ({@code shop.orders.*}).
 *
 * @param returnWindow how long after delivery a customer may ask to return lines ({@code SHOP_RETURN_WINDOW})
 */
@ConfigurationProperties("shop.orders")
public record ReturnProperties(@DefaultValue("30d") Duration returnWindow) {

    public ReturnProperties {
        if (returnWindow.isNegative()) {
            throw new IllegalArgumentException("shop.orders.return-window must not be negative");
        }
    }
}
