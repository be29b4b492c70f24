package com.example.shop.catalog.product;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The category tree in PostgreSQL; each row keeps its materialised path of slugs. */
@Repository
public class CategoryRepository {

    private static final String COLUMNS = "id, parent_id, slug, name, path";

    private final JdbcClient jdbc;

    CategoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Category> all() {
        return jdbc.sql("select " + COLUMNS + " from category order by path").query(CategoryRepository::map).list();
    }

    public Optional<Category> find(CategoryId id) {
        return jdbc.sql("select " + COLUMNS + " from category where id = :id").param("id", id.value())
                .query(CategoryRepository::map).optional();
    }

    public Optional<Category> findBySlug(String slug) {
        return jdbc.sql("select " + COLUMNS + " from category where slug = lower(:slug)").param("slug", slug)
                .query(CategoryRepository::map).optional();
    }

    /** Inserts the category; {@code false} when its slug is taken (nothing is written then). */
    public boolean insert(Category category) {
        return jdbc.sql("""
                insert into category (id, parent_id, slug, name, path) values (:id, :parent, :slug, :name, :path)
                on conflict (slug) do nothing
                """)
                .param("id", category.id().value())
                .param("parent", category.parentId() == null ? null : category.parentId().value())
                .param("slug", category.slug())
                .param("name", category.name())
                .param("path", category.path())
                .update() == 1;
    }

    /**
     * Renames and moves a category; the paths of its whole subtree are rewritten in the same statement, so
     * products (which point at categories by id) follow without being touched.
     */
    public void update(Category before, Category after) {
        jdbc.sql("update category set name = :name, parent_id = :parent where id = :id")
                .param("name", after.name())
                .param("parent", after.parentId() == null ? null : after.parentId().value())
                .param("id", after.id().value())
                .update();
        if (!before.path().equals(after.path())) {
            jdbc.sql("""
                    update category set path = :newPath || substr(path, length(:oldPath) + 1)
                    where path = :oldPath or path like :oldPrefix
                    """)
                    .param("newPath", after.path())
                    .param("oldPath", before.path())
                    .param("oldPrefix", ProductRepository.escapeLike(before.path()) + "/%")
                    .update();
            // The products of the moved subtree have new ancestors, hence new category terms.
            jdbc.sql("""
                    update product set filter_terms = product_filter_terms(id)
                    where category_id in (select id from category where path = :path or path like :prefix)
                    """)
                    .param("path", after.path())
                    .param("prefix", ProductRepository.escapeLike(after.path()) + "/%")
                    .update();
        }
    }

    static Category map(ResultSet rs, int row) throws SQLException {
        UUID parent = rs.getObject("parent_id", UUID.class);
        return new Category(new CategoryId(rs.getObject("id", UUID.class)), parent == null ? null : new CategoryId(parent),
                rs.getString("slug"), rs.getString("name"), rs.getString("path"));
    }
}
