package com.example.shop.catalog.product;

import java.time.Instant;
import java.util.Objects;

/**
 * A variant's prices: a list price and an optional sale price that applies within a window (either end may be
 * open). The effective price is the sale price inside the window, else the list price.
 *
 * <p>Invariants, checked on construction: the list price is not negative; a sale price is not negative, is
 * below the list price and in the same currency; a window that has both ends starts before it ends; a window
 * without a sale price is refused.
 */
public record Pricing(Money listPrice, Money salePrice, Instant saleFrom, Instant saleTo) {

    public Pricing {
        Objects.requireNonNull(listPrice, "listPrice");
        if (listPrice.isNegative()) {
            throw new InvalidCatalogDataException("The list price must not be negative.");
        }
        if (salePrice == null) {
            if (saleFrom != null || saleTo != null) {
                throw new InvalidCatalogDataException("A sale window needs a sale price.");
            }
        }
        else {
            if (salePrice.isNegative()) {
                throw new InvalidCatalogDataException("The sale price must not be negative.");
            }
            if (!salePrice.currency().equals(listPrice.currency())) {
                throw new InvalidCatalogDataException("The sale price must be in the list price's currency.");
            }
            if (salePrice.amount().compareTo(listPrice.amount()) >= 0) {
                throw new InvalidCatalogDataException("The sale price must be below the list price.");
            }
            if (saleFrom != null && saleTo != null && !saleFrom.isBefore(saleTo)) {
                throw new InvalidCatalogDataException("The sale must start before it ends.");
            }
        }
    }

    public static Pricing listOnly(Money listPrice) {
        return new Pricing(listPrice, null, null, null);
    }

    /** The price a customer pays at {@code now}. */
    public Money effective(Instant now) {
        return onSale(now) ? salePrice : listPrice;
    }

    public boolean onSale(Instant now) {
        return salePrice != null && (saleFrom == null || !now.isBefore(saleFrom))
                && (saleTo == null || now.isBefore(saleTo));
    }
}
