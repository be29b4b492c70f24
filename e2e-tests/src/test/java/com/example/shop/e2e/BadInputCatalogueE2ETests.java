package com.example.shop.e2e;

import static com.example.shop.e2e.BadInputAccountsE2ETests.attack;
import static com.example.shop.e2e.BadInputAccountsE2ETests.read;
import static com.example.shop.e2e.BodyShape.optional;
import static com.example.shop.e2e.BodyShape.optionalStructure;
import static com.example.shop.e2e.BodyShape.required;
import static com.example.shop.e2e.BodyShape.requiredStructure;
import static com.example.shop.e2e.JsonText.str;

import java.util.Map;
import java.util.UUID;

import com.example.shop.e2e.Attack.Expect;
import com.example.shop.e2e.BodyShape.Mutated;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;

import tools.jackson.databind.JsonNode;

/**
 * Bad input against the catalogue (issue 7): search with hostile parameters, reads of ids that are not ids, and
 * the back office's writes (products, variants, prices, stock, status, categories) with invalid bodies, without
 * the ADMIN role and without a token. No refused write leaves a product, variant, category or stock change
 * behind: every refused product and category carries the {@link Victim#marker}, which search never finds.
 */
@AddLifecycleHook(BadInputSeed.class)
class BadInputCatalogueE2ETests {

    private static final String MONEY = "{\"amount\":\"10.00\",\"currency\":\"EUR\"}";
    private static final String[] BAD_MONEY = {
            "{\"amount\":\"-1.00\",\"currency\":\"EUR\"}", "{\"amount\":\"1.234\",\"currency\":\"EUR\"}",
            "{\"amount\":\"10.00\",\"currency\":\"USD\"}", "{\"amount\":\"abc\",\"currency\":\"EUR\"}",
            "{\"amount\":\"1e400\",\"currency\":\"EUR\"}", "{\"currency\":\"EUR\"}", "{\"amount\":\"10.00\"}",
            "{\"amount\":\"10.00\",\"currency\":\"\"}", "{\"amount\":\"NaN\",\"currency\":\"EUR\"}", "[]", "{}",
            "{\"amount\":\"10.00\",\"currency\":\"EURO\"}", "{\"amount\":{},\"currency\":\"EUR\"}"};

    private static Victim victim;

    @BeforeContainer
    static void setUp() {
        victim = Victim.shared();
    }

    @AfterProperty
    void victimIsUntouched() {
        victim.assertUntouched();
    }

    @AfterContainer
    static void report() {
        Findings.writeReport();
    }

    @Property(tries = 250, shrinking = ShrinkingMode.OFF)
    void searchAnswersHostileQueriesWithAPageOrAProblem(@ForAll("searches") Attack attack) {
        attack.run();
    }

    @Provide
    Arbitrary<Attack> searches() {
        return Combinators.combine(Hostile.queries("q", "category", "minPrice", "maxPrice", "attr.colour", "inStock",
                        "sort", "page", "size", "attr." + Hostile.encode("\u0000"), "attr.", "attr.Colour",
                        "attr." + "a".repeat(300), "attr.%2e%2e"),
                Arbitraries.of(true, false)).as((query, asAdmin) ->
                Attack.on("GET /api/products", "GET", "/api/products" + query).bearer(asAdmin ? victim.admin : null)
                        .expect(Expect.answered()).what("search").semantic(BadInputCatalogueE2ETests::isAPage).build());
    }

    private static boolean isAPage(RawHttp.Answer answer) {
        JsonNode page = ShopApi.JSON.readTree(answer.text());
        return page.path("content").isArray() && page.path("content").size() <= 100 && page.path("page").isObject();
    }

    @Property(tries = 80, shrinking = ShrinkingMode.OFF)
    void readsRefuseIdsThatAreNotThere(@ForAll("reads") Attack attack) {
        attack.run();
    }

    @Provide
    Arbitrary<Attack> reads() {
        Arbitrary<String> ids = Hostile.pathSegments().filter(s -> !s.equals("categories") && !s.equals("variants"));
        Arbitrary<Attack> product = ids.map(id -> Attack.on("GET /api/products/{id}", "GET", "/api/products/" + id)
                .expect(Expect.refused()).what("id " + id).build());
        Arbitrary<Attack> category = ids.map(id -> Attack.on("GET /api/products/categories/{id}", "GET",
                "/api/products/categories/" + id).expect(Expect.refused()).what("id " + id).build());
        Arbitrary<Attack> stock = ids.map(id -> Attack.on("GET /api/products/variants/{id}/stock", "GET",
                "/api/products/variants/" + id + "/stock").bearer(victim.admin).expect(Expect.refused()).what("id " + id)
                .build());
        Arbitrary<Attack> movements = Hostile.queries("limit").map(q -> read("GET /api/products/variants/{id}/stock/movements",
                "/api/products/variants/" + victim.productId + "/stock/movements" + q, victim.admin));
        return Arbitraries.oneOf(product, category, stock, movements);
    }

