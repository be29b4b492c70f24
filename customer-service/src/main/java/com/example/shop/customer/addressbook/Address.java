package com.example.shop.customer.addressbook;

import java.time.Instant;

/** An address in a customer's address book. */
public record Address(AddressId id, AddressDetails details, Instant createdAt) {
}
