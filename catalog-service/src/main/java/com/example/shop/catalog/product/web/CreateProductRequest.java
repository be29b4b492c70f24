package com.example.shop.catalog.product.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.example.shop.catalog.product.CategoryId;
import com.example.shop.catalog.product.NewProduct;
import com.example.shop.catalog.product.Pricing;
import com.example.shop.catalog.product.ProductStatus;
import com.example.shop.catalog.product.Variant;

/**
 * Body of {@code POST /api/products}: a product with its first (default) variant. The first API version's
 * fields ({@code sku, name, description, category, price, available}) keep their meaning; {@code price} is
 * the list price. Either {@code category} (a slug, created as a root category when unknown) or
 * {@code categoryId} names the category. {@code weightGrams} is the shipping weight of one unit (default 500).
 */
record CreateProductRequest(
        @NotBlank @Size(max = 40) @Pattern(regexp = Validation.SKU, message = "letters, digits and dashes") String sku,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Size(max = 2000) String description,
        @Size(min = 1, max = 60) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String category,
        UUID categoryId,
        @Size(max = 100) String brand,
        @Size(max = 20) List<@NotBlank @Size(max = 500) String> images,
        ProductStatus status,
        @Size(max = 10) Map<@Pattern(regexp = Validation.ATTRIBUTE_NAME, message = "lower-case letters, digits, - or _") String,
                @NotBlank @Size(max = 100) String> attributes,
        @NotNull @Valid PriceRequest price,
        @NotNull @Min(0) @Max(1_000_000) Integer available,
        @Min(1) @Max(Variant.MAX_WEIGHT_GRAMS) Integer weightGrams) {

    NewProduct toNewProduct() {
        return new NewProduct(sku.strip(), name.strip(), description.strip(), category == null ? null : category.strip(),
                categoryId == null ? null : new CategoryId(categoryId), brand == null || brand.isBlank() ? null : brand.strip(),
                images, status, attributes, Pricing.listOnly(price.toMoney()), available, weightGrams);
    }
}
