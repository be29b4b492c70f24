package com.example.shop.customer.addressbook;

/** No address with this id in the caller's address book (another customer's counts as none). */
public class AddressNotFoundException extends RuntimeException {

    public AddressNotFoundException(AddressId id) {
        super("No address " + id);
    }
}
