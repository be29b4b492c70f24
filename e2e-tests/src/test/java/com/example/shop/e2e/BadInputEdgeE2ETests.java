package com.example.shop.e2e;

import static com.example.shop.e2e.BadInputAccountsE2ETests.attack;
import static com.example.shop.e2e.JsonText.str;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

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

/**
 * Bad input at the edge (issue 7): forged and broken credentials on every endpoint (claiming to be the victim with
 * the ADMIN role, with valid and destructive requests), paths that try to reach the internal API or the actuator,
 * requests that break HTTP itself (header injection, smuggling shapes, oversized heads), clients that accept no
 * JSON, and huge bodies everywhere a body is read.
 */
@AddLifecycleHook(BadInputSeed.class)
class BadInputEdgeE2ETests {

    private static final Pattern PLAIN_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

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

    /** A request worth forging credentials for; {@code open} ones need no token, cart ones accept a guest. */
    record Target(String endpoint, String method, String path, String body, Access access) {
    }

    enum Access {
        OPEN, CART, PROTECTED
    }

    private static List<Target> targets() {
        String me = "/api/customers/me";
        String p = "/api/products/" + victim.productId;
        String confirmed = victim.confirmedOrderId;
        String delivered = victim.deliveredOrderId;
        String address = "{\"label\":\"Evil\",\"name\":\"Eve\",\"line1\":\"1 Evil Street\",\"city\":\"Utrecht\","
                + "\"postalCode\":\"3511 AB\",\"country\":\"NL\"}";
        String checkout = "{\"paymentToken\":\"tok_visa\",\"shippingAddress\":{\"name\":\"Eve\",\"line1\":\"1 Evil Street\","
                + "\"city\":\"Utrecht\",\"postalCode\":\"3511 AB\",\"country\":\"NL\"}}";
        var t = new ArrayList<Target>();
        t.add(new Target("GET /api/customers/me", "GET", me, null, Access.PROTECTED));
        t.add(new Target("PATCH /api/customers/me", "PATCH", me, "{\"name\":\"Hacked\"}", Access.PROTECTED));
        t.add(new Target("DELETE /api/customers/me", "DELETE", me, null, Access.PROTECTED));
        t.add(new Target("GET /api/customers/me/export", "GET", me + "/export", null, Access.PROTECTED));
        t.add(new Target("GET /api/customers/{id}", "GET", "/api/customers/" + victim.customer.id(), null, Access.PROTECTED));
        t.add(new Target("GET /api/customers/me/addresses", "GET", me + "/addresses", null, Access.PROTECTED));
        t.add(new Target("POST /api/customers/me/addresses", "POST", me + "/addresses", address, Access.PROTECTED));
        t.add(new Target("PUT /api/customers/me/addresses/{id}", "PUT", me + "/addresses/" + victim.addressId, address,
                Access.PROTECTED));
        t.add(new Target("DELETE /api/customers/me/addresses/{id}", "DELETE", me + "/addresses/" + victim.addressId, null,
                Access.PROTECTED));
        t.add(new Target("GET /api/customers/me/preferences", "GET", me + "/preferences", null, Access.PROTECTED));
        t.add(new Target("PUT /api/customers/me/preferences", "PUT", me + "/preferences",
                "{\"marketingOptIn\":true,\"subscriptions\":[]}", Access.PROTECTED));
        t.add(new Target("GET /api/customers/me/loyalty", "GET", me + "/loyalty", null, Access.PROTECTED));
        t.add(new Target("GET /api/customers/me/loyalty/ledger", "GET", me + "/loyalty/ledger", null, Access.PROTECTED));
        t.add(new Target("GET /api/customers/me/notifications", "GET", me + "/notifications", null, Access.PROTECTED));
        t.add(new Target("GET /api/admin/customers", "GET", "/api/admin/customers?email=victim", null, Access.PROTECTED));
        t.add(new Target("DELETE /api/admin/customers/{id}", "DELETE", "/api/admin/customers/" + victim.customer.id(),
                null, Access.PROTECTED));
        t.add(new Target("GET /api/admin/surveys/nps", "GET", "/api/admin/surveys/nps", null, Access.PROTECTED));
        t.add(new Target("GET /api/admin/loyalty/{customerId}", "GET", "/api/admin/loyalty/" + victim.customer.id(), null,
                Access.PROTECTED));
        t.add(new Target("POST /api/admin/loyalty/{customerId}/adjustments", "POST", "/api/admin/loyalty/"
                + victim.customer.id() + "/adjustments", JsonText.obj("points", "100000", "reason", str("forged"),
                "adjustmentId", str(UUID.randomUUID().toString())), Access.PROTECTED));
        t.add(new Target("GET /api/cart", "GET", "/api/cart", null, Access.CART));
        t.add(new Target("POST /api/cart/items", "POST", "/api/cart/items",
                JsonText.obj("productId", str(victim.productId), "quantity", "1"), Access.CART));
        t.add(new Target("PUT /api/cart/items/{productId}", "PUT", "/api/cart/items/" + victim.productId,
                "{\"quantity\":9}", Access.CART));
        t.add(new Target("DELETE /api/cart", "DELETE", "/api/cart", null, Access.CART));
        t.add(new Target("GET /api/orders", "GET", "/api/orders", null, Access.PROTECTED));
        t.add(new Target("POST /api/orders", "POST", "/api/orders", checkout, Access.PROTECTED));
        t.add(new Target("GET /api/orders/{id}", "GET", "/api/orders/" + confirmed, null, Access.PROTECTED));
        t.add(new Target("POST /api/orders/{id}/cancel", "POST", "/api/orders/" + confirmed + "/cancel", null,
                Access.PROTECTED));
        t.add(new Target("POST /api/orders/{id}/returns", "POST", "/api/orders/" + delivered + "/returns",
                "{\"lines\":[{\"lineNo\":" + victim.deliveredLineNo + ",\"quantity\":1}]}", Access.PROTECTED));
        t.add(new Target("GET /api/admin/orders", "GET", "/api/admin/orders", null, Access.PROTECTED));
        t.add(new Target("GET /api/admin/orders/{id}", "GET", "/api/admin/orders/" + confirmed, null, Access.PROTECTED));
        t.add(new Target("POST /api/admin/orders/{id}/ship", "POST", "/api/admin/orders/" + confirmed + "/ship", null,
                Access.PROTECTED));
        t.add(new Target("POST /api/admin/orders/{id}/cancel", "POST", "/api/admin/orders/" + confirmed + "/cancel", null,
                Access.PROTECTED));
        t.add(new Target("GET /api/admin/payments/{orderId}", "GET", "/api/admin/payments/" + confirmed, null,
                Access.PROTECTED));
        t.add(new Target("GET /api/admin/payments", "GET", "/api/admin/payments", null, Access.PROTECTED));
        t.add(new Target("GET /api/admin/shipments/{orderId}", "GET", "/api/admin/shipments/" + delivered, null,
                Access.PROTECTED));
        t.add(new Target("POST /api/products", "POST", "/api/products", JsonText.obj("sku", str("FORGED-" + victim.marker
                .toUpperCase()), "name", str("Forged " + victim.marker), "description", str("x"), "category",
                str("forged"), "price", "{\"amount\":\"1.00\",\"currency\":\"EUR\"}", "available", "1"), Access.PROTECTED));
        t.add(new Target("PUT /api/products/{id}/stock", "PUT", p + "/stock", "{\"available\":0}", Access.PROTECTED));
        t.add(new Target("PUT /api/products/{id}/status", "PUT", p + "/status", "{\"status\":\"ARCHIVED\"}",
                Access.PROTECTED));
        t.add(new Target("PUT /api/products/variants/{id}/stock", "PUT", "/api/products/variants/" + victim.productId
                + "/stock", "{\"onHand\":100000}", Access.PROTECTED));
        t.add(new Target("GET /api/products/variants/{id}/stock", "GET", "/api/products/variants/" + victim.productId
                + "/stock", null, Access.PROTECTED));
        t.add(new Target("POST /api/products/categories", "POST", "/api/products/categories",
                JsonText.obj("slug", str(victim.marker + "-forged"), "name", str("Forged " + victim.marker)),
                Access.PROTECTED));
        t.add(new Target("GET /api/products", "GET", "/api/products?q=kettle", null, Access.OPEN));
        t.add(new Target("GET /api/products/{id}", "GET", p, null, Access.OPEN));
        t.add(new Target("GET /api/products/categories", "GET", "/api/products/categories", null, Access.OPEN));
        t.add(new Target("POST /api/auth/token", "POST", "/api/auth/token", JsonText.obj("email",
                str(victim.customer.email()), "password", str("not-the-password")), Access.OPEN));
        t.add(new Target("GET /api/surveys/{token}", "GET", victim.surveyPath, null, Access.OPEN));
        return t;
    }

