package com.example.shop.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.example.shop.catalog.CatalogAdmin;
import com.example.shop.catalog.CatalogIntegrationTest;

/**
 * Search over a small catalogue of its own: every product's name carries a made-up word ({@code tag}) that
 * the demo catalogue cannot contain, so the figures below are exact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIntegrationTests extends CatalogIntegrationTest {

    @Autowired
    RestTestClient client;

    String tag;
    String root;
    String merino;
    String merinoRed;
    String cotton;
    String socks;
    String sale;

    @BeforeAll
    void catalogue() {
        var random = new Random();
        var letters = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        tag = letters.toString();
        var admin = new CatalogAdmin(client);
        String rootId = admin.category(tag, "Search root", null);
        String knitwear = admin.category(tag + "-knitwear", "Knitwear", rootId);
        String merinoLeaf = admin.category(tag + "-merino", "Merino", knitwear);
        String hosiery = admin.category(tag + "-hosiery", "Hosiery", rootId);
        root = tag;

        merino = admin.product(tag + " merino jumper", "Fine knit.", "Ovelha", merinoLeaf, null,
                Map.of("colour", "navy", "size", "M"), "80.00", 5);
        merinoRed = admin.variant(merino, Map.of("colour", "red", "size", "L"), "80.00", 0);
        cotton = admin.product(tag + " cotton jumper", "Soft and light.", "Algodao", knitwear, null,
                Map.of("colour", "navy", "size", "S"), "30.00", 3);
        socks = admin.product(tag + " wool socks", "Warm enough to wear under a jumper.", "Ovelha", hosiery, null,
                Map.of("colour", "grey"), "10.00", 10);
        sale = admin.product(tag + " sale jumper", "Last season.", "Algodao", merinoLeaf, null,
                Map.of("colour", "navy", "size", "M"), "100.00", 2);
        admin.price(sale, sale, Map.of("listPrice", CatalogAdmin.eur("100.00"), "salePrice", CatalogAdmin.eur("50.00"),
                "saleFrom", "2020-01-01T00:00:00Z", "saleTo", "2099-01-01T00:00:00Z")).expectStatus().isOk();
        admin.product(tag + " draft jumper", "Not ready.", "Ovelha", knitwear, "DRAFT", Map.of("colour", "navy"),
                "20.00", 1);
    }

    @Test
    void matchesWordPrefixesInNameDescriptionAndBrandButNeverDrafts() {
        assertThat(ids("q=" + tag + " jump")).containsExactlyInAnyOrder(merino, cotton, sale, socks);
        assertThat(ids("q=" + tag + " ovel")).containsExactlyInAnyOrder(merino, socks);
        assertThat(ids("q=" + tag.substring(0, 7))).hasSize(4);
    }

    @Test
    void ranksNameMatchesAboveDescriptionMatches() {
        List<String> ranked = ids("q=" + tag + " jumper");
        assertThat(ranked).hasSize(4);
        assertThat(ranked.get(3)).isEqualTo(socks);
    }

    @Test
    void filtersByCategoryIncludingSubCategoriesAndCountsChildCategories() {
        assertThat(ids("category=" + tag + "-knitwear")).containsExactlyInAnyOrder(merino, cotton, sale);
        assertThat(ids("category=" + tag + "-merino")).containsExactlyInAnyOrder(merino, sale);

        client.get().uri("/api/products?category={c}", root).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.page.totalElements").isEqualTo(4)
                .jsonPath("$.facets.categories.length()").isEqualTo(2)
                .jsonPath("$.facets.categories[0].slug").isEqualTo(tag + "-knitwear")
                .jsonPath("$.facets.categories[0].count").isEqualTo(3)
                .jsonPath("$.facets.categories[1].slug").isEqualTo(tag + "-hosiery")
                .jsonPath("$.facets.categories[1].count").isEqualTo(1);
    }

    @Test
    void filtersByEffectivePriceSoASalePriceCounts() {
        assertThat(ids("q=" + tag + "&minPrice=40&maxPrice=60")).containsExactly(sale);
        assertThat(ids("q=" + tag + "&maxPrice=10")).containsExactly(socks);
        assertThat(ids("q=" + tag + "&sort=price_asc")).containsExactly(socks, cotton, sale, merino);
        assertThat(ids("q=" + tag + "&sort=price_desc")).containsExactly(merino, sale, cotton, socks);
    }

    @Test
    void filtersByAttributeValuesAndStockOnTheSameVariant() {
        client.get().uri("/api/products?q={q}&attr.colour=red", tag).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.page.totalElements").isEqualTo(1)
                .jsonPath("$.content[0].id").isEqualTo(merino)
                .jsonPath("$.content[0].matchingVariantIds.length()").isEqualTo(1)
                .jsonPath("$.content[0].matchingVariantIds[0]").isEqualTo(merinoRed)
                .jsonPath("$.content[0].variants.length()").isEqualTo(2);
        assertThat(ids("q=" + tag + "&attr.colour=red&inStock=true")).isEmpty();
        assertThat(ids("q=" + tag + "&attr.colour=red,grey")).containsExactlyInAnyOrder(merino, socks);
        assertThat(ids("q=" + tag + "&attr.colour=navy&attr.size=M")).containsExactlyInAnyOrder(merino, sale);
        assertThat(ids("q=" + tag + "&attr.size=L&inStock=true")).isEmpty();
    }

    @Test
    void countsAttributeValuesOverTheFilteredResult() {
        client.get().uri("/api/products?q={q}", tag).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.facets.attributes.colour[0].value").isEqualTo("navy")
                .jsonPath("$.facets.attributes.colour[0].count").isEqualTo(3)
                .jsonPath("$.facets.attributes.colour[?(@.value == 'red')].count").isEqualTo(1)
                .jsonPath("$.facets.attributes.colour[?(@.value == 'grey')].count").isEqualTo(1)
                .jsonPath("$.facets.attributes.size[?(@.value == 'M')].count").isEqualTo(2);
        client.get().uri("/api/products?q={q}&inStock=true", tag).exchange()
                .expectBody()
                .jsonPath("$.facets.attributes.colour[?(@.value == 'red')]").isEmpty();
    }

    @Test
    void pagesStablyThroughEveryOrder() {
        for (String sort : new String[] { "relevance", "price_asc", "price_desc", "newest", "name" }) {
            List<String> all = ids("q=" + tag + "&sort=" + sort + "&size=10");
            List<String> paged = new ArrayList<>();
            for (int page = 0; page < 4; page++) {
                paged.addAll(ids("q=" + tag + "&sort=" + sort + "&size=1&page=" + page));
            }
            assertThat(paged).as(sort).containsExactlyElementsOf(all).hasSize(4);
        }
        assertThat(ids("q=" + tag + "&sort=newest")).containsExactly(sale, socks, cotton, merino);
    }

    @Test
    void refusesPageSizesAboveTheMaximumAndInvalidFilters() {
        for (String query : new String[] { "size=101", "size=400", "size=0", "page=-1", "sort=cheapest", "minPrice=-1",
                "minPrice=abc", "minPrice=20&maxPrice=10", "attr.Colour=red", "attr.colour=", "inStock=maybe" }) {
            client.get().uri("/api/products?" + query).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        client.get().uri("/api/products?size=100").exchange().expectStatus().isOk();
    }

    @Test
    void survivesHostileSearchText() {
        for (String q : new String[] { "'&|!:*()", "\\", "a:*", "!!", "(", "<->", "''", "%", "a & b | !c",
                "jumper:A", "\u00e9t\u00e9 :* caf\u00e9", "-", "--x--", "x".repeat(500), "\"quoted\"", "a<2>b",
                tag + " & !jumper" }) {
            client.get().uri("/api/products?q={q}", q).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.page.totalElements").isNumber();
        }
    }

    @Test
    void answersAnUnknownCategoryWithNoResults() {
        assertThat(ids("category=no-such-category-" + tag)).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void showsTheCategoryTree() {
        client.get().uri("/api/products/categories").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.slug == '%s')].children[*].slug".formatted(tag))
                .value(slugs -> assertThat((List<Object>) slugs).containsExactlyInAnyOrder(tag + "-knitwear", tag + "-hosiery"));
    }

    @SuppressWarnings("unchecked")
    private List<String> ids(String query) {
        Map<String, Object> page = client.get().uri("/api/products?" + query).exchange()
                .expectStatus().isOk()
                .returnResult(Map.class).getResponseBody();
        return ((List<Map<String, Object>>) page.get("content")).stream().map(p -> p.get("id").toString()).toList();
    }
}
