package com.example.shop.order.ordering;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Shipping weights of sellable variants, from catalog-service. */
public interface Variants {

    /** Grams per variant id; unknown variants are left out. */
    Map<UUID, Integer> weightsInGrams(Collection<UUID> variantIds);
}
