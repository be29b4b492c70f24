package com.example.shop.notification.email;

/**
 * Where a notification is in its delivery: {@code PENDING} until the SMTP server accepted it, {@code SENT}
 * afterwards, {@code FAILED} when every allowed attempt failed. {@code SUPPRESSED} mails were never sent because the
 * customer's preferences did not allow them; {@code CANCELLED} ones were still unsent when the customer deleted
 * their account.
 */
public enum NotificationStatus {
    PENDING, SENT, FAILED, SUPPRESSED, CANCELLED
}
