package com.example.shop.catalog.product.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.example.shop.catalog.product.NewProduct;

/** Body of {@code POST /api/products}. */
record CreateProductRequest(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]*", message = "letters, digits and dashes") String sku,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Size(max = 2000) String description,
        @NotBlank @Size(max = 60) String category,
        @NotNull @Valid PriceRequest price,
        @NotNull @Min(0) @Max(1_000_000) Integer available) {

    NewProduct toNewProduct() {
        return new NewProduct(sku.strip(), name.strip(), description.strip(), category.strip(), price.toMoney(),
                available);
    }
}
