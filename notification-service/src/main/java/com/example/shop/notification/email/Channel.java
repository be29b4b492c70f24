package com.example.shop.notification.email;

/** How a notification reaches the customer; only e-mail so far. */
public enum Channel {
    EMAIL
}
