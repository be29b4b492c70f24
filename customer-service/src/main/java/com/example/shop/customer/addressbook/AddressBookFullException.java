package com.example.shop.customer.addressbook;

/** The address book holds {@link AddressBook#MAX_ADDRESSES} addresses already. */
public class AddressBookFullException extends RuntimeException {

    public AddressBookFullException() {
        super("The address book is full (" + AddressBook.MAX_ADDRESSES + " addresses).");
    }
}
