package com.example.shop.customer.preferences;

/** How a message may reach the customer. SMS is recorded but the shop sends none yet. */
public enum Channel {
    EMAIL, SMS
}
