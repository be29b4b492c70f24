package com.example.shop.catalog.product.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

import com.example.shop.catalog.product.Money;
import com.example.shop.catalog.product.Product;
import com.example.shop.catalog.product.Variant;
import com.example.shop.catalog.product.VariantId;

/**
 * A product as the public and the internal API show it. The first seven fields are the first API version's
 * flat product and describe one sellable variant: the default one for a product, the asked-for one in the
 * internal lookup. The rest was added with variants and leaves the flat shape valid.
 *
 * @param id the sellable id: the product's id for its default variant, else the variant's id
 * @param price the effective price now (the sale price inside its window, else the list price)
 * @param productId the product the variant belongs to
 * @param weightGrams the shipping weight of one unit of the sellable variant
 * @param matchingVariantIds only in search results: the variants that passed the search's filters
 */
record ProductResponse(UUID id, String sku, String name, String description, String category, Price price,
        int available, UUID productId, UUID categoryId, String categoryPath, String brand, List<String> images,
        String status, Price listPrice, Price salePrice, Instant saleFrom, Instant saleTo,
        Map<String, String> attributes, List<VariantResponse> variants, Instant createdAt, int weightGrams,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<UUID> matchingVariantIds) {

    /** The product as its default variant shows it. */
    static ProductResponse from(Product product, Instant now) {
        return of(product, product.defaultVariant(), now, false, null);
    }

    /**
     * One variant of the product. With {@code labelled}, a product with several variants names the variant's
     * attribute values after the product name ("Organic tee (navy, M)"), so a cart line says what it is.
     */
    static ProductResponse of(Product product, Variant variant, Instant now, boolean labelled, List<VariantId> matching) {
        var pricing = variant.pricing();
        String name = product.name();
        if (labelled && product.variants().size() > 1 && !variant.attributes().isEmpty()) {
            name = name + " (" + variant.attributes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(Map.Entry::getValue).collect(Collectors.joining(", ")) + ")";
        }
        return new ProductResponse(variant.id().value(), variant.sku(), name, product.description(),
                product.category().slug(), Price.from(pricing.effective(now)), variant.available(),
                product.id().value(), product.category().id().value(), product.category().path(), product.brand(),
                product.images(), product.status().name(), Price.from(pricing.listPrice()),
                Price.from(pricing.salePrice()), pricing.saleFrom(), pricing.saleTo(), variant.attributes(),
                product.variants().stream().map(v -> VariantResponse.from(v, now)).toList(), product.createdAt(),
                variant.weightGrams(), matching == null ? null : matching.stream().map(VariantId::value).toList());
    }

    /** The amount is written as a string with exactly two decimals. */
    record Price(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

        static Price from(Money money) {
            return money == null ? null : new Price(money.amount(), money.currency());
        }
    }
}
