package com.example.shop.notification.email;

/** What a notification tells the customer. */
public enum NotificationType {
    ORDER_CONFIRMED, ORDER_REJECTED
}
