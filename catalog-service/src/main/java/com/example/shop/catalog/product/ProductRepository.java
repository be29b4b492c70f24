package com.example.shop.catalog.product;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Products, their variants and the variants' stock in PostgreSQL. */
@Repository
public class ProductRepository {

    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> IMAGES = new TypeReference<>() {
    };

    private static final String PRODUCT_COLUMNS = """
            p.id, p.name, p.description, p.brand, p.images, p.status, p.created_at,
            c.id as category_id, c.parent_id as category_parent_id, c.slug as category_slug,
            c.name as category_name, c.path as category_path
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ProductRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Product> find(ProductId id) {
        return findAll(List.of(id)).stream().findFirst();
    }

    /** The product that owns the variant, whatever its status. */
    public Optional<Product> findByVariant(VariantId id) {
        return jdbc.sql("select product_id from variant where id = :id").param("id", id.value())
                .query(UUID.class).optional()
                .flatMap(productId -> find(new ProductId(productId)));
    }

    /** The products among {@code ids} in the order of {@code ids}; unknown ids are left out. */
    public List<Product> findAll(Collection<ProductId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<UUID> uuids = ids.stream().map(ProductId::value).distinct().toList();
        Map<UUID, List<Variant>> variants = new LinkedHashMap<>();
        jdbc.sql("""
                select id, product_id, sku, attributes, list_price, currency, sale_price, sale_from, sale_to, available,
                       weight_grams
                from variant where product_id in (:ids) order by product_id, position, sku
                """)
                .param("ids", uuids)
                .query(rs -> {
                    variants.computeIfAbsent(rs.getObject("product_id", UUID.class), k -> new ArrayList<>())
                            .add(mapVariant(rs));
                });
        Map<UUID, Product> products = new LinkedHashMap<>();
        jdbc.sql("select " + PRODUCT_COLUMNS + " from product p join category c on c.id = p.category_id where p.id in (:ids)")
                .param("ids", uuids)
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    products.put(id, mapProduct(rs, variants.getOrDefault(id, List.of())));
                });
        return uuids.stream().map(products::get).filter(p -> p != null).toList();
    }

    /** The ACTIVE products that own any of the variants {@code ids}. */
    public List<Product> findActiveOwners(Collection<VariantId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<ProductId> owners = jdbc.sql("""
                select distinct v.product_id from variant v join product p on p.id = v.product_id
                where v.id in (:ids) and p.status = 'ACTIVE'
                """)
                .param("ids", ids.stream().map(VariantId::value).distinct().toList())
                .query((rs, row) -> new ProductId(rs.getObject(1, UUID.class)))
                .list();
        return findAll(owners);
    }

    /** The variants among {@code ids}, whatever their product's status; unknown ids are left out. */
    public List<VariantShipping> shippingDetails(Collection<VariantId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, product_id, sku, weight_grams from variant where id in (:ids) order by sku, id")
                .param("ids", ids.stream().map(VariantId::value).distinct().toList())
                .query((rs, row) -> new VariantShipping(new VariantId(rs.getObject("id", UUID.class)),
                        new ProductId(rs.getObject("product_id", UUID.class)), rs.getString("sku"),
                        rs.getInt("weight_grams")))
                .list();
    }

    public void insertProduct(ProductId id, NewProduct product, CategoryId category, Instant now) {
        jdbc.sql("""
                insert into product (id, name, description, brand, category_id, images, status, created_at, updated_at)
                values (:id, :name, :description, :brand, :category, cast(:images as jsonb), :status, :now, :now)
                """)
                .param("id", id.value())
                .param("name", product.name())
                .param("description", product.description())
                .param("brand", product.brand())
                .param("category", category.value())
                .param("images", json.writeValueAsString(product.images()))
                .param("status", product.status().name())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Inserts the variant after the product's others; {@code false} when its sku is taken (nothing written). */
    public boolean insertVariant(ProductId product, Variant variant, Instant now) {
        Pricing pricing = variant.pricing();
        return jdbc.sql("""
                insert into variant (id, product_id, sku, attributes, position, list_price, currency, sale_price,
                                     sale_from, sale_to, available, weight_grams, created_at, updated_at)
                values (:id, :product, :sku, cast(:attributes as jsonb),
                        (select coalesce(max(position) + 1, 0) from variant where product_id = :product),
                        :listPrice, :currency, :salePrice, :saleFrom, :saleTo, :available, :weightGrams, :now, :now)
                on conflict (sku) do nothing
                """)
                .param("id", variant.id().value())
                .param("product", product.value())
                .param("sku", variant.sku())
                .param("attributes", json.writeValueAsString(variant.attributes()))
                .param("listPrice", pricing.listPrice().amount())
                .param("currency", pricing.listPrice().currency())
                .param("salePrice", pricing.salePrice() == null ? null : pricing.salePrice().amount())
                .param("saleFrom", timestamp(pricing.saleFrom()))
                .param("saleTo", timestamp(pricing.saleTo()))
                .param("available", variant.available())
                .param("weightGrams", variant.weightGrams())
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    public void updateProduct(ProductId id, ProductChanges changes) {
        jdbc.sql("""
                update product set name = :name, description = :description, brand = :brand, category_id = :category,
                       images = cast(:images as jsonb), updated_at = now()
                where id = :id
                """)
                .param("name", changes.name())
                .param("description", changes.description())
                .param("brand", changes.brand())
                .param("category", changes.categoryId().value())
                .param("images", json.writeValueAsString(changes.images()))
                .param("id", id.value())
                .update();
    }

    /** Moves the status only if it still is {@code from}; {@code false} when another change came first. */
    public boolean transition(ProductId id, ProductStatus from, ProductStatus to) {
        return jdbc.sql("update product set status = :to, updated_at = now() where id = :id and status = :from")
                .param("to", to.name())
                .param("from", from.name())
                .param("id", id.value())
                .update() == 1;
    }

    /** Changes sku, attributes and weight; {@code false} when the sku belongs to another variant (nothing written). */
    public boolean updateVariant(VariantId id, String sku, Map<String, String> attributes, int weightGrams) {
        boolean skuTaken = jdbc.sql("select exists (select 1 from variant where sku = :sku and id <> :id)")
                .param("sku", sku).param("id", id.value()).query(Boolean.class).single();
        if (skuTaken) {
            return false;
        }
        jdbc.sql("""
                update variant set sku = :sku, attributes = cast(:attributes as jsonb), weight_grams = :weightGrams,
                       updated_at = now()
                where id = :id
                """)
                .param("sku", sku)
                .param("attributes", json.writeValueAsString(attributes))
                .param("weightGrams", weightGrams)
                .param("id", id.value())
                .update();
        return true;
    }

    public void updatePricing(VariantId id, Pricing pricing) {
        jdbc.sql("""
                update variant set list_price = :listPrice, currency = :currency, sale_price = :salePrice,
                       sale_from = :saleFrom, sale_to = :saleTo, updated_at = now()
                where id = :id
                """)
                .param("listPrice", pricing.listPrice().amount())
                .param("currency", pricing.listPrice().currency())
                .param("salePrice", pricing.salePrice() == null ? null : pricing.salePrice().amount())
                .param("saleFrom", timestamp(pricing.saleFrom()))
                .param("saleTo", timestamp(pricing.saleTo()))
                .param("id", id.value())
                .update();
    }

    /** Recomputes the product's full-text document and filter terms from its fields, category and variants. */
    public void refreshSearch(ProductId id) {
        jdbc.sql("""
                update product set search = product_search_document(id), filter_terms = product_filter_terms(id)
                where id = :id
                """).param("id", id.value()).update();
    }

    /**
     * Locks a variant's stock row for the rest of the transaction and reads its figures, so an adjustment
     * computes its ledger delta from figures no reservation can change underneath it.
     */
    public Optional<StockLevel> lockStock(VariantId id) {
        return jdbc.sql("select id, sku, on_hand, reserved, available from variant where id = :id for update")
                .param("id", id.value())
                .query((rs, row) -> stockLevel(rs))
                .optional();
    }

    public Optional<StockLevel> stock(VariantId id) {
        return jdbc.sql("select id, sku, on_hand, reserved, available from variant where id = :id")
                .param("id", id.value())
                .query((rs, row) -> stockLevel(rs))
                .optional();
    }

    /**
     * Sets what can be sold now to {@code available}, keeping the reserved units, and records the change of
     * on hand as ADJUSTED. Call with the row locked by {@link #lockStock}.
     */
    public void adjustAvailable(StockLevel locked, int available) {
        int delta = available - locked.available();
        if (delta == 0) {
            return;
        }
        jdbc.sql("""
                with changed as (
                    update variant set available = :available, updated_at = now() where id = :id returning id
                )
                insert into stock_movement (variant_id, delta_on_hand, delta_reserved, reason)
                select id, :delta, 0, 'ADJUSTED' from changed
                """)
                .param("available", available)
                .param("delta", delta)
                .param("id", locked.variantId().value())
                .update();
    }

    /** The variant's most recent stock movements, newest first. */
    public List<StockMovement> movements(VariantId id, int limit) {
        return jdbc.sql("""
                select id, delta_on_hand, delta_reserved, reason, order_id, return_id, at from stock_movement
                where variant_id = :id order by id desc limit :limit
                """)
                .param("id", id.value())
                .param("limit", limit)
                .query((rs, row) -> new StockMovement(rs.getLong("id"), rs.getInt("delta_on_hand"),
                        rs.getInt("delta_reserved"), StockMovement.Reason.valueOf(rs.getString("reason")),
                        rs.getObject("order_id", UUID.class), rs.getObject("return_id", UUID.class),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    /**
     * Reserves {@code quantity} units of a variant for an order if, and only if, that many are available and
     * its product is ACTIVE: available goes down and reserved up by the same amount, and the ledger row is
     * written by the same statement. The condition and the change are one statement, so concurrent
     * reservations can never take more than there is.
     *
     * @param id the sellable id (a variant id; what the reservation contract calls a product id)
     * @return {@code true} when the stock was reserved
     */
    public boolean reserve(ProductId id, int quantity, UUID orderId) {
        return reserve(id, quantity, orderId, """
                and exists (select 1 from product p where p.id = variant.product_id and p.status = 'ACTIVE')""");
    }

    /**
     * Reserves units for an order that was already paid for, whatever its product's status now (a product
     * archived since checkout still ships): the same conditional update as {@link #reserve}, without the
     * ACTIVE condition.
     *
     * @return {@code true} when the stock was reserved
     */
    public boolean reserveForConfirmedOrder(ProductId id, int quantity, UUID orderId) {
        return reserve(id, quantity, orderId, "");
    }

    private boolean reserve(ProductId id, int quantity, UUID orderId, String productCondition) {
        return jdbc.sql("""
                with changed as (
                    update variant set available = available - :quantity, reserved = reserved + :quantity,
                                       updated_at = now()
                    where id = :id and available >= :quantity
                    %s
                    returning id
                )
                insert into stock_movement (variant_id, delta_on_hand, delta_reserved, reason, order_id)
                select id, 0, :quantity, 'RESERVED', :orderId from changed
                """.formatted(productCondition))
                .param("quantity", quantity)
                .param("id", id.value())
                .param("orderId", orderId)
                .update() == 1;
    }

    /**
     * Gives reserved units back to what can be sold (also to a product archived in the meantime), as RELEASED
     * or EXPIRED. The reserved figure can never go below zero (CHECK), so a bug that gave back twice would fail
     * the transaction rather than invent stock.
     */
    public void unreserve(ProductId id, int quantity, StockMovement.Reason reason, UUID orderId) {
        jdbc.sql("""
                with changed as (
                    update variant set available = available + :quantity, reserved = reserved - :quantity,
                                       updated_at = now()
                    where id = :id returning id
                )
                insert into stock_movement (variant_id, delta_on_hand, delta_reserved, reason, order_id)
                select id, 0, -:quantity, :reason, :orderId from changed
                """)
                .param("quantity", quantity)
                .param("id", id.value())
                .param("reason", reason.name())
                .param("orderId", orderId)
                .update();
    }

    /** The order's reserved units leave stock for good: on hand and reserved both go down. */
    public void commitReserved(ProductId id, int quantity, UUID orderId) {
        jdbc.sql("""
                with changed as (
                    update variant set reserved = reserved - :quantity, updated_at = now()
                    where id = :id returning id
                )
                insert into stock_movement (variant_id, delta_on_hand, delta_reserved, reason, order_id)
                select id, -:quantity, -:quantity, 'COMMITTED', :orderId from changed
                """)
                .param("quantity", quantity)
                .param("id", id.value())
                .param("orderId", orderId)
                .update();
    }

    /**
     * Commits units straight from what can be sold, if that many are available (for a confirmation that
     * arrives after its reservation expired): on hand and available go down, reserved is untouched.
     *
     * @return {@code true} when the units were committed
     */
    public boolean commitAvailable(ProductId id, int quantity, UUID orderId) {
        return jdbc.sql("""
                with changed as (
                    update variant set available = available - :quantity, updated_at = now()
                    where id = :id and available >= :quantity
                    returning id
                )
                insert into stock_movement (variant_id, delta_on_hand, delta_reserved, reason, order_id)
                select id, -:quantity, 0, 'COMMITTED', :orderId from changed
                """)
                .param("quantity", quantity)
                .param("id", id.value())
                .param("orderId", orderId)
                .update() == 1;
    }

    /**
     * Returned units come back on hand and can be sold again (available and on hand go up), with a RETURNED
     * ledger row naming the order and the return.
     *
     * @return {@code false} when the variant is unknown (nothing written)
     */
    public boolean restock(ProductId id, int quantity, UUID orderId, UUID returnId) {
        return jdbc.sql("""
                with changed as (
                    update variant set available = available + :quantity, updated_at = now()
                    where id = :id returning id
                )
                insert into stock_movement (variant_id, delta_on_hand, delta_reserved, reason, order_id, return_id)
                select id, :quantity, 0, 'RETURNED', :orderId, :returnId from changed
                """)
                .param("quantity", quantity)
                .param("id", id.value())
                .param("orderId", orderId)
                .param("returnId", returnId)
                .update() == 1;
    }

    private static StockLevel stockLevel(ResultSet rs) throws SQLException {
        return new StockLevel(new VariantId(rs.getObject("id", UUID.class)), rs.getString("sku"), rs.getInt("on_hand"),
                rs.getInt("reserved"), rs.getInt("available"));
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private Variant mapVariant(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        BigDecimal sale = rs.getBigDecimal("sale_price");
        var pricing = new Pricing(new Money(rs.getBigDecimal("list_price"), currency),
                sale == null ? null : new Money(sale, currency), instant(rs, "sale_from"), instant(rs, "sale_to"));
        return new Variant(new VariantId(rs.getObject("id", UUID.class)), rs.getString("sku"),
                json.readValue(rs.getString("attributes"), ATTRIBUTES), pricing, rs.getInt("available"),
                rs.getInt("weight_grams"));
    }

    private Product mapProduct(ResultSet rs, List<Variant> variants) throws SQLException {
        UUID parent = rs.getObject("category_parent_id", UUID.class);
        var category = new Category(new CategoryId(rs.getObject("category_id", UUID.class)),
                parent == null ? null : new CategoryId(parent), rs.getString("category_slug"),
                rs.getString("category_name"), rs.getString("category_path"));
        return new Product(new ProductId(rs.getObject("id", UUID.class)), rs.getString("name"),
                rs.getString("description"), rs.getString("brand"), category,
                json.readValue(rs.getString("images"), IMAGES), ProductStatus.valueOf(rs.getString("status")),
                instant(rs, "created_at"), variants);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
