package com.example.shop.catalog.product;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Products and their stock in PostgreSQL. */
@Repository
public class ProductRepository {

    private static final String COLUMNS = "id, sku, name, description, category, price_amount, price_currency, available";

    private final JdbcClient jdbc;

    ProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Product> find(ProductId id) {
        return jdbc.sql("select " + COLUMNS + " from product where id = :id")
                .param("id", id.value())
                .query(ProductRepository::map)
                .optional();
    }

    public List<Product> findAll(Collection<ProductId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from product where id in (:ids) order by name, id")
                .param("ids", ids.stream().map(ProductId::value).distinct().toList())
                .query(ProductRepository::map)
                .list();
    }

    public ProductPage search(ProductSearch search) {
        var where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (search.text() != null) {
            where.append(" and (name ilike :pattern or description ilike :pattern or sku ilike :pattern)");
            params.put("pattern", "%" + escapeLike(search.text()) + "%");
        }
        if (search.category() != null) {
            where.append(" and lower(category) = lower(:category)");
            params.put("category", search.category());
        }
        long total = jdbc.sql("select count(*) from product" + where).params(params).query(Long.class).single();
        params.put("limit", search.size());
        params.put("offset", search.offset());
        List<Product> content = jdbc
                .sql("select " + COLUMNS + " from product" + where + " order by name, id limit :limit offset :offset")
                .params(params)
                .query(ProductRepository::map)
                .list();
        return new ProductPage(content, search.page(), search.size(), total);
    }

    /** Inserts the product; {@code false} when its sku is taken (nothing is written then). */
    public boolean insert(Product product) {
        return jdbc.sql("""
                insert into product (id, sku, name, description, category, price_amount, price_currency, available)
                values (:id, :sku, :name, :description, :category, :amount, :currency, :available)
                on conflict (sku) do nothing
                """)
                .param("id", product.id().value())
                .param("sku", product.sku())
                .param("name", product.name())
                .param("description", product.description())
                .param("category", product.category())
                .param("amount", product.price().amount())
                .param("currency", product.price().currency())
                .param("available", product.available())
                .update() == 1;
    }

    /** Sets the stock; {@code false} when there is no such product. */
    public boolean setAvailable(ProductId id, int available) {
        return jdbc.sql("update product set available = :available, updated_at = now() where id = :id")
                .param("available", available)
                .param("id", id.value())
                .update() == 1;
    }

    /**
     * Takes {@code quantity} units if, and only if, that many are available; the condition and the decrement
     * are one statement, so concurrent reservations can never take more than there is.
     *
     * @return {@code true} when the stock was taken
     */
    public boolean take(ProductId id, int quantity) {
        return jdbc.sql("""
                update product set available = available - :quantity, updated_at = now()
                where id = :id and available >= :quantity
                """)
                .param("quantity", quantity)
                .param("id", id.value())
                .update() == 1;
    }

    /** Puts {@code quantity} units back. */
    public void giveBack(ProductId id, int quantity) {
        jdbc.sql("update product set available = available + :quantity, updated_at = now() where id = :id")
                .param("quantity", quantity)
                .param("id", id.value())
                .update();
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Product map(ResultSet rs, int row) throws SQLException {
        return new Product(new ProductId(rs.getObject("id", UUID.class)), rs.getString("sku"), rs.getString("name"),
                rs.getString("description"), rs.getString("category"),
                new Money(rs.getBigDecimal("price_amount"), rs.getString("price_currency")), rs.getInt("available"));
    }
}
