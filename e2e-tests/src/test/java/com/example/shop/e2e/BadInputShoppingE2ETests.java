package com.example.shop.e2e;

import static com.example.shop.e2e.BadInputAccountsE2ETests.attack;
import static com.example.shop.e2e.BadInputAccountsE2ETests.read;
import static com.example.shop.e2e.BodyShape.optional;
import static com.example.shop.e2e.BodyShape.required;
import static com.example.shop.e2e.BodyShape.requiredStructure;
import static com.example.shop.e2e.JsonText.str;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.example.shop.e2e.Attack.Expect;
import com.example.shop.e2e.BodyShape.Mutated;
import com.example.shop.e2e.ShopApi.Customer;

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

/**
 * Bad input against shopping (issue 7): the cart (the customer's and a guest's with {@code X-Cart-Token}),
 * checkout, the customer's orders (cancel, returns) and the back office's orders, payments and shipments. The
 * victim's cart holds a line and a valid checkout would place an order, so every checkout sent here is invalid in
 * a documented way; afterwards the victim has the same orders, cart, guest cart and returns as before.
 */
@AddLifecycleHook(BadInputSeed.class)
class BadInputShoppingE2ETests {

    private static Victim victim;
    private static Customer scratch;

    @BeforeContainer
    static void setUp() {
        victim = Victim.shared();
        scratch = Customer.registerNew("Sam Scratch");
    }

    @AfterProperty
    void victimIsUntouched() {
        victim.assertUntouched();
    }

    @AfterContainer
    static void report() {
        Findings.writeReport();
    }

    /** Adding to a cart that holds {@code inCart} units of the product: one more than 99 in all is refused too. */
    private static BodyShape addLine(int inCart) {
        return new BodyShape(
                required("productId", str(victim.productId), str(""), str("not-a-uuid"), str(UUID.randomUUID().toString()),
                        str(victim.productId + "x"), str(victim.productId.substring(1))),
                required("quantity", "1", "0", "-1", "100", String.valueOf(100 - inCart), "1000000", "1e400", "2147483648",
                        str("two"), "true"));
    }

    private static BodyShape setQuantity() {
        return new BodyShape(required("quantity", "1", "-1", "100", "1000000", "1e400", "2147483648", str("x")));
    }

    @Property(tries = 150, shrinking = ShrinkingMode.OFF)
    void cartRefusesInvalidLinesAndKeepsItsLines(@ForAll("cartAttacks") Attack attack) {
        attack.run();
    }

    @Provide
    Arbitrary<Attack> cartAttacks() {
        String token = victim.customer.token();
        String line = "/api/cart/items/" + victim.productId;
        Arbitrary<Attack> add = addLine(3).refused().map(body -> attack("POST /api/cart/items", "POST", "/api/cart/items",
                token, body, Expect.refused()));
        Arbitrary<Attack> set = setQuantity().refused().map(body -> attack("PUT /api/cart/items/{productId}", "PUT", line,
                token, body, Expect.refused()));
        Arbitrary<Attack> setUnknown = Hostile.pathSegments().map(id -> attack("PUT /api/cart/items/{productId}", "PUT",
                "/api/cart/items/" + id, token, Mutated.json("{\"quantity\":1}", "line " + id), Expect.refused()));
        // Removing a line that is not there is a 204 by contract; either way the cart keeps its line.
        Arbitrary<Attack> remove = Hostile.pathSegments().map(id -> attack("DELETE /api/cart/items/{productId}", "DELETE",
                "/api/cart/items/" + id, token, null, Expect.answered()));
        Arbitrary<Attack> reads = Hostile.queries("page", "size", "customerId", "currency").map(q ->
                read("GET /api/cart", "/api/cart" + q, token));
        Arbitrary<Attack> merge = Hostile.queryValues().map(cartToken -> Attack.on("POST /api/cart/merge", "POST",
                "/api/cart/merge").bearer(victim.attacker.token()).header("X-Cart-Token", BadInputAccountsE2ETests.urlDecoded(cartToken)
                        .replaceAll("[\\r\\n]", "")).expect(Expect.answered()).what("merge an unknown guest cart").build());
        return Arbitraries.frequencyOf(Tuple.of(5, add), Tuple.of(3, set), Tuple.of(2, setUnknown), Tuple.of(1, remove),
                Tuple.of(1, reads), Tuple.of(1, merge));
    }