    @Property(tries = 300, shrinking = ShrinkingMode.OFF)
    void forgedCredentialsOpenNothing(@ForAll("forgeries") Attack attack) {
        attack.run();
    }

    @Provide
    Arbitrary<Attack> forgeries() {
        return Combinators.combine(ForgedCredentials.claimingToBe(victim.customer.token(), victim.customer.id()),
                Arbitraries.of(targets())).as((credential, target) -> {
            boolean bearer = credential.headers().stream().anyMatch(h -> h.value().regionMatches(true, 0, "Bearer", 0, 6));
            Expect expect = switch (target.access()) {
                // 431: a 20,000-character token is refused for its size before anyone looks at it.
                case PROTECTED -> Expect.refused(400, 401, 431);
                case CART -> bearer ? Expect.refused(400, 401, 431) : Expect.answered();
                case OPEN -> Expect.answered();
            };
            var builder = Attack.on(target.endpoint(), target.method(), target.path()).headers(credential.headers())
                    .expect(expect).what("credential: " + credential.what());
            if (target.body() != null) {
                builder.json(target.body());
            }
            if (target.endpoint().equals("POST /api/orders")) {
                builder.header("Idempotency-Key", UUID.randomUUID().toString());
            }
            if (target.access() == Access.CART && bearer) {
                // A forged customer with the victim's guest cart token: no merge, no change to the guest cart.
                builder.header("X-Cart-Token", victim.guestCartToken);
            }
            return builder.build();
        });
    }

