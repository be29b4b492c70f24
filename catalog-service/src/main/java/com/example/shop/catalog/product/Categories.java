package com.example.shop.catalog.product;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The category tree: read it, add categories, rename and move them (with their subtree). */
@Service
public class Categories {

    private final CategoryRepository categories;
    private final TransactionTemplate tx;

    Categories(CategoryRepository categories, PlatformTransactionManager txManager) {
        this.categories = categories;
        this.tx = new TransactionTemplate(txManager);
    }

    /** Every category, parents before their children (ordered by path). */
    public List<Category> all() {
        return categories.all();
    }

    public Category get(CategoryId id) {
        return categories.find(id).orElseThrow(() -> new CategoryNotFoundException(id));
    }

    /** A category named by slug (case-insensitive) or by id; empty when there is none. */
    public java.util.Optional<Category> find(String slugOrId) {
        try {
            return categories.find(new CategoryId(java.util.UUID.fromString(slugOrId)));
        }
        catch (IllegalArgumentException notAnId) {
            return categories.findBySlug(slugOrId.toLowerCase(Locale.ROOT));
        }
    }

    /** Adds a category under {@code parentId} (a root when {@code null}); the slug is unique. */
    public Category create(String slug, String name, CategoryId parentId) {
        return tx.execute(status -> {
            Category parent = parentId == null ? null : parent(parentId);
            var category = new Category(CategoryId.random(), parentId, slug, name,
                    parent == null ? slug : parent.path() + "/" + slug);
            if (!categories.insert(category)) {
                throw new DuplicateCategoryException(slug);
            }
            return category;
        });
    }

    /**
     * Renames a category and moves it under {@code parentId}; its subtree moves with it. A category cannot
     * move into its own subtree.
     */
    public Category update(CategoryId id, String name, CategoryId parentId) {
        return tx.execute(status -> {
            Category before = get(id);
            Category parent = parentId == null ? null : parent(parentId);
            if (parent != null && (parent.path().equals(before.path()) || parent.path().startsWith(before.path() + "/"))) {
                throw new InvalidCatalogDataException("A category cannot move into its own subtree.");
            }
            var after = new Category(id, parentId, before.slug(), name,
                    parent == null ? before.slug() : parent.path() + "/" + before.slug());
            categories.update(before, after);
            return after;
        });
    }

    /**
     * The category with this slug, created as a root when it does not exist yet: the first API version took
     * any category text, and its callers keep working.
     */
    Category findOrCreateRoot(String text) {
        String slug = slugOf(text);
        return categories.findBySlug(slug).orElseGet(() -> {
            categories.insert(new Category(CategoryId.random(), null, slug, text.strip(), slug));
            return categories.findBySlug(slug).orElseThrow();
        });
    }

    private Category parent(CategoryId parentId) {
        return categories.find(parentId)
                .orElseThrow(() -> new InvalidCatalogDataException("No parent category with id " + parentId + "."));
    }

    static String slugOf(String text) {
        String slug = text.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty()) {
            throw new InvalidCatalogDataException("A category needs letters or digits.");
        }
        return slug;
    }
}
