package com.example.shop.e2e;

import static com.example.shop.e2e.BodyShape.optional;
import static com.example.shop.e2e.BodyShape.required;
import static com.example.shop.e2e.BodyShape.requiredStructure;
import static com.example.shop.e2e.JsonText.str;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
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
 * Bad input against the customer's account (issue 7): registration, login, profile, address book, preferences,
 * unsubscribe links, surveys, loyalty, notifications and the back office's customer, survey and loyalty pages.
 * Every answer obeys {@link Findings}' rules; after each property the {@link Victim} is as it was.
 */
@AddLifecycleHook(BadInputSeed.class)
class BadInputAccountsE2ETests {

    private static final Set<String> TOPICS = Set.of("ACCOUNT", "ORDER_UPDATES", "CART_REMINDERS", "SURVEYS", "ALL");

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

    @Property(tries = 150, shrinking = ShrinkingMode.OFF)
    void registrationRefusesInvalidAccountsAndStoresNone(@ForAll("invalidRegistrations") Attack attack) {
        attack.run();
    }

    @Provide
    Arbitrary<Attack> invalidRegistrations() {
        String m = victim.marker;
        var shape = new BodyShape(
                required("email", str(m + "-ok@example.com"), str(""), str("   "), str(m), str(m + "@"),
                        str("@" + m + ".com"), str(m + "@@example.com"), str(m + "\u0000@example.com"),
                        str(m + "@example.com\r\nBcc: x@example.com"), str(m + "\t@example.com"),
                        str(m + "a".repeat(250) + "@example.com")),
                required("password", str("correct-horse-battery"), str(""), str("short"), str("1234567"),
                        str("        "), str("a".repeat(73)), str("é".repeat(40))),
                required("name", str("Eve " + m), str(""), str(" "), str(m + "a".repeat(101)), str(m + "\u0000"),
                        str(m + "\nAdmin"), str("\t")),
                optional("marketingOptIn", "false", str("yes"), str("maybe")));
        Arbitrary<Attack> invalid = shape.refused().map(body -> attack("POST /api/customers", "POST", "/api/customers",
                null, body, Expect.refused()));
        // The e-mail is taken, in any letter case: 409, and still nothing new.
        Arbitrary<Attack> taken = Arbitraries.of(victim.customer.email(), victim.customer.email().toUpperCase(Locale.ROOT))
                .map(email -> attack("POST /api/customers", "POST", "/api/customers", null, Mutated.json(
                        JsonText.obj("email", str(email), "password", str("correct-horse-battery"), "name",
                                str("Eve " + m)), "e-mail taken: " + email), Expect.refused(409)));
        return Arbitraries.frequencyOf(Tuple.of(9, invalid), Tuple.of(1, taken));
    }

    @Property(tries = 40, shrinking = ShrinkingMode.OFF)
    void registrationAnswersOddButPossibleAccountsWithoutFailing(@ForAll("oddRegistrations") Attack attack) {
        attack.run();
    }

    @Provide
    Arbitrary<Attack> oddRegistrations() {
        return Combinators.combine(Hostile.strings(), Hostile.strings()).as((name, password) -> {
            String body = JsonText.obj("email", str("scratch-" + UUID.randomUUID() + "@example.com"),
                    "password", str(password.length() < 8 ? password + "-padding-" : password), "name", str(name),
                    "marketingOptIn", "true");
            return attack("POST /api/customers", "POST", "/api/customers", null, Mutated.json(body, "odd name"),
                    Expect.answered());
        });
    }

    @Property(tries = 60, shrinking = ShrinkingMode.OFF)
    void loginRefusesEverythingButTheRightPassword(@ForAll("badLogins") Attack attack) {
        attack.run();
    }

