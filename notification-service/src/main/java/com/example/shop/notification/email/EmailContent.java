package com.example.shop.notification.email;

/**
 * What an e-mail says: its subject, plain-text body and HTML body. The bodies are {@code null} for mails that
 * were never to be sent (suppressed) and every part is {@code null} once the customer's data was deleted; mails
 * recorded before HTML existed have no HTML body.
 */
public record EmailContent(String subject, String text, String html) {
}
