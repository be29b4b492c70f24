package com.example.shop.customer.addressbook;

import java.util.Objects;
import java.util.UUID;

/** The identity of an address in a customer's address book. */
public record AddressId(UUID value) {

    public AddressId {
        Objects.requireNonNull(value, "value");
    }

    public static AddressId random() {
        return new AddressId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
