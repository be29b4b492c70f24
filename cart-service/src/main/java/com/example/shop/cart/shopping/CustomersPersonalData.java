package com.example.shop.cart.shopping;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What cart-service holds about a customer, for customer-service's export and deletion. A customer has at most
 * one cart (guest carts belong to nobody until merged); the export is a list so that it does not have to change
 * shape if that ever changes.
 */
@Service
public class CustomersPersonalData {

    private final CartRepository carts;

    CustomersPersonalData(CartRepository carts) {
        this.carts = carts;
    }

    /** The customer's carts as stored, with every line; empty when they have none. */
    @Transactional(readOnly = true)
    public List<StoredCart> carts(CustomerId customer) {
        return carts.storedCarts(customer);
    }

    /**
     * Deletes everything keyed by the customer: their cart with its lines, and the {@code cart.abandoned.v1}
     * events about them still in the outbox (their payload names the customer and what they had in the cart).
     * Idempotent: a second call finds nothing. Joins the caller's transaction (the inbox's), so the deletion and
     * the event id that caused it commit together.
     *
     * @return how many carts were deleted
     */
    @Transactional
    public int erase(CustomerId customer) {
        int deleted = carts.deleteCustomerCarts(customer);
        carts.deleteAbandonmentEvents(customer);
        return deleted;
    }
}
