package com.example.shop.catalog.product;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.shop.contracts.catalog.CatalogEvents;
import com.example.shop.contracts.catalog.ProductArchived;
import com.example.shop.contracts.catalog.ProductPriceChanged;
import com.example.shop.platform.messaging.Outbox;

/**
 * Reads and maintains the catalogue (C06 PIM): products with their variants, statuses and prices.
 *
 * <p>Every change runs in one transaction: a refused change writes nothing, and the events it causes
 * ({@code product.price_changed.v1}, {@code product.archived.v1}) go through the outbox in the same
 * transaction, so they are published if and only if the change commits.
 */
@Service
public class ProductCatalog {

    private final ProductRepository products;
    private final Categories categories;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final Clock clock;

    ProductCatalog(ProductRepository products, Categories categories, Outbox outbox,
            PlatformTransactionManager txManager, ObjectProvider<Clock> clock) {
        this.products = products;
        this.categories = categories;
        this.outbox = outbox;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public Instant now() {
        return clock.instant();
    }

    /** A product by its id, whatever its status. */
    public Product get(ProductId id) {
        return products.find(id).orElseThrow(() -> new ProductNotFoundException(id));
    }

    /** A product by its own id or by the id of one of its variants, whatever its status. */
    public Product getByProductOrVariant(java.util.UUID id) {
        return products.find(new ProductId(id))
                .or(() -> products.findByVariant(new VariantId(id)))
                .orElseThrow(() -> new ProductNotFoundException(new ProductId(id)));
    }

    public List<Product> getAll(Collection<ProductId> ids) {
        return products.findAll(ids);
    }

    /**
     * The sellable items among {@code ids} (variant ids), each with its product; variants of products that
     * are not ACTIVE and unknown ids are left out, as nothing else may be put in a cart or reserved.
     */
    public List<Sellable> sellables(Collection<VariantId> ids) {
        var wanted = new LinkedHashSet<>(ids);
        List<Sellable> found = new ArrayList<>();
        for (Product product : products.findActiveOwners(wanted)) {
            product.variants().stream().filter(v -> wanted.contains(v.id()))
                    .forEach(v -> found.add(new Sellable(product, v)));
        }
        return found;
    }

    /** A variant with the product it belongs to. */
    public record Sellable(Product product, Variant variant) {
    }

    /**
     * The variants among {@code ids} with their product and shipping weight, whatever the product's status (an
     * archived product's paid orders still ship); unknown ids are left out.
     */
    public List<VariantShipping> shippingDetails(Collection<VariantId> ids) {
        return products.shippingDetails(ids);
    }

    /**
     * Adds a product with its default variant, which gets the product's id. The sku is unique: a taken sku
     * fails with {@link DuplicateSkuException} and writes nothing.
     */
    public Product add(NewProduct request) {
        var id = ProductId.random();
        return tx.execute(status -> {
            CategoryId category = request.categoryId() != null ? existingCategory(request.categoryId())
                    : categories.findOrCreateRoot(request.category()).id();
            Instant now = now();
            products.insertProduct(id, request, category, now);
            var variant = new Variant(new VariantId(id.value()), request.sku(), request.attributes(), request.pricing(),
                    request.available(), request.weightGrams());
            if (!products.insertVariant(id, variant, now)) {
                throw new DuplicateSkuException(request.sku());
            }
            products.refreshSearch(id);
            return get(id);
        });
    }

    /** Replaces a product's name, description, brand, category and images. */
    public Product update(ProductId id, ProductChanges changes) {
        return tx.execute(status -> {
            get(id);
            existingCategory(changes.categoryId());
            products.updateProduct(id, changes);
            products.refreshSearch(id);
            return get(id);
        });
    }

    /**
     * Moves a product DRAFT -> ACTIVE -> ARCHIVED (see {@link ProductStatus#canMoveTo}); asking for the status
     * it already has changes nothing. Archiving publishes {@code product.archived.v1}.
     */
    public Product changeStatus(ProductId id, ProductStatus next) {
        return tx.execute(status -> {
            Product product = get(id);
            if (product.status() == next) {
                return product;
            }
            if (!product.status().canMoveTo(next) || !products.transition(id, product.status(), next)) {
                throw new StatusTransitionException(id, product.status(), next);
            }
            if (next == ProductStatus.ARCHIVED) {
                outbox.publish(CatalogEvents.TOPIC, id.toString(), CatalogEvents.PRODUCT_ARCHIVED,
                        new ProductArchived(id.value(), product.variants().stream().map(v -> v.id().value()).toList(),
                                now()));
            }
            return get(id);
        });
    }

    /** Adds a variant to a product; a taken sku fails with {@link DuplicateSkuException} and writes nothing. */
    public Variant addVariant(ProductId id, NewVariant request) {
        return tx.execute(status -> {
            get(id);
            var variant = new Variant(VariantId.random(), request.sku(), request.attributes(), request.pricing(),
                    request.available(), request.weightGrams());
            if (!products.insertVariant(id, variant, now())) {
                throw new DuplicateSkuException(request.sku());
            }
            products.refreshSearch(id);
            return variant;
        });
    }

    /**
     * Changes a variant's sku, attributes and, when {@code weightGrams} is given, its shipping weight; a sku of
     * another variant fails with {@link DuplicateSkuException}, a weight outside 1..100,000 g with
     * {@link InvalidCatalogDataException}, and both write nothing.
     */
    public Variant updateVariant(ProductId id, VariantId variantId, String sku, Map<String, String> attributes,
            Integer weightGrams) {
        if (weightGrams != null) {
            Variant.checkWeight(weightGrams);
        }
        return tx.execute(status -> {
            Variant before = variantOf(id, variantId);
            int weight = weightGrams == null ? before.weightGrams() : weightGrams;
            if (!products.updateVariant(variantId, sku, attributes, weight)) {
                throw new DuplicateSkuException(sku);
            }
            products.refreshSearch(id);
            return variantOf(id, variantId);
        });
    }

    /**
     * Replaces a variant's prices (validated by {@link Pricing}) and publishes {@code product.price_changed.v1}
     * in the same transaction; setting the prices it already has publishes nothing.
     */
    public Variant changePrice(ProductId id, VariantId variantId, Pricing pricing) {
        return tx.execute(status -> {
            Variant before = variantOf(id, variantId);
            if (before.pricing().equals(pricing)) {
                return before;
            }
            products.updatePricing(variantId, pricing);
            Instant now = now();
            outbox.publish(CatalogEvents.TOPIC, id.toString(), CatalogEvents.PRICE_CHANGED,
                    new ProductPriceChanged(id.value(), variantId.value(), before.sku(), wire(pricing.listPrice()),
                            wire(pricing.salePrice()), pricing.saleFrom(), pricing.saleTo(),
                            wire(pricing.effective(now)), now));
            return variantOf(id, variantId);
        });
    }

    /** Sets the stock that can be sold of one variant, for example after a delivery or a stock count. */
    public Variant setStock(ProductId id, VariantId variantId, int available) {
        return tx.execute(status -> {
            variantOf(id, variantId);
            setStock(variantId, available);
            return variantOf(id, variantId);
        });
    }

    /**
     * Sets the stock of a sellable id (the first API version's {@code PUT /api/products/{id}/stock}, where the
     * id is a product id, i.e. its default variant, or any variant id). {@code available} is what can be sold
     * now: units held by reservations stay reserved, so on hand becomes {@code available + reserved}; the
     * change is written to the ledger as ADJUSTED.
     */
    public Product setStock(VariantId variantId, int available) {
        if (available < 0) {
            throw new InvalidCatalogDataException("available must not be negative");
        }
        return tx.execute(status -> {
            StockLevel locked = products.lockStock(variantId)
                    .orElseThrow(() -> new ProductNotFoundException(variantId.asProductId()));
            products.adjustAvailable(locked, available);
            return products.findByVariant(variantId).orElseThrow();
        });
    }

    /**
     * Sets the units on hand of a variant (after a delivery or a stock count); what can be sold becomes on
     * hand minus reserved. On hand below the reserved units fails with {@link StockBelowReservedException}
     * and changes nothing: those units are promised to orders.
     */
    public StockLevel setOnHand(VariantId variantId, int onHand) {
        if (onHand < 0) {
            throw new InvalidCatalogDataException("onHand must not be negative");
        }
        return tx.execute(status -> {
            StockLevel locked = products.lockStock(variantId).orElseThrow(() -> new VariantNotFoundException(variantId));
            if (onHand < locked.reserved()) {
                throw new StockBelowReservedException(variantId, onHand, locked.reserved());
            }
            products.adjustAvailable(locked, onHand - locked.reserved());
            return products.stock(variantId).orElseThrow();
        });
    }

    public StockLevel stock(VariantId variantId) {
        return products.stock(variantId).orElseThrow(() -> new VariantNotFoundException(variantId));
    }

    /** The variant's latest stock movements, newest first (at most {@code limit}). */
    public List<StockMovement> movements(VariantId variantId, int limit) {
        stock(variantId);
        return products.movements(variantId, limit);
    }

    /** A category named in a request body: an unknown one makes the request invalid (400), not "not found". */
    private CategoryId existingCategory(CategoryId id) {
        try {
            return categories.get(id).id();
        }
        catch (CategoryNotFoundException ex) {
            throw new InvalidCatalogDataException(ex.getMessage());
        }
    }

    private Variant variantOf(ProductId id, VariantId variantId) {
        return get(id).variant(variantId).orElseThrow(() -> new VariantNotFoundException(id, variantId));
    }

    private static com.example.shop.contracts.catalog.Money wire(Money money) {
        return money == null ? null : new com.example.shop.contracts.catalog.Money(money.amount(), money.currency());
    }
}
