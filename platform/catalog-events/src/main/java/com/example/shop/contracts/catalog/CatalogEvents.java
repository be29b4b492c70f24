package com.example.shop.contracts.catalog;

/**
 * The published contract of catalog-service: one topic keyed by product id, and the stable wire type of each
 * event on it. Consumers switch on the type and ignore types they do not know.
 *
 * <p>It lives in catalog-service for now, in the package a {@code platform/catalog-events} module would have,
 * so moving it there changes no import.
 */
public final class CatalogEvents {

    /** Topic of all catalogue events; the Kafka key is the product id. */
    public static final String TOPIC = "catalog-events";

    public static final String PRICE_CHANGED = "product.price_changed.v1";
    public static final String PRODUCT_ARCHIVED = "product.archived.v1";

    private CatalogEvents() {
    }
}
