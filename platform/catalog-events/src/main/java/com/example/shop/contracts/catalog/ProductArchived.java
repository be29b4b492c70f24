package com.example.shop.contracts.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code product.archived.v1}: the product and all its variants can no longer be found or bought. */
public record ProductArchived(UUID productId, List<UUID> variantIds, Instant archivedAt) {
}