    @Property(tries = 250, shrinking = ShrinkingMode.OFF)
    void backOfficeWritesRefuseInvalidBodiesAndWriteNothing(@ForAll("invalidWrites") Attack attack) {
        attack.run();
    }

    @Provide
    Arbitrary<Attack> invalidWrites() {
        String m = victim.marker;
        String product = "/api/products/" + victim.productId;
        String badSku = str("sku with spaces");
        var newProduct = new BodyShape(
                required("sku", str("BAD-" + m.toUpperCase()), str(""), badSku, str("SKU_UNDERSCORE"), str("A".repeat(41)),
                        str("../x"), str("SKU\u0000")),
                required("name", str("Refused " + m + " kettle"), str(""), str("   ")),
                optional("description", str("Made by the bad-input suite")),
                optional("categoryId", str(victim.categoryId), str("not-a-uuid"), str(UUID.randomUUID().toString())),
                requiredStructure("price", MONEY, BAD_MONEY),
                optional("available", "5", "-1", "1000001", str("many"), "1e400", "2147483648"),
                optional("weightGrams", "500", "0", "-1", "100001", str("heavy")),
                optionalStructure("attributes", "{\"colour\":\"red\"}", "{\"Colour\":\"red\"}", "{\"\":\"x\"}",
                        "{\"a\":\"\"}", "{\"a\":\"" + "x".repeat(101) + "\"}", elevenAttributes(), "{\"a b\":\"x\"}",
                        "[]", str("colour=red")),
                optional("status", str("ACTIVE"), str("HACKED"), str("ACTIVE_NOW")),
                optionalStructure("images", "[]", str("not-a-list"), "{}"));
        var update = new BodyShape(
                required("name", str("Target kettle"), str(""), str("   ")),
                optional("description", str("A kettle")),
                optional("brand", str("Acme")),
                optional("categoryId", str(victim.categoryId), str("not-a-uuid"), str(UUID.randomUUID().toString())),
                optionalStructure("images", "[]", str("not-a-list"), "{}"));
        var price = new BodyShape(
                optionalStructure("listPrice", MONEY, BAD_MONEY),
                optionalStructure("salePrice", "null", BAD_MONEY[0], BAD_MONEY[1], BAD_MONEY[2],
                        "{\"amount\":\"20.00\",\"currency\":\"EUR\"}", "{\"amount\":\"10.00\",\"currency\":\"EUR\"}"),
                optional("saleFrom", "null", str("not-a-date"), str("2026-13-45T00:00:00Z")),
                optional("saleTo", "null", str("yesterday"), str("+999999999-12-31T23:59:59Z")));
        var available = new BodyShape(required("available", "100", "-1", "1000001", str("x"), "1e400", "2147483648"));
        var onHand = new BodyShape(required("onHand", "101", "-1", "1000001", str("x"), "1e400", "0"));
        var status = new BodyShape(required("status", str("ACTIVE"), str("HACKED"), str(""), str("ACTIVE_NOW")));
        var variant = new BodyShape(
                required("sku", str("BADV-" + m.toUpperCase()), str(""), badSku, str("A".repeat(41))),
                optionalStructure("attributes", "{\"size\":\"" + m + "\"}", "{\"Size\":\"x\"}", elevenAttributes()),
                requiredStructure("price", MONEY, BAD_MONEY),
                optional("available", "1", "-1", "1000001", str("x")),
                optional("weightGrams", "500", "0", "100001"));
        var renameVariant = new BodyShape(
                required("sku", str("TARGET-SKU"), str(""), badSku, str("A".repeat(41))),
                optionalStructure("attributes", "{\"colour\":\"red\"}", "{\"Colour\":\"x\"}", elevenAttributes()),
                optional("weightGrams", "500", "0", "-5", "100001"));
        var category = new BodyShape(
                required("slug", str(m + "-cat"), str(""), str("UPPER-" + m), str(m + " space"), str(m + "--double"),
                        str("-" + m), str(m + "-"), str(m + "_x"), str(m + "\u0000")),
                required("name", str("Refused " + m), str(""), str("  ")),
                optional("parentId", "null", str("not-a-uuid"), str(UUID.randomUUID().toString())));
        var moveCategory = new BodyShape(
                required("name", str("Bad input"), str("")),
                optional("parentId", "null", str(victim.categoryId), str("not-a-uuid"), str(UUID.randomUUID().toString())));

        return Arbitraries.frequencyOf(
                Tuple.of(5, admin(newProduct, "POST /api/products", "POST", "/api/products")),
                Tuple.of(2, admin(update, "PUT /api/products/{id}", "PUT", product)),
                Tuple.of(2, admin(price, "PUT /api/products/{id}/price", "PUT", product + "/price")),
                Tuple.of(2, admin(available, "PUT /api/products/{id}/stock", "PUT", product + "/stock")),
                Tuple.of(1, admin(available, "PUT /api/products/{id}/variants/{variantId}/stock", "PUT",
                        product + "/variants/" + victim.productId + "/stock")),
                Tuple.of(2, admin(onHand, "PUT /api/products/variants/{id}/stock", "PUT",
                        "/api/products/variants/" + victim.productId + "/stock")),
                Tuple.of(1, admin(status, "PUT /api/products/{id}/status", "PUT", product + "/status")),
                Tuple.of(2, admin(variant, "POST /api/products/{id}/variants", "POST", product + "/variants")),
                Tuple.of(1, admin(renameVariant, "PUT /api/products/{id}/variants/{variantId}", "PUT",
                        product + "/variants/" + victim.productId)),
                Tuple.of(1, admin(price, "PUT /api/products/{id}/variants/{variantId}/price", "PUT",
                        product + "/variants/" + victim.productId + "/price")),
                Tuple.of(3, admin(category, "POST /api/products/categories", "POST", "/api/products/categories")),
                Tuple.of(1, admin(moveCategory, "PUT /api/products/categories/{id}", "PUT",
                        "/api/products/categories/" + victim.categoryId)),
                Tuple.of(2, withoutTheRole(newProduct, category, available, onHand)),
                Tuple.of(2, unknownTargets(available, update)));
    }

