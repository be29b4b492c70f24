package com.example.shop.notification.email;

/** The subject and plain-text body of an e-mail. */
public record EmailContent(String subject, String body) {
}