    @Property(tries = 100, shrinking = ShrinkingMode.OFF)
    void guestCartRefusesUnknownCartTokensAndInvalidLines(@ForAll("guestAttacks") Attack attack) {
        attack.run();
    }

    @Provide
    Arbitrary<Attack> guestAttacks() {
        String real = victim.guestCartToken;
        String line = "/api/cart/items/" + victim.productId;
        Arbitrary<String> unknownTokens = Arbitraries.oneOf(
                Arbitraries.create(() -> Base64.getUrlEncoder().withoutPadding().encodeToString(
                        UUID.randomUUID().toString().substring(0, 32).getBytes())),
                Arbitraries.of(real + "x", real.substring(1), real.toLowerCase(Locale.ROOT), real.toUpperCase(Locale.ROOT),
                        "../../internal", "a".repeat(5_000), "tökén😀", victim.customer.token(), "null", "*", "%",
                        "' OR '1'='1"))
                .filter(t -> !t.equals(real));
        Arbitrary<Attack> unknown = Combinators.combine(unknownTokens, Arbitraries.integers().between(0, 4))
                .as((cartToken, which) -> {
                    Attack.Builder builder = switch (which) {
                        case 0 -> Attack.on("GET /api/cart", "GET", "/api/cart");
                        case 1 -> Attack.on("POST /api/cart/items", "POST", "/api/cart/items").json(
                                JsonText.obj("productId", str(victim.productId), "quantity", "1"));
                        case 2 -> Attack.on("PUT /api/cart/items/{productId}", "PUT", line).json("{\"quantity\":5}");
                        case 3 -> Attack.on("DELETE /api/cart/items/{productId}", "DELETE", line);
                        default -> Attack.on("DELETE /api/cart", "DELETE", "/api/cart");
                    };
                    return builder.header("X-Cart-Token", cartToken).expect(Expect.refused())
                            .what("an unknown cart token").build();
                });
        Arbitrary<Attack> realTokenBadLines = Arbitraries.oneOf(
                addLine(2).refused().map(body -> attack("POST /api/cart/items", "POST", "/api/cart/items", null, body,
                        Expect.refused())),
                setQuantity().refused().map(body -> attack("PUT /api/cart/items/{productId}", "PUT", line, null, body,
                        Expect.refused())))
                .map(a -> withHeader(a, "X-Cart-Token", real));
        Arbitrary<Attack> anonymous = addLine(0).refused().map(body -> attack("POST /api/cart/items", "POST",
                "/api/cart/items", null, body, Expect.refused()));
        Arbitrary<Attack> anonymousReads = Arbitraries.of("GET", "DELETE").map(method -> attack(method + " /api/cart", method,
                "/api/cart", null, null, Expect.refused(401)));
        return Arbitraries.frequencyOf(Tuple.of(4, unknown), Tuple.of(3, realTokenBadLines), Tuple.of(2, anonymous),
                Tuple.of(1, anonymousReads));
    }

    @Property(tries = 120, shrinking = ShrinkingMode.OFF)
    void checkoutRefusesInvalidOrdersAndPlacesNone(@ForAll("invalidCheckouts") Attack attack) {
        attack.run();
    }

