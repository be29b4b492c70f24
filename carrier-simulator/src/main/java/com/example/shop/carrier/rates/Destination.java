package com.example.shop.carrier.rates;

/** Where a parcel goes: the country (ISO alpha-2, upper case) and its zone, and the postal code. */
public record Destination(String country, Zone zone, String postalCode) {
}
