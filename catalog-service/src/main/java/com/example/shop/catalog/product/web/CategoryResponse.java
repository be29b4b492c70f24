package com.example.shop.catalog.product.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.example.shop.catalog.product.Category;

/** A category with its children, as the tree endpoint shows it. */
record CategoryResponse(UUID id, UUID parentId, String slug, String name, String path, List<CategoryResponse> children) {

    static CategoryResponse from(Category category) {
        return new CategoryResponse(category.id().value(),
                category.parentId() == null ? null : category.parentId().value(), category.slug(), category.name(),
                category.path(), List.of());
    }

    /** The roots with their subtrees; {@code all} must list parents before children (ordered by path). */
    static List<CategoryResponse> tree(List<Category> all) {
        Map<UUID, List<CategoryResponse>> children = new LinkedHashMap<>();
        Map<UUID, CategoryResponse> nodes = new LinkedHashMap<>();
        for (Category category : all) {
            var node = new CategoryResponse(category.id().value(),
                    category.parentId() == null ? null : category.parentId().value(), category.slug(),
                    category.name(), category.path(), new ArrayList<>());
            nodes.put(node.id(), node);
            children.computeIfAbsent(node.parentId(), k -> new ArrayList<>()).add(node);
        }
        for (CategoryResponse node : nodes.values()) {
            node.children().addAll(children.getOrDefault(node.id(), List.of()));
        }
        return children.getOrDefault(null, List.of());
    }
}
