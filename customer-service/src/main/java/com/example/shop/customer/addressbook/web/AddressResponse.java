package com.example.shop.customer.addressbook.web;

import java.time.Instant;
import java.util.UUID;

import com.example.shop.customer.addressbook.Address;

/** An address as the API shows it. */
record AddressResponse(UUID id, String label, String name, String line1, String line2, String city,
        String postalCode, String country, String phone, boolean defaultShipping, Instant createdAt) {

    static AddressResponse of(Address address) {
        var d = address.details();
        return new AddressResponse(address.id().value(), d.label(), d.name(), d.line1(), d.line2(), d.city(),
                d.postalCode(), d.country(), d.phone(), d.defaultShipping(), address.createdAt());
    }
}
