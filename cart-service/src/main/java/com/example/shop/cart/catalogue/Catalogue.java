package com.example.shop.cart.catalogue;

import java.util.Collection;
import java.util.Map;

/** The product catalogue (catalog-service), as the cart sees it. */
public interface Catalogue {

    /**
     * Looks products up by id.
     *
     * @return the products that exist; unknown ids are absent from the map
     * @throws CatalogueUnavailableException when the catalogue cannot answer in time
     */
    Map<ProductId, CatalogueProduct> find(Collection<ProductId> ids);
}
