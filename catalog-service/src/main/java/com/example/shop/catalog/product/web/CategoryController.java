package com.example.shop.catalog.product.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import com.example.shop.catalog.product.Categories;
import com.example.shop.catalog.product.CategoryId;

/**
 * The category tree. It sits under {@code /api/products/} because the gateway routes that prefix to this
 * service; {@code categories} never collides with a product id, which is a UUID.
 */
@RestController
@RequestMapping("/api/products/categories")
class CategoryController {

    private final Categories categories;

    CategoryController(Categories categories) {
        this.categories = categories;
    }

    @Operation(summary = "The category tree: roots with their children")
    @GetMapping
    List<CategoryResponse> tree() {
        return CategoryResponse.tree(categories.all());
    }

    @GetMapping("/{id}")
    CategoryResponse get(@PathVariable UUID id) {
        return CategoryResponse.from(categories.get(new CategoryId(id)));
    }

    @Operation(summary = "Add a category under parentId, or a root (ADMIN); 409 when the slug is taken")
    @PostMapping
    ResponseEntity<CategoryResponse> create(@Valid @RequestBody CategoryRequest request) {
        var category = categories.create(request.slug(), request.name().strip(),
                request.parentId() == null ? null : new CategoryId(request.parentId()));
        return ResponseEntity.created(URI.create("/api/products/categories/" + category.id()))
                .body(CategoryResponse.from(category));
    }

    @Operation(summary = "Rename a category and move it with its subtree (ADMIN)")
    @PutMapping("/{id}")
    CategoryResponse update(@PathVariable UUID id, @Valid @RequestBody UpdateCategoryRequest request) {
        return CategoryResponse.from(categories.update(new CategoryId(id), request.name().strip(),
                request.parentId() == null ? null : new CategoryId(request.parentId())));
    }
}
