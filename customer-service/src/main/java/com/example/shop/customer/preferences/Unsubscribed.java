package com.example.shop.customer.preferences;

import java.util.Set;

/**
 * The outcome of an unsubscribe link.
 *
 * @param topics the topics whose e-mail is now off
 * @param changed {@code false} when they were off already (nothing written, nothing published)
 */
public record Unsubscribed(Set<Topic> topics, boolean changed) {
}
