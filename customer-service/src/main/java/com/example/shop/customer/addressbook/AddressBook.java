package com.example.shop.customer.addressbook;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.example.shop.customer.account.CustomerId;
import com.example.shop.customer.account.CustomerNotFoundException;
import com.example.shop.customer.account.CustomerRepository;

/**
 * A customer's saved addresses: at most {@value #MAX_ADDRESSES}, at most one default shipping address. Every
 * change locks the customer's row first, so concurrent requests cannot together pass either limit.
 */
@Service
public class AddressBook {

    public static final int MAX_ADDRESSES = 20;

    private final AddressRepository addresses;
    private final CustomerRepository customers;
    private final Clock clock = Clock.systemUTC();

    AddressBook(AddressRepository addresses, CustomerRepository customers) {
        this.addresses = addresses;
        this.customers = customers;
    }

    /** The addresses in the order they were added. */
    @Transactional(readOnly = true)
    public List<Address> of(CustomerId customer) {
        customers.findById(customer).filter(c -> c.active()).orElseThrow(() -> new CustomerNotFoundException(customer));
        return addresses.of(customer);
    }

    /**
     * @throws AddressBookFullException when the book holds {@value #MAX_ADDRESSES} addresses already
     */
    @Transactional
    public Address add(CustomerId customer, AddressDetails details) {
        lock(customer);
        if (addresses.count(customer) >= MAX_ADDRESSES) {
            throw new AddressBookFullException();
        }
        if (details.defaultShipping()) {
            addresses.clearDefault(customer);
        }
        Instant now = clock.instant();
        var address = new Address(AddressId.random(), details, now);
        addresses.insert(customer, address);
        return address;
    }

    /** Replaces an address's fields. */
    @Transactional
    public Address replace(CustomerId customer, AddressId id, AddressDetails details) {
        lock(customer);
        Address current = addresses.find(customer, id).orElseThrow(() -> new AddressNotFoundException(id));
        if (details.defaultShipping()) {
            addresses.clearDefault(customer);
        }
        var replaced = new Address(id, details, current.createdAt());
        addresses.update(customer, replaced);
        return replaced;
    }

    @Transactional
    public void remove(CustomerId customer, AddressId id) {
        lock(customer);
        if (!addresses.delete(customer, id)) {
            throw new AddressNotFoundException(id);
        }
    }

    /** Deletes every address; part of an account's deletion and must run in its transaction. */
    @Transactional
    public void forget(CustomerId customer) {
        addresses.deleteAll(customer);
    }

    private void lock(CustomerId customer) {
        customers.lockActive(customer).orElseThrow(() -> new CustomerNotFoundException(customer));
    }
}