    @Provide
    Arbitrary<Attack> invalidCheckouts() {
        String address = "{\"name\":\"Victor Victim\",\"line1\":\"1 Main Street\",\"city\":\"Utrecht\",\"postalCode\":\"3511 AB\",\"country\":\"NL\"}";
        var shape = new BodyShape(
                required("paymentToken", str("tok_visa"), str(""), str("   "), str("tok_" + "v".repeat(200))),
                requiredStructure("shippingAddress", address, str("1 Main Street"), "[]", "{}", "42",
                        address.replace("\"Victor Victim\"", "\"\""), address.replace("\"Victor Victim\"", str("a".repeat(201))),
                        address.replace("\"1 Main Street\"", "\"\""), address.replace("\"1 Main Street\"", str("a".repeat(201))),
                        address.replace("\"Utrecht\"", "\"\""), address.replace("\"Utrecht\"", str("a".repeat(101))),
                        address.replace("\"3511 AB\"", "\"\""), address.replace("\"3511 AB\"", str("1".repeat(21))),
                        address.replace("\"NL\"", "\"NLD\""), address.replace("\"NL\"", "\"\""),
                        address.replace("\"NL\"", "\"N\""), address.replace(",\"country\":\"NL\"", ""),
                        address.replace("\"name\":\"Victor Victim\",", ""), address.replace("\"NL\"", "{}")),
                optional("pointsToRedeem", "0", "-1", "1.5", "10000001", str("many"), "1e400", "99999999999999999999"));
        Arbitrary<Attack> badBody = Combinators.combine(shape.refused(), Arbitraries.create(UUID::randomUUID))
                .as((body, key) -> withHeader(attack("POST /api/orders", "POST", "/api/orders", victim.customer.token(),
                        body, Expect.refused()), "Idempotency-Key", key.toString()));
        Arbitrary<Attack> badKey = Arbitraries.<List<String>>of(List.of(), List.of(""), List.of("k".repeat(256)))
                .map(keys -> {
                    Attack a = attack("POST /api/orders", "POST", "/api/orders", victim.customer.token(),
                            Mutated.json(shape.valid(), "Idempotency-Key " + (keys.isEmpty() ? "missing"
                                    : Findings.abbreviate(keys.get(0), 20))), Expect.refused());
                    return keys.isEmpty() ? a : withHeader(a, "Idempotency-Key", keys.get(0));
                });
        // The attacker's own cart is empty: anything at all, and never an order.
        Arbitrary<Attack> emptyCart = Combinators.combine(shape.noisy(), Hostile.queryValues())
                .as((body, key) -> withHeader(attack("POST /api/orders", "POST", "/api/orders", victim.attacker.token(),
                        body, Expect.refused()), "Idempotency-Key", BadInputAccountsE2ETests.urlDecoded(key)
                        .replaceAll("[\\r\\n\\x00]", "")));
        return Arbitraries.frequencyOf(Tuple.of(6, badBody), Tuple.of(1, badKey), Tuple.of(2, emptyCart));
    }

    @Property(tries = 150, shrinking = ShrinkingMode.OFF)
    void ordersRefuseOtherCustomersAndInvalidReturns(@ForAll("orderAttacks") Attack attack) {
        attack.run();
    }

