package com.example.shop.e2e;

import static com.example.shop.e2e.BackOffice.amount;
import static com.example.shop.e2e.ShopApi.get;
import static com.example.shop.e2e.ShopApi.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.example.shop.e2e.ShopApi.Customer;
import com.example.shop.e2e.ShopApi.Response;

import tools.jackson.databind.JsonNode;

/**
 * What happens around the orders: the e-mails a customer gets (with the content they need), loyalty points
 * earned and redeemed, the satisfaction survey, unsubscribing, and closing the account.
 */
class CustomerRelationshipE2ETests {

    private static final Duration MAIL = Duration.ofSeconds(60);
    private static final Pattern SURVEY_LINK = Pattern.compile("https?://[^\\s\"'<>]*/api/surveys/[A-Za-z0-9_\\-]+");
    private static final Pattern UNSUBSCRIBE_LINK =
            Pattern.compile("https?://[^\\s\"'<>]*/api/customers/unsubscribe\\?[^\\s\"'<>]+");

    private static String admin;

    @BeforeAll
    static void logInAsAdmin() {
        admin = ShopApi.adminToken();
    }

    @Test
    void customerGetsAnEmailForEveryStepWithWhatTheyNeedToKnow() {
        var customer = Customer.registerNew("Ada Byron");
        awaitMail(customer, "welcome", mail -> assertThat(mail.body()).contains("Ada Byron"));

        String productId = Products.create(admin, "Copper pan", "48.00", 5).get("id").asString();
        JsonNode order = BackOffice.placeOrder(customer, Map.of(productId, 2), "tok_visa");
        String orderId = order.get("id").asString();
        awaitMail(customer, "confirmed", mail -> assertThat(mail.body()).contains("96.00").contains("Copper pan"));

        JsonNode shipped = BackOffice.ship(admin, orderId);
        String tracking = shipped.get("shipment").get("trackingNumber").asString();
        awaitMail(customer, "on its way", mail -> assertThat(mail.body()).contains(tracking));

        BackOffice.deliver(admin, orderId);
        String surveyLink = awaitMail(customer, "how", mail -> assertThat(SURVEY_LINK.matcher(mail.body()).find())
                .as("a survey link in %s", mail.body()).isTrue())
                .map(mail -> first(SURVEY_LINK, mail.body())).orElseThrow();
        String surveyPath = URI.create(surveyLink).getPath();
        assertThat(get(surveyPath, null).status()).isEqualTo(200);
        Response answered = post(surveyPath, null, Map.of("score", 9, "comment", "Lovely pan, quick delivery."));
        assertThat(answered.status()).isEqualTo(201);
        assertThat(post(surveyPath, null, Map.of("score", 3)).status()).isEqualTo(409);
        JsonNode nps = get("/api/admin/surveys/nps", admin).body();
        assertThat(nps.get("responses").asInt()).isPositive();
        assertThat(nps.get("promoters").asInt()).isPositive();

        String returnId = BackOffice.requestReturn(customer, orderId, Map.of(order.get("items").get(0).get("lineNo").asInt(), 1));
        BackOffice.receiveReturn(admin, orderId, returnId, true);
        BackOffice.refundReturn(admin, orderId, returnId);
        awaitMail(customer, "refund", mail -> assertThat(mail.body()).contains("48.00"));

        // One mail per step, and the history the customer sees says the same.
        assertThat(MailInbox.messagesFor(customer.email())).hasSize(5);
        await().atMost(MAIL).untilAsserted(() -> assertThat(notifications(customer)).hasSize(5));
    }

