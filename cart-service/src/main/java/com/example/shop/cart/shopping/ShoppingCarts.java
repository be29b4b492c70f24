package com.example.shop.cart.shopping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.shop.cart.catalogue.Catalogue;
import com.example.shop.cart.catalogue.CatalogueProduct;
import com.example.shop.cart.catalogue.ProductId;
import com.example.shop.cart.shopping.CartProblems.CartNotFoundException;
import com.example.shop.cart.shopping.CartProblems.LineLimitExceededException;
import com.example.shop.cart.shopping.CartProblems.LineNotInCartException;
import com.example.shop.cart.shopping.CartProblems.ProductNotInCatalogueException;
import com.example.shop.cart.shopping.CartProblems.QuantityLimitExceededException;

/**
 * The carts (C05 Cart): one per customer, and one per guest, known by an opaque cart token. A cart stores
 * variants (by id and SKU) and quantities; every time it is shown it is revalidated against the catalogue:
 * current prices, lines whose price changed since the customer last saw it flagged, lines the catalogue no
 * longer sells set apart and left out of the total, lines with less stock than their quantity flagged.
 *
 * <p>Every change asks the catalogue first and writes afterwards, in one transaction holding the cart's row
 * lock, so a catalogue outage changes nothing and limits hold under concurrent requests.
 */
@Service
@EnableConfigurationProperties(CartProperties.class)
public class ShoppingCarts {

    /** Most units of one variant a cart line holds. */
    public static final int MAX_QUANTITY = 99;

    private final CartRepository carts;
    private final Catalogue catalogue;
    private final TransactionTemplate transaction;
    private final int maxLines;

    ShoppingCarts(CartRepository carts, Catalogue catalogue, TransactionTemplate transaction,
            CartProperties properties) {
        this.carts = carts;
        this.catalogue = catalogue;
        this.transaction = transaction;
        this.maxLines = properties.maxLines();
    }

    /** The shopper's cart, revalidated; a customer without a cart has an empty one. */
    public PricedCart view(Shopper shopper) {
        Optional<CartId> cart = existing(shopper);
        if (cart.isEmpty()) {
            return PricedCart.empty();
        }
        List<CartLine> lines = carts.lines(cart.get());
        if (lines.isEmpty()) {
            return PricedCart.empty();
        }
        return price(lines, catalogue.find(productIds(lines, null)));
    }

    /** Creates an empty guest cart for the new guest's token. */
    public void create(Shopper.NewGuest guest) {
        transaction.executeWithoutResult(status -> carts.createForGuest(guest.token()));
    }

    /**
     * Adds units of a catalogue variant; adding to an existing line sums the quantities, and a sum above
     * {@value #MAX_QUANTITY} is refused with nothing changed, as is a new line beyond the most lines per cart.
     * A {@link Shopper.NewGuest}'s cart is created here, in the same transaction.
     */
    public PricedCart add(Shopper shopper, ProductId product, int quantity) {
        requireQuantity(quantity, 1);
        Optional<CartId> existing = existing(shopper);
        List<CartLine> before = existing.map(carts::lines).orElse(List.of());
        Map<ProductId, CatalogueProduct> products = catalogue.find(productIds(before, product));
        CatalogueProduct found = products.get(product);
        if (found == null) {
            throw new ProductNotInCatalogueException(product);
        }
        List<CartLine> after = transaction.execute(status -> {
            CartId cart = lockOrCreate(shopper, existing);
            if (!carts.hasLine(cart, product) && carts.lineCount(cart) >= maxLines) {
                throw new LineLimitExceededException(maxLines);
            }
            if (!carts.add(cart, product, found.sku(), found.name(), found.price(), quantity, MAX_QUANTITY)) {
                throw new QuantityLimitExceededException(product);
            }
            carts.touch(cart);
            return carts.lines(cart);
        });
        return price(after, products);
    }

    /**
     * Sets the quantity of a line already in the cart; 0 removes it. Like {@link #add}, it prices the cart
     * before changing it, so a catalogue outage changes nothing. The line's price counts as seen again.
     */
    public PricedCart setQuantity(Shopper shopper, ProductId product, int quantity) {
        requireQuantity(quantity, 0);
        CartId cart = existing(shopper).orElseThrow(() -> new LineNotInCartException(product));
        List<CartLine> before = carts.lines(cart);
        Optional<CartLine> line = before.stream().filter(l -> l.productId().equals(product)).findFirst();
        if (line.isEmpty()) {
            throw new LineNotInCartException(product);
        }
        Map<ProductId, CatalogueProduct> products = catalogue.find(productIds(before, null));
        CatalogueProduct now = products.get(product);
        List<CartLine> after = transaction.execute(status -> {
            carts.lock(cart);
            boolean changed = quantity == 0 ? carts.remove(cart, product)
                    : now == null ? carts.setQuantity(cart, product, quantity, line.get().sku(), line.get().name(), line.get().seenPrice())
                    : carts.setQuantity(cart, product, quantity, now.sku(), now.name(), now.price());
            if (!changed) {
                // removed concurrently since we looked
                throw new LineNotInCartException(product);
            }
            carts.touch(cart);
            return carts.lines(cart);
        });
        return price(after, products);
    }

