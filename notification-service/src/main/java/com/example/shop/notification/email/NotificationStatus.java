package com.example.shop.notification.email;

/**
 * Where a notification is in its delivery: {@code PENDING} until the SMTP server accepted it, {@code SENT}
 * afterwards, {@code FAILED} when every allowed attempt failed.
 */
public enum NotificationStatus {
    PENDING, SENT, FAILED
}