    @Test
    void pointsEarnedAreRedeemedAtCheckoutAndComeBackWhenThePaymentIsDeclined() {
        var customer = Customer.registerNew("Grace Brewster");
        String productId = Products.create(admin, "Walnut tray", "80.00", 10).get("id").asString();
        BackOffice.placeOrder(customer, Map.of(productId, 1), "tok_visa");
        await().atMost(MAIL).untilAsserted(() -> assertThat(loyalty(customer).get("points").asLong()).isEqualTo(80));

        JsonNode declined = placeOrderRedeeming(customer, productId, 50, "tok_chargeDeclined");
        assertThat(declined.get("status").asString()).isEqualTo("REJECTED");
        await().atMost(MAIL).untilAsserted(() -> {
            JsonNode account = loyalty(customer);
            assertThat(account.get("points").asLong()).isEqualTo(80);
            assertThat(account.get("held").asLong()).isZero();
        });

        JsonNode tooMany = placeOrderRedeeming(customer, productId, 5_000, "tok_visa");
        assertThat(tooMany.get("status").asString()).isEqualTo("REJECTED");
        assertThat(tooMany.get("rejectionReason").asString()).isEqualTo("INSUFFICIENT_POINTS");

        JsonNode paid = placeOrderRedeeming(customer, productId, 50, "tok_visa");
        assertThat(paid.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(amount(paid.get("discount"))).isEqualByComparingTo("0.50");
        assertThat(amount(paid.get("amountDue"))).isEqualByComparingTo("79.50");
        assertThat(amount(BackOffice.payment(admin, paid.get("id").asString()).get("authorized")))
                .isEqualByComparingTo("79.50");
        // 80 earned − 50 redeemed + floor(79.50) earned on the second order.
        await().atMost(MAIL).untilAsserted(() -> assertThat(loyalty(customer).get("points").asLong()).isEqualTo(109));

        // Cancelling gives the redeemed points back and takes the earned ones away.
        BackOffice.cancel(customer.token(), false, paid.get("id").asString());
        await().atMost(MAIL).untilAsserted(() -> assertThat(loyalty(customer).get("points").asLong()).isEqualTo(80));
        JsonNode ledger = get("/api/customers/me/loyalty/ledger", customer.token()).body();
        assertThat(ledger.toString()).contains("EARNED", "REDEEMED", "RESTORED", "REVERSED");
    }

    @Test
    void unsubscribingFromAnEmailLinkStopsThatKindOfEmail() {
        var customer = Customer.registerNew("Ida Rhodes");
        String productId = Products.create(admin, "Tea caddy", "15.00", 5).get("id").asString();
        String first = BackOffice.placeOrder(customer, Map.of(productId, 1), "tok_visa").get("id").asString();
        BackOffice.ship(admin, first);
        BackOffice.deliver(admin, first);
        String link = awaitMail(customer, "how", mail -> assertThat(UNSUBSCRIBE_LINK.matcher(mail.body()).find()).isTrue())
                .map(mail -> first(UNSUBSCRIBE_LINK, mail.body()).replace("&amp;", "&")).orElseThrow();
        URI unsubscribe = URI.create(link);

        // A link scanner's GET changes nothing; the customer's POST does.
        assertThat(get(unsubscribe.getRawPath() + "?" + unsubscribe.getRawQuery(), null).status()).isEqualTo(200);
        assertThat(preferences(customer).toString()).contains("SURVEYS");
        Response done = post(unsubscribe.getRawPath() + "?" + unsubscribe.getRawQuery(), null, Map.of());
        assertThat(done.status()).isEqualTo(200);
        await().atMost(MAIL).untilAsserted(() -> {
            JsonNode surveys = preferences(customer).get("subscriptions").valueStream()
                    .filter(s -> s.get("topic").asString().equals("SURVEYS")).findFirst().orElse(null);
            assertThat(surveys == null || !surveys.get("channels").toString().contains("EMAIL")).isTrue();
        });

        int before = MailInbox.messagesFor(customer.email()).size();
        String second = BackOffice.placeOrder(customer, Map.of(productId, 1), "tok_visa").get("id").asString();
        BackOffice.ship(admin, second);
        BackOffice.deliver(admin, second);
        // Order mails still come (confirmed, shipped); the survey for the second order does not.
        await().atMost(MAIL).untilAsserted(() -> assertThat(MailInbox.messagesFor(customer.email())).hasSize(before + 2));
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(MailInbox.messagesFor(customer.email())).hasSize(before + 2));
    }