    /** Valid writes by a customer (403) and by nobody (401): still nothing written. */
    private Arbitrary<Attack> withoutTheRole(BodyShape product, BodyShape category, BodyShape available, BodyShape onHand) {
        String p = "/api/products/" + victim.productId;
        var writes = Map.of(
                "POST /api/products", new String[] {"POST", "/api/products", product.valid()},
                "POST /api/products/categories", new String[] {"POST", "/api/products/categories", category.valid()},
                "PUT /api/products/{id}/stock", new String[] {"PUT", p + "/stock", available.valid()},
                "PUT /api/products/variants/{id}/stock", new String[] {"PUT", "/api/products/variants/" + victim.productId
                        + "/stock", onHand.valid()},
                "PUT /api/products/{id}/status", new String[] {"PUT", p + "/status", "{\"status\":\"ARCHIVED\"}"},
                "PUT /api/products/{id}/price", new String[] {"PUT", p + "/price", "{\"listPrice\":{\"amount\":\"0.01\",\"currency\":\"EUR\"}}"});
        return Combinators.combine(Arbitraries.of(writes.keySet()), Arbitraries.of(true, false)).as((endpoint, asCustomer) -> {
            String[] w = writes.get(endpoint);
            return attack(endpoint, w[0], w[1], asCustomer ? victim.attacker.token() : null,
                    Mutated.json(w[2], asCustomer ? "a customer's valid write" : "a valid write without a token"),
                    Expect.refused(asCustomer ? 403 : 401));
        });
    }

    /** Writes to products and categories that do not exist, or ids that are not ids. */
    private Arbitrary<Attack> unknownTargets(BodyShape available, BodyShape update) {
        return Combinators.combine(Hostile.pathSegments().filter(s -> !s.equals("categories") && !s.equals("variants")),
                Arbitraries.of("/stock", "", "/status", "/price", "/variants")).as((id, suffix) -> {
            String body = switch (suffix) {
                case "/stock" -> available.valid();
                case "" -> update.valid();
                case "/status" -> "{\"status\":\"ARCHIVED\"}";
                case "/price" -> "{\"listPrice\":" + MONEY + "}";
                default -> "{\"sku\":\"UNKNOWN-" + victim.marker.toUpperCase() + "\",\"price\":" + MONEY + ",\"available\":1}";
            };
            String method = suffix.equals("/variants") ? "POST" : "PUT";
            return attack(method + " /api/products/{id}" + suffix, method, "/api/products/" + id + suffix, victim.admin,
                    Mutated.json(body, "unknown product " + id), Expect.refused());
        });
    }

    private static Arbitrary<Attack> admin(BodyShape shape, String endpoint, String method, String target) {
        return shape.refused().map(body -> attack(endpoint, method, target, victim.admin, body, Expect.refused()));
    }

    private static String elevenAttributes() {
        var out = new StringBuilder("{");
        for (int i = 0; i < 11; i++) {
            out.append(i == 0 ? "" : ",").append("\"a").append(i).append("\":\"v\"");
        }
        return out.append('}').toString();
    }
}
