package com.example.shop.catalog.search;

import java.sql.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.example.shop.catalog.product.Category;
import com.example.shop.catalog.product.CategoryId;
import com.example.shop.catalog.product.VariantId;
import com.example.shop.catalog.search.SearchResult.CategoryCount;
import com.example.shop.catalog.search.SearchResult.ValueCount;

/**
 * The search statement: full-text match, category subtree and attribute terms (one GIN index over
 * {@code product.search} and {@code product.filter_terms}), variant filters,
 * one page of hits, the total and the facet counts, all from one statement so they describe the same rows.
 *
 * <p>The filtered products and their matching variants are computed once as MATERIALIZED CTEs; the page, the
 * total and each facet are aggregates over them.
 */
@Repository
class SearchRepository {

    /** The price a customer pays now: the sale price inside its window, else the list price. */
    static final String EFFECTIVE_PRICE = """
            case when v.sale_price is not null and (v.sale_from is null or v.sale_from <= now())
                      and (v.sale_to is null or v.sale_to > now()) then v.sale_price else v.list_price end""";

    private final JdbcClient jdbc;

    SearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Ids of one page of hits, in order, with the facets. */
    record Page(List<HitIds> hits, long total, List<CategoryCount> categories, Map<String, List<ValueCount>> attributes) {
    }

    record HitIds(UUID productId, List<VariantId> matchingVariants) {
    }