    /** Removes a line; removing a line that is not there is not an error. */
    public void remove(Shopper shopper, ProductId product) {
        existing(shopper).ifPresent(cart -> transaction.executeWithoutResult(status -> {
            if (carts.remove(cart, product)) {
                carts.touch(cart);
            }
        }));
    }

    /** Empties the shopper's cart; the cart itself (and a guest's token) stays. */
    public void clear(Shopper shopper) {
        existing(shopper).ifPresent(cart -> transaction.executeWithoutResult(status -> {
            carts.clear(cart);
            carts.touch(cart);
        }));
    }

    /** Empties a customer's cart (their order was confirmed). */
    public void clear(CustomerId customer) {
        carts.findByCustomer(customer).ifPresent(carts::clear);
    }

    /**
     * Merges the guest cart of {@code token} into the customer's cart and deletes the guest cart, in one
     * transaction: quantities of the same variant are summed and capped at {@value #MAX_QUANTITY}, and guest
     * lines that would take the cart beyond its most lines are dropped (the guest's oldest lines are kept).
     * Idempotent: once merged, the token names no cart, so merging it again changes nothing; a token that names
     * no cart (expired, never issued) is no error either.
     *
     * @return whether a guest cart was merged
     */
    public boolean merge(CustomerId customer, CartToken token) {
        Boolean merged = transaction.execute(status -> {
            // The guest cart is locked first: of two concurrent merges of one token, the second finds it gone.
            Optional<CartId> guest = carts.lockByToken(token);
            if (guest.isEmpty()) {
                return false;
            }
            List<CartLine> guestLines = carts.lines(guest.get());
            if (!guestLines.isEmpty()) {
                CartId target = carts.lockOrCreateForCustomer(customer);
                int lines = carts.lineCount(target);
                for (CartLine line : guestLines) {
                    boolean present = carts.hasLine(target, line.productId());
                    if (!present && lines >= maxLines) {
                        continue;
                    }
                    carts.merge(target, line, MAX_QUANTITY);
                    lines += present ? 0 : 1;
                }
                carts.touch(target);
            }
            carts.delete(guest.get());
            return true;
        });
        return Boolean.TRUE.equals(merged);
    }

    private Optional<CartId> existing(Shopper shopper) {
        return switch (shopper) {
            case Shopper.Customer customer -> carts.findByCustomer(customer.id());
            case Shopper.Guest guest -> Optional.of(carts.findByToken(guest.token()).orElseThrow(CartNotFoundException::new));
            case Shopper.NewGuest ignored -> Optional.empty();
        };
    }

    private CartId lockOrCreate(Shopper shopper, Optional<CartId> existing) {
        return switch (shopper) {
            case Shopper.Customer customer -> carts.lockOrCreateForCustomer(customer.id());
            case Shopper.Guest guest -> {
                // expired or merged between looking it up and now
                if (existing.isEmpty() || !carts.lock(existing.get())) {
                    throw new CartNotFoundException();
                }
                yield existing.get();
            }
            case Shopper.NewGuest guest -> carts.createForGuest(guest.token());
        };
    }

    private static Set<ProductId> productIds(List<CartLine> lines, ProductId extra) {
        Set<ProductId> ids = new LinkedHashSet<>();
        lines.forEach(line -> ids.add(line.productId()));
        if (extra != null) {
            ids.add(extra);
        }
        return ids;
    }

    /** Revalidates stored lines against what the catalogue says now. */
    static PricedCart price(List<CartLine> lines, Map<ProductId, CatalogueProduct> products) {
        List<PricedCart.Line> sellable = new ArrayList<>();
        List<PricedCart.UnavailableLine> unavailable = new ArrayList<>();
        for (CartLine line : lines) {
            CatalogueProduct product = products.get(line.productId());
            if (product == null) {
                unavailable.add(new PricedCart.UnavailableLine(line.productId(), line.sku(), line.name(), line.quantity()));
                continue;
            }
            var previous = line.seenPrice() != null && !line.seenPrice().equals(product.price()) ? line.seenPrice() : null;
            var problem = product.available() < line.quantity() ? LineProblem.INSUFFICIENT_STOCK : null;
            sellable.add(new PricedCart.Line(product.id(), product.sku(), product.name(), line.quantity(),
                    product.price(), previous, problem));
        }
        return PricedCart.of(sellable, unavailable);
    }

    private static void requireQuantity(int quantity, int min) {
        if (quantity < min || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity must be between " + min + " and " + MAX_QUANTITY);
        }
    }
}