    @Provide
    Arbitrary<Attack> badLogins() {
        Arbitrary<String> emails = Arbitraries.oneOf(Arbitraries.of(victim.customer.email(), "admin@shop.local",
                victim.customer.email().toUpperCase(Locale.ROOT), victim.customer.email() + "\u0000"),
                Hostile.strings());
        Arbitrary<String> passwords = Arbitraries.oneOf(Arbitraries.of("' OR '1'='1", "admin' --", "*", "%",
                victim.customer.password() + " ", victim.customer.password().toUpperCase(Locale.ROOT), "a".repeat(73)),
                Hostile.strings());
        Arbitrary<Mutated> bodies = Combinators.combine(emails, passwords).as((email, password) ->
                Mutated.json(JsonText.obj("email", str(email), "password", str(password)), "wrong credentials"));
        Arbitrary<Mutated> broken = Hostile.brokenBodies().map(b -> new Mutated(b.bytes(), b.contentType(), b.what()));
        return Arbitraries.frequencyOf(Tuple.of(5, bodies), Tuple.of(1, broken))
                .map(body -> attack("POST /api/auth/token", "POST", "/api/auth/token", null, body, Expect.refused()));
    }

    @Property(tries = 60, shrinking = ShrinkingMode.OFF)
    void profileRefusesInvalidNames(@ForAll("invalidProfiles") Attack attack) {
        attack.run();
    }

