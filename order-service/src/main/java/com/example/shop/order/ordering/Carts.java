package com.example.shop.order.ordering;

import java.util.List;

/** The caller's cart in cart-service, read with the caller's own credentials. */
public interface Carts {

    /**
     * @param authorization the caller's {@code Authorization} header value, passed on unchanged
     * @return the cart's lines, empty for an empty cart
     * @throws DependencyUnavailableException when cart-service cannot answer now
     */
    List<OrderLine> linesOf(String authorization);
}