    /**
     * @param tsquery the prepared tsquery text ({@link TextQuery}), {@code null} for no text condition
     * @param category the category whose subtree is searched, {@code null} for all
     */
    Page search(SearchQuery query, String tsquery, Category category) {
        Map<String, Object> params = new HashMap<>();
        var candidates = new StringBuilder("select p.id, p.name, p.created_at, p.category_id, ");
        if (tsquery != null) {
            candidates.append("ts_rank_cd(p.search, to_tsquery('simple', :tsquery)) as rank");
            params.put("tsquery", tsquery);
        }
        else {
            candidates.append("0::real as rank");
        }
        candidates.append(" from product p where p.status = 'ACTIVE'");
        int t = 0;
        for (var attribute : query.attributes().entrySet()) {
            // A necessary condition served by the GIN index, so the candidates are narrowed before any variant
            // is read; the exact check on one variant follows in "matched".
            candidates.append(" and p.filter_terms && array[:attrTerms").append(t).append("]::text[]");
            params.put("attrTerms" + t, attribute.getValue().stream().map(v -> attribute.getKey() + "=" + v).toList());
            t++;
        }
        if (tsquery != null) {
            candidates.append(" and p.search @@ to_tsquery('simple', :tsquery)");
        }
        if (category != null) {
            // Every product carries a term for its category and each ancestor (V9), so the subtree is one
            // more key in the same GIN index scan as the text (measured: a sub-select over category paths
            // made PostgreSQL scan the text index once per category of the subtree, 160 ms instead of 20).
            candidates.append(" and p.filter_terms @> array[:categoryTerm]::text[]");
            params.put("categoryTerm", "category=" + category.slug());
        }

        var variantFilter = new StringBuilder(" where true");
        if (query.minPrice() != null) {
            variantFilter.append(" and ").append(EFFECTIVE_PRICE).append(" >= :minPrice");
            params.put("minPrice", query.minPrice());
        }
        if (query.maxPrice() != null) {
            variantFilter.append(" and ").append(EFFECTIVE_PRICE).append(" <= :maxPrice");
            params.put("maxPrice", query.maxPrice());
        }
        int i = 0;
        for (var attribute : query.attributes().entrySet()) {
            variantFilter.append(" and v.attributes ->> :attrName").append(i).append(" in (:attrValues").append(i).append(")");
            params.put("attrName" + i, attribute.getKey());
            params.put("attrValues" + i, attribute.getValue());
            i++;
        }
        if (query.inStock()) {
            variantFilter.append(" and v.available > 0");
        }

        // With text or a category the candidates are few: read each one's variants through the covering index
        // (OFFSET 0 keeps the planner from flattening the lateral sub-select into a hash join over every
        // variant). Without either, nearly every product is a candidate and one pass over all variants is cheaper.
        String variantSource = tsquery != null || category != null
                ? "candidates c cross join lateral (select v.id, v.position, v.attributes, v.list_price,"
                        + " v.sale_price, v.sale_from, v.sale_to, v.available from variant v where v.product_id = c.id and "
                        + variantFilter.substring(" where ".length()) + " offset 0) v"
                : "variant v join candidates c on c.id = v.product_id" + variantFilter;

        String facetParent;
        if (category != null) {
            facetParent = "f.parent_id = :categoryId";
            params.put("categoryId", category.id().value());
        }
        else {
            facetParent = "f.parent_id is null";
        }
        params.put("limit", query.size());
        params.put("offset", query.offset());

        String sql = "with candidates as materialized (" + candidates + "),\n"
                // "matched" carries the product's columns along, so "hits" is a plain GROUP BY without a join:
                // with a generic plan PostgreSQL estimates one candidate row, and a join here became a nested
                // loop that re-aggregated every match per candidate (200 ms instead of 5 at 100,000 products).
                + "matched as materialized (select c.id, c.name, c.created_at, c.category_id, c.rank, v.id as variant_id,"
                + " v.position, v.attributes, " + EFFECTIVE_PRICE + " as price from " + variantSource + "),\n"
                + """
                hits as materialized (
                    select id, name, created_at, category_id, rank, min(price) as price,
                           array_agg(variant_id order by position) as variant_ids
                    from matched group by id, name, created_at, category_id, rank)
                select 'hit' as kind, page.id, null::text as label, null::text as value, page.variant_ids,
                       row_number() over (order by %1$s) as n
                from (select * from hits order by %1$s limit :limit offset :offset) page
                union all
                select 'total', null, null, null, null, count(*) from hits
                union all
                select 'category', f.id, f.slug, f.name, null, sum(hc.n)::bigint
                from (select category_id, count(*) as n from hits group by category_id) hc
                join category c on c.id = hc.category_id
                join category f on %2$s and (c.path = f.path or c.path like f.path || '/%%')
                group by f.id, f.slug, f.name
                union all
                select 'attribute', null, a.key, a.value, null, count(distinct m.id)
                from matched m cross join lateral jsonb_each_text(m.attributes) a
                group by a.key, a.value
                """.formatted(orderBy(query.sort()), facetParent);

        List<Object[]> hits = new ArrayList<>();
        long[] total = { 0 };
        List<CategoryCount> categories = new ArrayList<>();
        Map<String, List<ValueCount>> attributes = new LinkedHashMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            switch (rs.getString("kind")) {
                case "hit" -> hits.add(new Object[] { rs.getLong("n"), new HitIds(rs.getObject("id", UUID.class),
                        variantIds(rs.getArray("variant_ids"))) });
                case "total" -> total[0] = rs.getLong("n");
                case "category" -> categories.add(new CategoryCount(new CategoryId(rs.getObject("id", UUID.class)),
                        rs.getString("label"), rs.getString("value"), rs.getLong("n")));
                case "attribute" -> attributes.computeIfAbsent(rs.getString("label"), k -> new ArrayList<>())
                        .add(new ValueCount(rs.getString("value"), rs.getLong("n")));
                default -> throw new IllegalStateException("unexpected row kind");
            }
        });
        hits.sort((a, b) -> Long.compare((Long) a[0], (Long) b[0]));
        categories.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.name().compareTo(b.name()));
        attributes.values().forEach(values -> values.sort((a, b) -> a.count() != b.count()
                ? Long.compare(b.count(), a.count()) : a.value().compareTo(b.value())));
        var sortedAttributes = new LinkedHashMap<String, List<ValueCount>>();
        attributes.keySet().stream().sorted().forEach(key -> sortedAttributes.put(key, attributes.get(key)));
        return new Page(hits.stream().map(h -> (HitIds) h[1]).toList(), total[0], categories, sortedAttributes);
    }

    private static String orderBy(SearchSort sort) {
        return switch (sort) {
            case RELEVANCE -> "rank desc, name, id";
            case PRICE_ASC -> "price, id";
            case PRICE_DESC -> "price desc, id";
            case NEWEST -> "created_at desc, id";
            case NAME -> "name, id";
        };
    }

    private static List<VariantId> variantIds(Array array) throws java.sql.SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(o -> new VariantId((UUID) o)).toList();
    }
}