    @Provide
    Arbitrary<Attack> invalidProfiles() {
        var shape = new BodyShape(new BodyShape.Field("name", str("Victor Victim"), false, true, java.util.List.of(
                str(""), str("   "), str("a".repeat(101)), str("Eve\u0000"), str("Eve\nAdmin"), str("\t"), str("\u0007"))));
        Arbitrary<Attack> victims = shape.refused().map(body -> attack("PATCH /api/customers/me", "PATCH",
                "/api/customers/me", victim.customer.token(), body, Expect.refused()));
        // Anything at all on the attacker's own profile: never a failure, errors as problems.
        Arbitrary<Attack> own = shape.noisy().map(body -> attack("PATCH /api/customers/me", "PATCH",
                "/api/customers/me", victim.attacker.token(), body, Expect.answered()));
        // Other customers' profiles are not there for the attacker.
        Arbitrary<Attack> others = Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.just(victim.customer.id())),
                        Tuple.of(1, Arbitraries.just(victim.customer.id().toUpperCase(Locale.ROOT))),
                        Tuple.of(2, Hostile.pathSegments().filter(s -> !s.equals("me"))))
                .map(id -> Attack.on("GET /api/customers/{id}", "GET", "/api/customers/" + id)
                        .bearer(victim.attacker.token()).expect(Expect.refused()).what("someone else's id: " + id).build());
        return Arbitraries.frequencyOf(Tuple.of(3, victims), Tuple.of(2, own), Tuple.of(2, others));
    }

    @Property(tries = 150, shrinking = ShrinkingMode.OFF)
    void addressBookRefusesInvalidAddressesAndOtherCustomersIds(@ForAll("addressAttacks") Attack attack) {
        attack.run();
    }

    @Provide
    Arbitrary<Attack> addressAttacks() {
        var shape = new BodyShape(
                required("label", str("Work"), str(""), str(" "), str("a".repeat(51)), str("\u0000")),
                required("name", str("Victor Victim"), str(""), str("a".repeat(101)), str("a\u0007")),
                required("line1", str("2 Side Street"), str(""), str("a".repeat(201)), str("\u0000x")),
                optional("line2", str("Floor 2"), str("a".repeat(201)), str("\u0001")),
                required("city", str("Utrecht"), str(""), str("a".repeat(101))),
                required("postalCode", str("3511 AB"), str(""), str("1".repeat(21)), str("35<11"), str("' OR 1=1"),
                        str("../.."), str("\u0000")),
                required("country", str("NL"), str("XX"), str("GBR"), str(""), str("N"), str("1L"), str("ZZ")),
                optional("phone", str("+31 30 123 4567"), str("12"), str("abc"), str("+" + "1".repeat(31)),
                        str("+31\u0000")),
                optional("defaultShipping", "false", str("maybe")));
        String addresses = "/api/customers/me/addresses";
        String own = addresses + "/" + victim.addressId;
        Arbitrary<Attack> create = shape.refused().map(body -> attack("POST /api/customers/me/addresses", "POST",
                addresses, victim.customer.token(), body, Expect.refused()));
        Arbitrary<Attack> replace = shape.refused().map(body -> attack("PUT /api/customers/me/addresses/{id}", "PUT",
                own, victim.customer.token(), body, Expect.refused()));
        Arbitrary<Attack> someoneElses = Arbitraries.of("PUT", "DELETE").map(method -> attack(
                method + " /api/customers/me/addresses/{id}", method, own, victim.attacker.token(),
                method.equals("PUT") ? Mutated.json(shape.valid(), "someone else's address") : null, Expect.refused(404)));
        Arbitrary<Attack> hostileIds = Combinators.combine(Arbitraries.of("PUT", "DELETE"), Hostile.pathSegments())
                .as((method, id) -> attack(method + " /api/customers/me/addresses/{id}", method, addresses + "/" + id,
                        victim.customer.token(), method.equals("PUT") ? Mutated.json(shape.valid(), "id " + id) : null,
                        Expect.refused()));
        return Arbitraries.frequencyOf(Tuple.of(4, create), Tuple.of(3, replace), Tuple.of(1, someoneElses),
                Tuple.of(2, hostileIds));
    }

    @Property(tries = 80, shrinking = ShrinkingMode.OFF)
    void preferencesRefuseInvalidStates(@ForAll("invalidPreferences") Attack attack) {
        attack.run();
    }

    @Provide
    Arbitrary<Attack> invalidPreferences() {
        String all = "[{\"topic\":\"ACCOUNT\",\"channels\":[\"EMAIL\"]},{\"topic\":\"ORDER_UPDATES\",\"channels\":[\"EMAIL\"]},"
                + "{\"topic\":\"CART_REMINDERS\",\"channels\":[\"EMAIL\"]},{\"topic\":\"SURVEYS\",\"channels\":[\"EMAIL\"]}]";
        var shape = new BodyShape(
                required("marketingOptIn", "false", str("maybe"), str("yes")),
                requiredStructure("subscriptions", all, str("x"), "{}", "1",
                        "[{\"topic\":\"HACKER\",\"channels\":[\"EMAIL\"]}]",
                        "[{\"topic\":\"ACCOUNT\",\"channels\":[\"PIGEON\"]}]",
                        "[{\"topic\":\"ACCOUNT\",\"channels\":[\"EMAIL\"]},{\"topic\":\"ACCOUNT\",\"channels\":[]}]",
                        "[{\"topic\":\"ACCOUNT\"}]", "[{\"topic\":null,\"channels\":[]}]", "[{\"channels\":[\"EMAIL\"]}]",
                        "[{\"topic\":\"ACCOUNT\",\"channels\":\"EMAIL\"}]", "[{\"topic\":\"ACCOUNT\",\"channels\":[null]}]",
                        "[null]", "[{\"topic\":\"ACCOUNT\",\"channels\":[\"EMAIL\\u0000\"]}]",
                        "[{\"topic\":\"ACCOUNT\\u0000\",\"channels\":[\"EMAIL\"]}]", "[{\"topic\":{},\"channels\":[]}]"));
        return shape.refused().map(body -> attack("PUT /api/customers/me/preferences", "PUT",
                "/api/customers/me/preferences", victim.customer.token(), body, Expect.refused()));
    }

    @Property(tries = 100, shrinking = ShrinkingMode.OFF)
    void unsubscribeRefusesUnknownTokensAndTopics(@ForAll("unsubscribeAttacks") Attack attack) {
        attack.run();
    }

    @Provide
    Arbitrary<Attack> unsubscribeAttacks() {
        String path = "/api/customers/unsubscribe";
        Arbitrary<String> badTopics = Arbitraries.oneOf(Arbitraries.of("HACKER", "", "%00", "SURVEYS%00",
                        "SURVEYS%0d%0a" + Findings.INJECTED_HEADER + ":%201", "ALL;", "SURVEYS,ACCOUNT", "%2e%2e%2f"),
                Hostile.queryValues()).filter(topic -> !TOPICS.contains(decoded(topic)));
        Arbitrary<String> badTokens = Arbitraries.oneOf(Arbitraries.of("u_", "u_" + "A".repeat(32),
                        victim.unsubscribeToken + "x", victim.unsubscribeToken.substring(0, 10),
                        victim.unsubscribeToken.toLowerCase(Locale.ROOT), "%25", victim.customer.token()),
                Hostile.queryValues()).filter(token -> !victim.unsubscribeToken.equals(urlDecoded(token)));
        // The victim's real token with a topic that does not exist: 400, and nothing turned off.
        Arbitrary<Attack> realTokenBadTopic = Combinators.combine(Arbitraries.of("GET", "POST"), badTopics)
                .as((method, topic) -> attack(method + " /api/customers/unsubscribe", method,
                        path + "?token=" + victim.unsubscribeToken + "&topic=" + topic, null, null, Expect.refused()));
        Arbitrary<Attack> unknownToken = Combinators.combine(Arbitraries.of("GET", "POST"), badTokens,
                        Arbitraries.of("SURVEYS", "ALL", "CART_REMINDERS"))
                .as((method, token, topic) -> attack(method + " /api/customers/unsubscribe", method,
                        path + "?token=" + token + "&topic=" + topic, null, null, Expect.refused()));
        Arbitrary<Attack> bodies = Combinators.combine(badTokens, badTopics, Arbitraries.of(true, false),
                        Arbitraries.of(true, false))
                .as((token, topic, realToken, json) -> {
                    String t = realToken ? victim.unsubscribeToken : token;
                    String tp = realToken ? topic : "SURVEYS";
                    Mutated body = json
                            ? Mutated.json(JsonText.obj("token", str(urlDecoded(t)), "topic", str(urlDecoded(tp))),
                                    "JSON body, " + (realToken ? "real token" : "unknown token"))
                            : new Mutated(("token=" + t + "&topic=" + tp).getBytes(StandardCharsets.UTF_8),
                                    "application/x-www-form-urlencoded", "form body, " + (realToken ? "real token" : "unknown token"));
                    return attack("POST /api/customers/unsubscribe", "POST", path, null, body, Expect.refused());
                });
        Arbitrary<Attack> missing = Arbitraries.of("", "?token=", "?topic=SURVEYS", "?token=" + victim.unsubscribeToken,
                        "?token=" + victim.unsubscribeToken + "&topic=", "?token&topic")
                .map(query -> attack("POST /api/customers/unsubscribe", "POST", path + query, null, null, Expect.refused()));
        return Arbitraries.frequencyOf(Tuple.of(3, realTokenBadTopic), Tuple.of(3, unknownToken), Tuple.of(2, bodies),
                Tuple.of(1, missing));
    }

    @Property(tries = 80, shrinking = ShrinkingMode.OFF)
    void surveyRefusesInvalidAnswersAndUnknownTokens(@ForAll("surveyAttacks") Attack attack) {
        attack.run();
    }

    @Provide
    Arbitrary<Attack> surveyAttacks() {
        var shape = new BodyShape(
                required("score", "9", "-1", "11", "1e400", str("ten"), "2147483648", "-2147483649"),
                optional("comment", str("Fine."), str("a".repeat(2_001)), "{}", "[]"));
        Arbitrary<Attack> answers = shape.refused().map(body -> attack("POST /api/surveys/{token}", "POST",
                victim.surveyPath, null, body, Expect.refused()));
        Arbitrary<Attack> unknown = Combinators.combine(Arbitraries.of("GET", "POST"), Hostile.pathSegments())
                .as((method, token) -> attack(method + " /api/surveys/{token}", method, "/api/surveys/" + token, null,
                        method.equals("POST") ? Mutated.json("{\"score\":9}", "unknown survey") : null, Expect.refused()));
        Arbitrary<Attack> lookalike = Arbitraries.of(victim.surveyPath + "x", victim.surveyPath.toUpperCase(Locale.ROOT),
                        victim.surveyPath.substring(0, victim.surveyPath.length() - 3), victim.surveyPath + "%00")
                .map(path -> attack("POST /api/surveys/{token}", "POST", path, null,
                        Mutated.json("{\"score\":9}", "a token like the real one"), Expect.refused()));
        return Arbitraries.frequencyOf(Tuple.of(5, answers), Tuple.of(3, unknown), Tuple.of(1, lookalike));
    }

    @Property(tries = 60, shrinking = ShrinkingMode.OFF)
    void loyaltyAndNotificationReadsAnswerHostileParameters(@ForAll("readAttacks") Attack attack) {
        attack.run();
    }

    @Provide
    Arbitrary<Attack> readAttacks() {
        Arbitrary<Attack> ledger = Hostile.queries("page", "size").map(q -> read("GET /api/customers/me/loyalty/ledger",
                "/api/customers/me/loyalty/ledger" + q, victim.customer.token()));
        Arbitrary<Attack> account = Hostile.queries("page", "size", "customerId").map(q ->
                read("GET /api/customers/me/loyalty", "/api/customers/me/loyalty" + q, victim.customer.token()));
        Arbitrary<Attack> notifications = Hostile.queries("page", "size", "customerId").map(q ->
                read("GET /api/customers/me/notifications", "/api/customers/me/notifications" + q, victim.customer.token()));
        Arbitrary<Attack> subPaths = Hostile.pathSegments().map(segment -> Attack.on(
                "GET /api/customers/me/notifications/**", "GET", "/api/customers/me/notifications/" + segment)
                .bearer(victim.attacker.token()).expect(Expect.refused()).what("sub-path " + segment).build());
        return Arbitraries.oneOf(ledger, account, notifications, subPaths);
    }

    @Property(tries = 80, shrinking = ShrinkingMode.OFF)
    void backOfficeLoyaltyRefusesInvalidAdjustments(@ForAll("adjustmentAttacks") Attack attack) {
        attack.run();
    }

    @Provide
    Arbitrary<Attack> adjustmentAttacks() {
        var shape = new BodyShape(
                required("points", "5", "0", str("ten"), "1e400", "99999999999999999999", "-1000000000"),
                required("reason", str("Goodwill"), str(""), str("   ")),
                optional("adjustmentId", str(UUID.randomUUID().toString())));
        String path = "/api/admin/loyalty/" + victim.customer.id() + "/adjustments";
        Arbitrary<Attack> invalid = shape.refused().map(body -> attack("POST /api/admin/loyalty/{customerId}/adjustments",
                "POST", path, victim.admin, body, Expect.refused()));
        Arbitrary<Attack> notAdmin = Arbitraries.just(attack("POST /api/admin/loyalty/{customerId}/adjustments", "POST",
                path, victim.attacker.token(), Mutated.json(JsonText.obj("points", "100000", "reason", str("Mine"),
                        "adjustmentId", str(UUID.randomUUID().toString())), "a customer adjusts"), Expect.refused(403)));
        Arbitrary<Attack> accounts = Combinators.combine(Hostile.pathSegments(), Hostile.queries("page", "size"))
                .as((id, q) -> read("GET /api/admin/loyalty/{customerId}", "/api/admin/loyalty/" + id + q, victim.admin));
        Arbitrary<Attack> hostileTargets = Hostile.pathSegments().map(id -> attack(
                "POST /api/admin/loyalty/{customerId}/adjustments", "POST", "/api/admin/loyalty/" + id + "/adjustments",
                victim.admin, Mutated.json(JsonText.obj("points", "0", "reason", str("")), "unknown customer " + id),
                Expect.refused()));
        return Arbitraries.frequencyOf(Tuple.of(5, invalid), Tuple.of(1, notAdmin), Tuple.of(2, accounts),
                Tuple.of(1, hostileTargets));
    }

    @Property(tries = 80, shrinking = ShrinkingMode.OFF)
    void backOfficeCustomerSearchFindsOnlyCustomersWhoseAddressContainsTheText(
            @ForAll("customerSearches") Attack attack) {
        attack.run();
    }

    @Provide
    Arbitrary<Attack> customerSearches() {
        Arbitrary<Attack> searches = Arbitraries.oneOf(Hostile.queryValues(), Arbitraries.of("%25", "_", "%25%25",
                        "%5C", "%5C%25", "*", "%27", "a%25b")).map(value -> {
            // What the service reads as the e-mail parameter: up to an unencoded '&', then decoded.
            String needle = urlDecoded(value.split("&", -1)[0]).toLowerCase(Locale.ROOT);
            return Attack.on("GET /api/admin/customers", "GET", "/api/admin/customers?email=" + value)
                    .bearer(victim.admin).expect(Expect.answered()).what("e-mail contains " + Findings.abbreviate(needle, 40))
                    .semantic(answer -> everyEmailContains(answer, needle)).build();
        });
        // A target that is not a URI at all (a lone %, %zz) is refused as such by the gateway, before anyone asks
        // who is calling; any other is the back office's, and a customer gets 403 (or 414 when it is too long).
        Arbitrary<Attack> notAdmin = Hostile.queryValues().map(value -> Attack.on("GET /api/admin/customers", "GET",
                "/api/admin/customers?email=" + value).bearer(victim.attacker.token())
                .expect(isUri("/api/admin/customers?email=" + value) ? Expect.refused(403, 414) : Expect.refused(400, 414))
                .what("a customer searches customers").build());
        return Arbitraries.frequencyOf(Tuple.of(5, searches), Tuple.of(1, notAdmin));
    }

    @Property(tries = 60, shrinking = ShrinkingMode.OFF)
    void backOfficeSurveyReportsAnswerHostilePeriods(@ForAll("surveyReports") Attack attack) {
        attack.run();
    }

    @Provide
    Arbitrary<Attack> surveyReports() {
        Arbitrary<Attack> nps = Hostile.queries("from", "to").map(q -> read("GET /api/admin/surveys/nps",
                "/api/admin/surveys/nps" + q, victim.admin));
        Arbitrary<Attack> responses = Hostile.queries("from", "to", "page", "size").map(q ->
                read("GET /api/admin/surveys/responses", "/api/admin/surveys/responses" + q, victim.admin));
        return Arbitraries.oneOf(nps, responses);
    }

    private static boolean everyEmailContains(RawHttp.Answer answer, String needle) {
        JsonNode found = ShopApi.JSON.readTree(answer.text());
        String trimmed = needle.trim();
        for (JsonNode customer : found) {
            String email = customer.path("email").asString("").toLowerCase(Locale.ROOT);
            if (!email.contains(needle) && !email.contains(trimmed)) {
                return false;
            }
        }
        return true;
    }

    /** The topic a server would see: decoded, trimmed, upper case. */
    static String decoded(String wire) {
        return urlDecoded(wire).trim().toUpperCase(Locale.ROOT);
    }

    private static boolean isUri(String target) {
        try {
            new URI(target);
            return true;
        }
        catch (URISyntaxException ex) {
            return false;
        }
    }

    static String urlDecoded(String wire) {
        try {
            return URLDecoder.decode(wire, StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            return wire;
        }
    }

    static Attack read(String endpoint, String target, String token) {
        return Attack.on(endpoint, "GET", target).bearer(token).expect(Expect.answered()).what("hostile parameters")
                .build();
    }

    static Attack attack(String endpoint, String method, String target, String token, Mutated body, Expect expect) {
        var builder = Attack.on(endpoint, method, target).bearer(token).expect(expect);
        if (body != null) {
            builder.body(body.bytes(), body.contentType()).what(body.what());
        }
        else {
            builder.what(target);
        }
        return builder.build();
    }
}
