package com.example.shop.cart.shopping;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import com.example.shop.cart.catalogue.Catalogue;
import com.example.shop.cart.catalogue.CatalogueProduct;
import com.example.shop.cart.catalogue.ProductId;
import com.example.shop.cart.shopping.CartProblems.LineNotInCartException;
import com.example.shop.cart.shopping.CartProblems.ProductNotInCatalogueException;
import com.example.shop.cart.shopping.CartProblems.QuantityLimitExceededException;

/**
 * The customers' carts (C05 Cart): one per customer, holding product ids and quantities; names and prices
 * are taken from the catalogue each time a cart is shown, so a cart never shows a stale price.
 */
@Service
public class ShoppingCarts {

    /** Most units of one product a cart line holds. */
    public static final int MAX_QUANTITY = 99;

    private final CartRepository carts;
    private final Catalogue catalogue;

    ShoppingCarts(CartRepository carts, Catalogue catalogue) {
        this.carts = carts;
        this.catalogue = catalogue;
    }

    /**
     * The cart priced from the catalogue. Lines whose product is no longer in the catalogue are left out
     * (they stay stored, and reappear if the product comes back).
     */
    public PricedCart view(CustomerId customer) {
        List<CartLine> lines = carts.lines(customer);
        if (lines.isEmpty()) {
            return PricedCart.empty();
        }
        return price(lines, catalogue.find(productIds(lines, null)));
    }

    /**
     * Adds units of a catalogue product; adding to an existing line sums the quantities, and a sum above
     * {@value #MAX_QUANTITY} is refused with nothing changed. The catalogue is asked before anything is
     * written, so a catalogue outage fails the request without changing the cart.
     */
    public PricedCart add(CustomerId customer, ProductId product, int quantity) {
        requireQuantity(quantity, 1);
        Map<ProductId, CatalogueProduct> products = catalogue.find(productIds(carts.lines(customer), product));
        if (!products.containsKey(product)) {
            throw new ProductNotInCatalogueException(product);
        }
        if (!carts.add(customer, product, quantity, MAX_QUANTITY)) {
            throw new QuantityLimitExceededException(product);
        }
        return price(carts.lines(customer), products);
    }

    /**
     * Sets the quantity of a line already in the cart; 0 removes it. Like {@link #add}, it prices the cart
     * before changing it, so a catalogue outage changes nothing.
     */
    public PricedCart setQuantity(CustomerId customer, ProductId product, int quantity) {
        requireQuantity(quantity, 0);
        List<CartLine> before = carts.lines(customer);
        if (before.stream().noneMatch(line -> line.productId().equals(product))) {
            throw new LineNotInCartException(product);
        }
        Map<ProductId, CatalogueProduct> products = catalogue.find(productIds(before, null));
        boolean changed = quantity == 0 ? carts.remove(customer, product) : carts.setQuantity(customer, product, quantity);
        if (!changed) {
            // removed concurrently since we looked
            throw new LineNotInCartException(product);
        }
        return price(carts.lines(customer), products);
    }

    /** Removes a line; removing a line that is not there is not an error. */
    public void remove(CustomerId customer, ProductId product) {
        carts.remove(customer, product);
    }

    public void clear(CustomerId customer) {
        carts.clear(customer);
    }

    private static Set<ProductId> productIds(List<CartLine> lines, ProductId extra) {
        Set<ProductId> ids = new LinkedHashSet<>();
        lines.forEach(line -> ids.add(line.productId()));
        if (extra != null) {
            ids.add(extra);
        }
        return ids;
    }

    private static PricedCart price(List<CartLine> lines, Map<ProductId, CatalogueProduct> products) {
        return PricedCart.of(lines.stream()
                .filter(line -> products.containsKey(line.productId()))
                .map(line -> {
                    CatalogueProduct product = products.get(line.productId());
                    return new PricedCart.Line(product.id(), product.sku(), product.name(), line.quantity(),
                            product.price());
                })
                .toList());
    }

    private static void requireQuantity(int quantity, int min) {
        if (quantity < min || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity must be between " + min + " and " + MAX_QUANTITY);
        }
    }
}
