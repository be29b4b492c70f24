package com.example.shop.catalog.product;

import java.util.List;

/** One page of products and where it sits in the whole result. */
public record ProductPage(List<Product> content, int number, int size, long totalElements) {

    public int totalPages() {
        return (int) ((totalElements + size - 1) / size);
    }
}
