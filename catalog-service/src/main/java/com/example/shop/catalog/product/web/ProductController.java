package com.example.shop.catalog.product.web;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.catalog.product.DuplicateSkuException;
import com.example.shop.catalog.product.ProductCatalog;
import com.example.shop.catalog.product.ProductId;
import com.example.shop.catalog.product.ProductNotFoundException;
import com.example.shop.catalog.product.ProductSearch;

/** The public catalogue: open reads, administrator writes (the rules are in the security configuration). */
@RestController
@RequestMapping("/api/products")
class ProductController {

    private final ProductCatalog catalog;

    ProductController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    PageResponse search(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageResponse.from(catalog.search(new ProductSearch(q, category, page, size)));
    }

    @GetMapping("/{id}")
    ProductResponse get(@PathVariable UUID id) {
        return ProductResponse.from(catalog.get(new ProductId(id)));
    }

    @PostMapping
    ResponseEntity<ProductResponse> create(@Valid @RequestBody CreateProductRequest request) {
        var product = catalog.add(request.toNewProduct());
        return ResponseEntity.created(URI.create("/api/products/" + product.id()))
                .body(ProductResponse.from(product));
    }

    @PutMapping("/{id}/stock")
    ProductResponse setStock(@PathVariable UUID id, @Valid @RequestBody StockRequest request) {
        return ProductResponse.from(catalog.setStock(new ProductId(id), request.available()));
    }

    @ExceptionHandler
    ProblemDetail notFound(ProductNotFoundException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail duplicateSku(DuplicateSkuException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
    }
}