    @Property(tries = 80, shrinking = ShrinkingMode.OFF)
    void noPathReachesTheInternalApiOrTheActuator(@ForAll("traversals") Attack attack) {
        attack.run();
    }

    @Provide
    Arbitrary<Attack> traversals() {
        String id = victim.customer.id();
        String p = victim.productId;
        List<String> paths = List.of(
                "/internal/products?ids=" + p, "/internal/customers/" + id + "/personal-data",
                "/internal/variants?ids=" + p, "/api/products/..%2f..%2finternal%2fproducts?ids=" + p,
                "/api/products/%2e%2e/%2e%2e/internal/variants?ids=" + p, "/api/cart/../internal/carts",
                "/api/orders/..;/..;/internal/payments/" + victim.confirmedOrderId,
                "//internal/products?ids=" + p, "/api/products/%252e%252e/%252e%252e/internal/products?ids=" + p,
                "/api/products/%c0%ae%c0%ae/%c0%ae%c0%ae/internal/products", "/api/products\\..\\..\\internal\\products",
                "/api/products/;/../../internal/products", "/API/PRODUCTS", "/api/products%00/../../internal/products",
                "/api/products%2f..%2f..%2finternal%2fproducts", "/actuator/env", "/actuator/heapdump",
                "/actuator/health/../env", "/api/products/../../actuator/env", "/actuator/gateway/routes",
                "/v3/api-docs", "/api/customers/me/../../admin/customers", "/api/orders/%2e%2e/admin/orders",
                "/api/customers/me/notifications/../../../admin/customers", "/api/cart/%2e%2e/%2e%2e/internal/customers/"
                        + id + "/personal-data", "/fallback/order-service", "/.well-known/jwks.json",
                "/api/customers/%2e%2e/admin/customers", "/api/products/categories/..%5c..%5cinternal",
                "/api/admin/../internal/products?ids=" + p, "/internal%2fproducts?ids=" + p, "/%69nternal/products?ids=" + p);
        return Combinators.combine(Arbitraries.of(paths), Arbitraries.of("GET", "POST", "DELETE"), Arbitraries.of(0, 1, 2))
                .as((path, method, who) -> Attack.on("traversal " + path.replaceAll("\\?.*", ""), method, path)
                        .bearer(who == 0 ? null : who == 1 ? victim.attacker.token() : victim.customer.token())
                        .expect(Expect.refused()).what("reach the inside").build());
    }

