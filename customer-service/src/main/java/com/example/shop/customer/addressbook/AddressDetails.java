package com.example.shop.customer.addressbook;

/**
 * What an address says, as the customer enters it.
 *
 * @param label the customer's own name for it ("Home", "Office")
 * @param country ISO 3166-1 alpha-2, upper case
 * @param line2 optional, may be {@code null}
 * @param phone optional, may be {@code null}
 * @param defaultShipping whether this is the address checkout suggests; at most one per customer
 */
public record AddressDetails(String label, String name, String line1, String line2, String city, String postalCode,
        String country, String phone, boolean defaultShipping) {
}