    @Provide
    Arbitrary<Attack> orderAttacks() {
        String token = victim.customer.token();
        int l = victim.deliveredLineNo;
        String delivered = "/api/orders/" + victim.deliveredOrderId;
        String confirmed = "/api/orders/" + victim.confirmedOrderId;
        String validReturn = "{\"lines\":[{\"lineNo\":" + l + ",\"quantity\":1}],\"reason\":\"Too small\"}";
        var returns = new BodyShape(
                requiredStructure("lines", "[{\"lineNo\":" + l + ",\"quantity\":1}]", "[]", str("x"), "{}", "[null]",
                        "[{\"lineNo\":99,\"quantity\":1}]", "[{\"lineNo\":" + l + ",\"quantity\":0}]",
                        "[{\"lineNo\":" + l + ",\"quantity\":-1}]", "[{\"lineNo\":" + l + ",\"quantity\":3}]",
                        "[{\"lineNo\":" + l + ",\"quantity\":1},{\"lineNo\":" + l + ",\"quantity\":1}]",
                        "[{\"lineNo\":0,\"quantity\":1}]", "[{\"lineNo\":-1,\"quantity\":1}]", "[{\"lineNo\":" + l + "}]",
                        "[{\"quantity\":1}]", "[{\"lineNo\":\"one\",\"quantity\":1}]",
                        "[{\"lineNo\":" + l + ",\"quantity\":1e400}]", "[{\"lineNo\":" + l + ",\"quantity\":2147483648}]"),
                optional("reason", str("Too small")));
        Arbitrary<Attack> badReturns = returns.refused().map(body -> attack("POST /api/orders/{id}/returns", "POST",
                delivered + "/returns", token, body, Expect.refused()));
        Arbitrary<Attack> someoneElses = Arbitraries.of(
                attack("GET /api/orders/{id}", "GET", confirmed, victim.attacker.token(), null, Expect.refused(404)),
                attack("GET /api/orders/{id}", "GET", delivered, victim.attacker.token(), null, Expect.refused(404)),
                attack("POST /api/orders/{id}/cancel", "POST", confirmed + "/cancel", victim.attacker.token(), null,
                        Expect.refused(404)),
                attack("POST /api/orders/{id}/returns", "POST", delivered + "/returns", victim.attacker.token(),
                        Mutated.json(validReturn, "someone else's order"), Expect.refused(404)),
                attack("POST /api/orders/{id}/cancel", "POST", delivered + "/cancel", token, null, Expect.refused(409)),
                attack("POST /api/orders/{id}/returns", "POST", confirmed + "/returns", token,
                        Mutated.json(validReturn, "return before delivery"), Expect.refused(409)));
        Arbitrary<Attack> hostileIds = Combinators.combine(Hostile.pathSegments(), Arbitraries.of("", "/cancel", "/returns"))
                .as((id, suffix) -> attack((suffix.isEmpty() ? "GET" : "POST") + " /api/orders/{id}" + suffix,
                        suffix.isEmpty() ? "GET" : "POST", "/api/orders/" + id + suffix, token,
                        suffix.equals("/returns") ? Mutated.json(validReturn, "order " + id) : null, Expect.refused()));
        Arbitrary<Attack> lists = Hostile.queries("page", "size", "status", "customerId").map(q ->
                read("GET /api/orders", "/api/orders" + q, token));
        return Arbitraries.frequencyOf(Tuple.of(5, badReturns), Tuple.of(2, someoneElses), Tuple.of(3, hostileIds),
                Tuple.of(1, lists));
    }

    @Property(tries = 150, shrinking = ShrinkingMode.OFF)
    void backOfficeRefusesUnknownOrdersInvalidTransitionsAndCustomers(@ForAll("backOfficeAttacks") Attack attack) {
        attack.run();
    }

