package com.example.shop.catalog.product.web;

import java.util.List;

import com.example.shop.catalog.product.ProductPage;

/** A page of products and its position in the whole result. */
record PageResponse(List<ProductResponse> content, PageMetadata page) {

    static PageResponse from(ProductPage page) {
        return new PageResponse(page.content().stream().map(ProductResponse::from).toList(),
                new PageMetadata(page.size(), page.number(), page.totalElements(), page.totalPages()));
    }

    record PageMetadata(int size, int number, long totalElements, int totalPages) {
    }
}
