package com.example.shop.catalog.product;

/**
 * A node of the category tree.
 *
 * @param parentId {@code null} for a root
 * @param slug unique, lower case letters, digits and dashes; what {@code ?category=} names
 * @param path the slugs from the root down, joined by {@code /}; a subtree is every path that starts with it
 */
public record Category(CategoryId id, CategoryId parentId, String slug, String name, String path) {
}
