package com.example.shop.cart.shopping;

import java.util.List;

import com.example.shop.cart.catalogue.Money;
import com.example.shop.cart.catalogue.ProductId;

/**
 * A cart revalidated against the catalogue: {@code lines} are the lines the catalogue sells now, at its current
 * prices, and make the total; {@code unavailable} are lines it no longer sells, kept apart so that nothing that
 * reads only {@code lines} (order-service) can order them.
 */
public record PricedCart(List<Line> lines, List<UnavailableLine> unavailable, Money total) {

    public static PricedCart empty() {
        return new PricedCart(List.of(), List.of(), Money.zero(Money.EUR));
    }

    static PricedCart of(List<Line> lines) {
        return of(lines, List.of());
    }

    static PricedCart of(List<Line> lines, List<UnavailableLine> unavailable) {
        Money total = lines.stream().map(Line::lineTotal).reduce(Money.zero(Money.EUR), Money::plus);
        return new PricedCart(List.copyOf(lines), List.copyOf(unavailable), total);
    }

    /** Whether anything in the cart changed since the customer last looked, or cannot be ordered as it is. */
    public boolean needsReview() {
        return !unavailable.isEmpty() || lines.stream().anyMatch(line -> line.priceChanged() || line.problem() != null);
    }

    /**
     * One line priced now.
     *
     * @param previousUnitPrice the price the customer last saw, when it differs from {@code unitPrice}; else
     *        {@code null}
     * @param problem {@link LineProblem#INSUFFICIENT_STOCK} when stock is below the quantity; else {@code null}
     */
    public record Line(ProductId productId, String sku, String name, int quantity, Money unitPrice,
            Money previousUnitPrice, LineProblem problem) {

        public Line(ProductId productId, String sku, String name, int quantity, Money unitPrice) {
            this(productId, sku, name, quantity, unitPrice, null, null);
        }

        public Money lineTotal() {
            return unitPrice.times(quantity);
        }

        public boolean priceChanged() {
            return previousUnitPrice != null;
        }
    }

    /** A line the catalogue no longer sells, as it was last seen ({@code sku}, {@code name} may be null). */
    public record UnavailableLine(ProductId productId, String sku, String name, int quantity) {

        public LineProblem problem() {
            return LineProblem.UNAVAILABLE;
        }
    }
}