    @Test
    void customerExportsTheirDataThenClosesTheAccountAndIsAnonymisedEverywhere() {
        var customer = Customer.registerNew("Mary Somerville");
        Response address = post("/api/customers/me/addresses", customer.token(), Map.of("label", "Home",
                "name", "Mary Somerville", "line1", "1 Main Street", "city", "Utrecht", "postalCode", "3511 AB",
                "country", "NL"));
        assertThat(address.status()).isEqualTo(201);
        String productId = Products.create(admin, "Star atlas", "30.00", 5).get("id").asString();
        String orderId = BackOffice.placeOrder(customer, Map.of(productId, 1), "tok_visa").get("id").asString();
        post("/api/cart/items", customer.token(), Map.of("productId", productId, "quantity", 1));
        await().atMost(MAIL).untilAsserted(() -> assertThat(loyalty(customer).get("points").asLong()).isEqualTo(30));

        Response export = get("/api/customers/me/export", customer.token());
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body().get("customer").toString()).contains(customer.email(), "1 Main Street");
        List<String> services = export.body().get("services").valueStream().map(s -> s.get("service").asString()).toList();
        assertThat(services).contains("order-service", "cart-service", "loyalty-service", "notification-service");
        assertThat(export.body().get("services").toString()).contains(orderId);

        Response deleted = ShopApi.delete("/api/customers/me", customer.token());
        assertThat(deleted.status()).isIn(200, 204);

        Response login = post("/api/auth/token", null, Map.of("email", customer.email(), "password", customer.password()));
        assertThat(login.status()).isEqualTo(401);
        await().atMost(MAIL).untilAsserted(() -> {
            JsonNode order = BackOffice.order(admin, orderId, "/api/admin/orders/");
            assertThat(order.toString()).doesNotContain(customer.email()).doesNotContain("Mary Somerville");
            assertThat(get("/api/admin/customers?email=" + customer.email(), admin).body().toString())
                    .doesNotContain(customer.id());
            assertThat(get("/api/admin/loyalty/" + customer.id(), admin).body().toString())
                    .doesNotContain("EARNED");
        });
    }

    private static JsonNode placeOrderRedeeming(Customer customer, String productId, long points, String card) {
        // A confirmed order's cart is cleared by an event; start from an empty cart.
        await().atMost(MAIL).until(() -> get("/api/cart", customer.token()).body().get("items").isEmpty());
        post("/api/cart/items", customer.token(), Map.of("productId", productId, "quantity", 1));
        Map<String, Object> body = Map.of("paymentToken", card, "shippingAddress", ShopApi.shippingAddress("Grace"),
                "pointsToRedeem", points);
        Response placed = post("/api/orders", customer.token(), body,
                Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()));
        assertThat(placed.status()).as("checkout: %s", placed.raw().body()).isIn(201, 202);
        JsonNode order = BackOffice.awaitOrder(customer.token(), placed.body().get("id").asString(), "/api/orders/",
                o -> !"PENDING".equals(o.get("status").asString()));
        if (!"CONFIRMED".equals(order.get("status").asString())) {
            // The cart is kept after a rejection; empty it so the next attempt orders one unit again.
            ShopApi.delete("/api/cart", customer.token());
        }
        return order;
    }

    private static JsonNode loyalty(Customer customer) {
        Response account = get("/api/customers/me/loyalty", customer.token());
        assertThat(account.status()).isEqualTo(200);
        return account.body();
    }

    private static JsonNode preferences(Customer customer) {
        return get("/api/customers/me/preferences", customer.token()).body();
    }

    private static List<JsonNode> notifications(Customer customer) {
        JsonNode body = get("/api/customers/me/notifications", customer.token()).body();
        JsonNode list = body.isArray() ? body : body.get("content");
        return list.valueStream().toList();
    }

    /** Waits for the mail whose subject contains {@code subjectPart} (case-insensitive) and checks it. */
    private static java.util.Optional<MailInbox.Mail> awaitMail(Customer customer, String subjectPart,
            java.util.function.Consumer<MailInbox.Mail> check) {
        await().atMost(MAIL).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            MailInbox.Mail mail = mailWithSubject(customer, subjectPart)
                    .orElseThrow(() -> new AssertionError("no mail about '" + subjectPart + "' for " + customer.email()
                            + " in " + MailInbox.messagesFor(customer.email()).stream().map(MailInbox.Mail::subject).toList()));
            check.accept(mail);
        });
        return mailWithSubject(customer, subjectPart);
    }

    private static java.util.Optional<MailInbox.Mail> mailWithSubject(Customer customer, String subjectPart) {
        return MailInbox.messagesFor(customer.email()).stream()
                .filter(m -> m.subject() != null && m.subject().toLowerCase().contains(subjectPart.toLowerCase()))
                .findFirst();
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no " + pattern + " in " + text);
        }
        return matcher.group();
    }
}