    @Property(tries = 90, shrinking = ShrinkingMode.OFF)
    void brokenHttpIsRefusedWithAProblemAndInjectsNothing(@ForAll("protocolAbuse") Attack attack) {
        attack.run();
    }

    @Provide
    Arbitrary<Attack> protocolAbuse() {
        String q = "/api/products?q=kettle";
        String inj = Findings.INJECTED_HEADER;
        Arbitrary<Attack> requestIds = Arbitraries.oneOf(Arbitraries.of("a".repeat(128), "a".repeat(129), "../../x", "a b",
                        "ok\r" + inj + ": 1", "ok\n" + inj + ": 1", "%0d%0a" + inj + ":%201", "ok%0d%0a", "<script>", "\u0000",
                        "é", "😀", "a,b", "a;b", "${jndi:ldap://127.0.0.1:1/a}", ""), Hostile.strings()
                        .map(s -> s.replace("\r", "").replace("\n", "")))
                .map(value -> Attack.on("X-Request-Id on GET /api/products", "GET", q).header("X-Request-Id", value)
                        .expect(Expect.answered()).what("X-Request-Id " + Findings.abbreviate(value, 30))
                        .semantic(answer -> answer.header("X-Request-Id") == null
                                || PLAIN_REQUEST_ID.matcher(answer.header("X-Request-Id")).matches()).build());
        List<Attack> raw = new ArrayList<>();
        raw.add(Attack.on("raw: bare CR in a header", "GET", q).header("X-Note", "a\r" + inj + ": 1")
                .expect(Expect.answered()).what("bare CR").build());
        raw.add(Attack.on("raw: NUL in a header", "GET", q).header("X-Note", "a\u0000b").expect(Expect.answered())
                .what("NUL").build());
        raw.add(Attack.on("raw: obs-fold", "GET", q).header("X-Note", "a\r\n folded").expect(Expect.answered())
                .what("obs-fold").build());
        raw.add(Attack.on("raw: space in a header name", "GET", q).header("Bad Header", "x").expect(Expect.answered())
                .what("space in name").build());
        raw.add(Attack.on("raw: non-ASCII header name", "GET", q).header("Ünïcode", "x").expect(Expect.answered())
                .what("non-ASCII name").build());
        raw.add(Attack.on("raw: a 10 KB header", "GET", q).header("X-Big", "a".repeat(10_000)).expect(Expect.answered())
                .what("10 KB header").build());
        var many = Attack.on("raw: 300 headers", "GET", q).expect(Expect.answered()).what("300 headers");
        for (int i = 0; i < 300; i++) {
            many.header("X-H" + i, "v".repeat(40));
        }
        raw.add(many.build());
        raw.add(Attack.on("raw: a 20 KB URL", "GET", q + "a".repeat(20_000)).expect(Expect.answered()).what("20 KB URL")
                .build());
        raw.add(Attack.on("raw: unknown method", "FOO", q).expect(Expect.answered()).what("FOO").build());
        raw.add(Attack.on("raw: TRACE", "TRACE", q).bearer(victim.customer.token()).expect(Expect.refused())
                .what("TRACE must not echo the token").semantic(a -> !a.text().contains("Bearer")).build());
        raw.add(Attack.on("raw: lower-case method", "get", q).expect(Expect.answered()).what("get").build());
        raw.add(Attack.on("raw: OPTIONS", "OPTIONS", "/api/customers/me").expect(Expect.answered()).what("OPTIONS").build());
        raw.add(Attack.on("raw: absolute-form target", "GET", "http://127.0.0.1:8081/internal/customers/"
                + victim.customer.id() + "/personal-data").expect(Expect.refused()).what("proxy request").build());
        raw.add(Attack.on("raw: asterisk target", "GET", "*").expect(Expect.refused()).what("*").build());
        // Reactor Netty reads "api/products" as "/api/products": lenient, and harmless as long as it answers.
        raw.add(Attack.on("raw: target without a slash", "GET", "api/products").expect(Expect.answered()).what("no slash")
                .build());
        raw.add(Attack.on("raw: raw unicode in the target", "GET", "/api/products?q=kettle😀\u202E").expect(Expect.answered())
                .what("raw UTF-8 target").build());
        raw.add(Attack.on("raw: space in the target", "GET", "/api/products?q=a b").expect(Expect.answered())
                .what("space in target").build());
        raw.add(Attack.on("raw: empty Host", "GET", q).header("Host", "").expect(Expect.answered()).what("empty Host").build());
        raw.add(Attack.on("raw: two Hosts", "GET", q).header("Host", "localhost").header("Host", "evil.example")
                .expect(Expect.answered()).what("two Hosts").build());
        raw.add(Attack.on("raw: conflicting Content-Length", "POST", "/api/customers")
                .header("Content-Length", "2").header("Content-Length", "3").header("Content-Type", "application/json")
                .body("{}x".getBytes(StandardCharsets.UTF_8), null).expect(Expect.refused()).what("CL twice").build());
        raw.add(Attack.on("raw: chunked and Content-Length", "POST", "/api/customers")
                .header("Transfer-Encoding", "chunked").header("Content-Length", "12")
                .header("Content-Type", "application/json").body("2\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.UTF_8), null)
                .expect(Expect.refused()).what("CL.TE").build());
        raw.add(Attack.on("raw: unknown Transfer-Encoding", "POST", "/api/customers")
                .header("Transfer-Encoding", "xchunked").header("Content-Length", "2").header("Content-Type", "application/json")
                .body("{}".getBytes(StandardCharsets.UTF_8), null).expect(Expect.refused()).what("xchunked").build());
        raw.add(Attack.on("raw: bad chunk size", "POST", "/api/customers").header("Transfer-Encoding", "chunked")
                .header("Content-Type", "application/json").body("zz\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.UTF_8), null)
                .expect(Expect.refused()).what("chunk size zz").build());
        raw.add(Attack.on("raw: negative Content-Length", "POST", "/api/customers").header("Content-Length", "-1")
                .header("Content-Type", "application/json").body(new byte[0], null).expect(Expect.refused()).what("CL -1")
                .build());
        raw.add(Attack.on("raw: Content-Length not a number", "POST", "/api/customers").header("Content-Length", "abc")
                .header("Content-Type", "application/json").body(new byte[0], null).expect(Expect.refused()).what("CL abc")
                .build());
        raw.add(Attack.on("raw: Expect 100-continue", "POST", "/api/customers").header("Expect", "100-continue")
                .json("{}").expect(Expect.refused()).what("Expect").build());
        raw.add(Attack.on("raw: Expect something else", "POST", "/api/customers").header("Expect", "tea")
                .json("{}").expect(Expect.refused()).what("Expect tea").build());
        raw.add(Attack.on("raw: method override to DELETE", "GET", "/api/customers/me").bearer(victim.customer.token())
                .header("X-HTTP-Method-Override", "DELETE").header("X-HTTP-Method", "DELETE")
                .header("X-Method-Override", "DELETE").expect(Expect.answered()).what("override").build());
        raw.add(Attack.on("raw: forwarded prefix", "GET", "/api/products").header("X-Forwarded-Prefix", "/internal")
                .header("X-Forwarded-Host", "evil.example").header("Forwarded", "for=127.0.0.1;host=evil.example;proto=gopher")
                .header("X-Original-URL", "/internal/products").header("X-Rewrite-URL", "/internal/products")
                .expect(Expect.answered()).what("forwarded headers").build());
        raw.add(Attack.on("raw: a body on GET", "GET", "/api/customers/me").bearer(victim.customer.token())
                .json("{\"name\":\"Hacked\"}").expect(Expect.answered()).what("GET with a body").build());
        raw.add(Attack.on("raw: huge Cookie", "GET", q).header("Cookie", "a=" + "b".repeat(7_000)).expect(Expect.answered())
                .what("7 KB cookie").build());
        raw.add(Attack.on("raw: Range", "GET", q).header("Range", "bytes=0-1,2-3,-1,1-0,99999999999999999999-")
                .expect(Expect.answered()).what("Range").build());
        raw.add(Attack.on("raw: Accept-Encoding", "GET", q).header("Accept-Encoding", "gzip;q=2, br;q=NaN, *;q=-1, x" .repeat(50))
                .expect(Expect.answered()).what("Accept-Encoding").build());
        raw.add(Attack.on("raw: Accept-Charset", "GET", "/api/products/not-a-uuid").header("Accept-Charset", "ebcdic, x-no-such")
                .expect(Expect.refused()).what("Accept-Charset").build());
        return Arbitraries.frequencyOf(Tuple.of(1, requestIds), Tuple.of(3, Arbitraries.of(raw)));
    }

    @Property(tries = 60, shrinking = ShrinkingMode.OFF)
    void errorsAreProblemsWhateverTheClientAccepts(@ForAll("pickyClients") Attack attack) {
        attack.run();
    }

    @Provide
    Arbitrary<Attack> pickyClients() {
        List<Attack> errors = List.of(
                attack("GET /api/products/{id}", "GET", "/api/products/not-a-uuid", null, null, Expect.refused(400)),
                attack("GET /api/products/{id}", "GET", "/api/products/" + UUID.randomUUID(), null, null, Expect.refused(404)),
                attack("GET /api/orders", "GET", "/api/orders", null, null, Expect.refused(401)),
                attack("POST /api/customers", "POST", "/api/customers", null, Mutated.json("{}", "empty"), Expect.refused(400)),
                attack("GET /api/admin/orders", "GET", "/api/admin/orders", victim.attacker.token(), null, Expect.refused(403)),
                attack("GET /api/cart", "GET", "/api/cart", null, null, Expect.refused(401)),
                attack("POST /api/cart/items", "POST", "/api/cart/items", victim.customer.token(),
                        Mutated.json("{\"productId\":\"x\",\"quantity\":1}", "bad id"), Expect.refused(400)),
                attack("unknown path", "GET", "/api/nothing-here", null, null, Expect.refused(404)),
                attack("GET /api/customers/me/loyalty/ledger", "GET", "/api/customers/me/loyalty/ledger?size=0",
                        victim.customer.token(), null, Expect.refused(400)),
                attack("GET /api/customers/me/notifications", "GET", "/api/customers/me/notifications", "garbage", null,
                        Expect.refused(401)),
                attack("GET /api/surveys/{token}", "GET", "/api/surveys/unknown", null, null, Expect.refused(404)),
                attack("GET /api/admin/payments/{orderId}", "GET", "/api/admin/payments/" + UUID.randomUUID(), victim.admin,
                        null, Expect.refused(404)),
                attack("GET /api/admin/shipments/{orderId}", "GET", "/api/admin/shipments/not-a-uuid", victim.admin, null,
                        Expect.refused(400)),
                attack("PUT /api/products/{id}", "PUT", "/api/products/" + victim.productId, victim.admin,
                        Mutated.json("{\"name\":\"\"}", "blank name"), Expect.refused(400)));
        Arbitrary<String> accepts = Arbitraries.of("application/xml", "text/html", "text/plain", "image/png", "*/*",
                "application/json", "application/problem+json", "garbage", "", "application/*;q=0", "text/event-stream",
                "application/problem+xml", "text/html;q=1, application/json;q=0", "*/*;q=abc", "application/json; charset=ebcdic");
        // An error is an error whatever the client can read: the same status class, as a problem document.
        return Combinators.combine(Arbitraries.of(errors), accepts).as((error, accept) -> {
            var headers = new ArrayList<>(error.headers());
            headers.add(new RawHttp.Header("Accept", accept));
            return new Attack(error.endpoint(), error.method(), error.target(), List.copyOf(headers), error.body(),
                    Expect.refused(), error.what() + ", Accept: " + accept, error.semantic());
        });
    }

    @Property(tries = 40, shrinking = ShrinkingMode.OFF)
    void hugeBodiesAreRefusedEverywhere(@ForAll("hugeBodies") Attack attack) {
        attack.run();
    }

    @Provide
    Arbitrary<Attack> hugeBodies() {
        String big = "A".repeat(3_000_000);
        String m = victim.marker;
        String token = victim.customer.token();
        List<Attack> fieldTooLong = List.of(
                attack("PATCH /api/customers/me", "PATCH", "/api/customers/me", token,
                        Mutated.json(JsonText.obj("name", str(big)), "3 MB name"), Expect.refused()),
                attack("POST /api/customers", "POST", "/api/customers", null, Mutated.json(JsonText.obj("email",
                        str(m + "-huge@example.com"), "password", str("correct-horse-battery"), "name", str(m + big)),
                        "3 MB name"), Expect.refused()),
                attack("POST /api/customers/me/addresses", "POST", "/api/customers/me/addresses", token,
                        Mutated.json(JsonText.obj("label", str(big), "name", str("V"), "line1", str("1 Main Street"),
                                "city", str("Utrecht"), "postalCode", str("3511 AB"), "country", str("NL")), "3 MB label"),
                        Expect.refused()),
                attack("POST /api/surveys/{token}", "POST", victim.surveyPath, null,
                        Mutated.json(JsonText.obj("score", "9", "comment", str(big)), "3 MB comment"), Expect.refused()),
                attack("POST /api/cart/items", "POST", "/api/cart/items", token,
                        Mutated.json(JsonText.obj("productId", str(big), "quantity", "1"), "3 MB product id"), Expect.refused()),
                attack("POST /api/products", "POST", "/api/products", victim.admin, Mutated.json(JsonText.obj("sku", str(big),
                        "name", str(m), "description", str("x"), "category", str("huge"), "price",
                        "{\"amount\":\"1.00\",\"currency\":\"EUR\"}", "available", "1"), "3 MB sku"), Expect.refused()),
                attack("POST /api/auth/token", "POST", "/api/auth/token", null, Mutated.json(JsonText.obj("email",
                        str(victim.customer.email()), "password", str(big)), "3 MB password"), Expect.refused()),
                attack("POST /api/orders/{id}/returns", "POST", "/api/orders/" + victim.deliveredOrderId + "/returns", token,
                        Mutated.json("{\"lines\":[" + ("{\"lineNo\":99,\"quantity\":1},").repeat(50_000)
                                + "{\"lineNo\":99,\"quantity\":1}]}", "50,000 return lines"), Expect.refused()));
        List<String[]> endpoints = List.of(
                new String[] {"PATCH /api/customers/me", "PATCH", "/api/customers/me"},
                new String[] {"PUT /api/customers/me/preferences", "PUT", "/api/customers/me/preferences"},
                new String[] {"POST /api/cart/items", "POST", "/api/cart/items"},
                new String[] {"POST /api/orders", "POST", "/api/orders"},
                new String[] {"POST /api/customers", "POST", "/api/customers"},
                new String[] {"POST /api/products", "POST", "/api/products"},
                new String[] {"POST /api/admin/loyalty/{customerId}/adjustments", "POST",
                        "/api/admin/loyalty/" + victim.customer.id() + "/adjustments"});
        Arbitrary<Attack> wholeBodies = Combinators.combine(Arbitraries.of(endpoints), Arbitraries.of(
                "{\"a\":\"" + big + "\"}", "[" + "1,".repeat(300_000) + "1]", "[".repeat(20_000) + "]".repeat(20_000),
                "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000))).as((e, body) -> {
            boolean admin = e[2].startsWith("/api/products") || e[2].startsWith("/api/admin");
            Attack a = attack(e[0], e[1], e[2], admin ? victim.admin : token, Mutated.json(body, "huge body "
                    + Findings.abbreviate(body, 20)), Expect.refused());
            if (!e[0].equals("POST /api/orders")) {
                return a;
            }
            var headers = new ArrayList<>(a.headers());
            headers.add(new RawHttp.Header("Idempotency-Key", UUID.randomUUID().toString()));
            return new Attack(a.endpoint(), a.method(), a.target(), List.copyOf(headers), a.body(), a.expect(), a.what(),
                    a.semantic());
        });
        return Arbitraries.oneOf(Arbitraries.of(fieldTooLong), wholeBodies);
    }
}