    @Provide
    Arbitrary<Attack> backOfficeAttacks() {
        String admin = victim.admin;
        String delivered = "/api/admin/orders/" + victim.deliveredOrderId;
        Arbitrary<Attack> lists = Arbitraries.oneOf(
                Hostile.queries("status", "customerId", "email", "from", "to", "page", "size").map(q ->
                        read("GET /api/admin/orders", "/api/admin/orders" + q, admin)),
                Hostile.queries("status", "page", "size").map(q ->
                        read("GET /api/admin/payments", "/api/admin/payments" + q, admin)));
        Arbitrary<Attack> unknownOrders = Combinators.combine(Hostile.pathSegments(),
                        Arbitraries.of("", "/ship", "/deliver", "/cancel", "/returns/" + UUID.randomUUID() + "/refund"))
                .as((id, suffix) -> attack((suffix.isEmpty() ? "GET" : "POST") + " /api/admin/orders/{id}"
                                + suffix.replaceAll("/returns/.*/", "/returns/{returnId}/"), suffix.isEmpty() ? "GET" : "POST",
                        "/api/admin/orders/" + id + suffix, admin, null, Expect.refused()));
        Arbitrary<Attack> unknownMoney = Combinators.combine(Hostile.pathSegments(), Arbitraries.of("payments", "shipments"))
                .as((id, what) -> attack("GET /api/admin/" + what + "/{orderId}", "GET", "/api/admin/" + what + "/" + id,
                        admin, null, Expect.refused()));
        Arbitrary<Mutated> receiveBodies = Arbitraries.oneOf(
                new BodyShape(required("restock", "true", str("maybe"), "2", str(""))).refused(),
                Arbitraries.just(Mutated.json("{\"restock\":true}", "valid body")));
        Arbitrary<Attack> unknownReturns = Combinators.combine(Hostile.pathSegments(), receiveBodies)
                .as((returnId, body) -> attack("POST /api/admin/orders/{id}/returns/{returnId}/receive", "POST",
                        delivered + "/returns/" + returnId + "/receive", admin, body, Expect.refused()));
        Arbitrary<Attack> forbiddenMoves = Arbitraries.of(
                attack("POST /api/admin/orders/{id}/cancel", "POST", delivered + "/cancel", admin, null, Expect.refused(409)),
                attack("POST /api/admin/orders/{id}/returns/{returnId}/refund", "POST",
                        delivered + "/returns/" + UUID.randomUUID() + "/refund", admin, null, Expect.refused(404)));
        String confirmed = "/api/admin/orders/" + victim.confirmedOrderId;
        Arbitrary<Attack> notAdmin = Arbitraries.of(confirmed + "/ship", confirmed + "/cancel", delivered + "/deliver",
                        "/api/admin/payments/" + victim.confirmedOrderId, "/api/admin/shipments/" + victim.deliveredOrderId,
                        "/api/admin/orders?customerId=" + victim.customer.id())
                .map(path -> attack((path.contains("payments") || path.contains("shipments") || path.contains("?") ? "GET"
                                : "POST") + " " + path.replace(victim.confirmedOrderId, "{id}").replace(victim.deliveredOrderId, "{id}")
                                .replaceAll("\\?.*", ""),
                        path.contains("payments") || path.contains("shipments") || path.contains("?") ? "GET" : "POST", path,
                        victim.attacker.token(), null, Expect.refused(403)));
        return Arbitraries.frequencyOf(Tuple.of(3, lists), Tuple.of(4, unknownOrders), Tuple.of(2, unknownMoney),
                Tuple.of(2, unknownReturns), Tuple.of(1, forbiddenMoves), Tuple.of(2, notAdmin));
    }

    @Property(tries = 24, shrinking = ShrinkingMode.OFF)
    void fractionalQuantitiesArePartsOfAUnitAndRefused(@ForAll("fractions") Attack attack) {
        attack.run();
    }

    /** On a customer of its own: if a fraction were taken as a whole unit, nothing else is disturbed. */
    @Provide
    Arbitrary<Attack> fractions() {
        Arbitrary<String> fractions = Arbitraries.of("1.5", "0.5", "98.9", "1.0000001", "2.999");
        Arbitrary<Attack> add = fractions.map(q -> attack("POST /api/cart/items", "POST", "/api/cart/items", scratch.token(),
                Mutated.json(JsonText.obj("productId", str(victim.productId), "quantity", q), "quantity " + q),
                Expect.refused(400)));
        Arbitrary<Attack> redeem = fractions.map(p -> withHeader(attack("POST /api/orders", "POST", "/api/orders",
                scratch.token(), Mutated.json("{\"paymentToken\":\"tok_visa\",\"shippingAddress\":{\"name\":\"Sam\","
                        + "\"line1\":\"1 Main Street\",\"city\":\"Utrecht\",\"postalCode\":\"3511 AB\",\"country\":\"NL\"},"
                        + "\"pointsToRedeem\":" + p + "}", "pointsToRedeem " + p), Expect.refused(400)),
                "Idempotency-Key", UUID.randomUUID().toString()));
        return Arbitraries.oneOf(add, redeem);
    }

    private static Attack withHeader(Attack attack, String name, String value) {
        var headers = new java.util.ArrayList<>(attack.headers());
        headers.add(new RawHttp.Header(name, value));
        return new Attack(attack.endpoint(), attack.method(), attack.target(), List.copyOf(headers), attack.body(),
                attack.expect(), attack.what(), attack.semantic());
    }
}
