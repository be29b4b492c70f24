package com.example.shop.e2e;

import static com.example.shop.e2e.ShopApi.get;
import static com.example.shop.e2e.ShopApi.post;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.shop.e2e.ShopApi.Customer;
import com.example.shop.e2e.ShopApi.Response;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The customer the bad-input suite attacks, with everything a request could change: a profile, an address, an
 * order awaiting shipment and a delivered one (so returns, cancellations and the survey can be attempted), a cart
 * with a line, a guest cart, loyalty points, preferences, e-mails. Plus an attacker (a second real customer), a
 * product and category of the suite's own, and a random {@link #marker} that every refused write carries.
 *
 * <p>{@link #assertUntouched()} compares everything against the snapshot taken once the set-up settled: what a
 * refused request might have written shows up there. Built once per test JVM (the set-up places, ships and
 * delivers orders, which takes seconds).
 */
final class Victim {

    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final Pattern SURVEY_LINK = Pattern.compile("https?://[^\\s\"'<>]*/api/surveys/[A-Za-z0-9_\\-]+");
    private static final Pattern UNSUBSCRIBE_TOKEN = Pattern.compile("/api/customers/unsubscribe\\?token=([A-Za-z0-9_\\-]+)");
    private static Victim instance;

    /** Lower-case letters only, so it survives search tokenising; found in no name but the suite's refused writes. */
    final String marker;
    final String admin;
    final Customer customer;
    final Customer attacker;
    final String categoryId;
    final String productId;
    final String confirmedOrderId;
    final String deliveredOrderId;
    final int deliveredLineNo;
    final String addressId;
    final String surveyPath;
    final String unsubscribeToken;
    final String guestCartToken;
    private final Map<String, String> snapshot;

    static synchronized Victim shared() {
        if (instance == null) {
            instance = new Victim();
        }
        return instance;
    }

    private Victim() {
        var random = new Random();
        marker = "zq" + random.ints(10, 'a', 'z' + 1).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append);
        admin = ShopApi.adminToken();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        categoryId = CatalogueAdmin.category(admin, "bad-input-" + suffix, "Bad input " + suffix).get("id").asString();
        productId = CatalogueAdmin.product(admin, categoryId, "Target kettle " + suffix, "Acme", Map.of("colour", "red"),
                "10.00", 100).get("id").asString();
        customer = Customer.registerNew("Victor Victim");
        attacker = Customer.registerNew("Mallory Attacker");

        Response address = post("/api/customers/me/addresses", customer.token(), Map.of("label", "Home",
                "name", "Victor Victim", "line1", "1 Main Street", "city", "Utrecht", "postalCode", "3511 AB",
                "country", "NL"));
        require(address, 201, "address");
        addressId = address.body().get("id").asString();

        confirmedOrderId = orderOf(Map.of(productId, 1), "CONFIRMED");
        deliveredOrderId = orderOf(Map.of(productId, 2), "CONFIRMED");
        BackOffice.ship(admin, deliveredOrderId);
        JsonNode delivered = BackOffice.deliver(admin, deliveredOrderId);
        deliveredLineNo = delivered.get("items").get(0).get("lineNo").asInt();

        awaitEmptyCart();
        require(post("/api/cart/items", customer.token(), Map.of("productId", productId, "quantity", 3)), 200, "cart");
        Response guest = post("/api/cart/items", null, Map.of("productId", productId, "quantity", 2));
        require(guest, 200, "guest cart");
        guestCartToken = guest.header("X-Cart-Token");

        surveyPath = URI.create(awaitLink(SURVEY_LINK)).getPath();
        unsubscribeToken = awaitUnsubscribeToken();
        await("loyalty points of both orders").atMost(SETTLE).pollInterval(Duration.ofMillis(500))
                .until(() -> get("/api/customers/me/loyalty", customer.token()).body().path("points").asLong() == 30);
        // The mails of every step have been recorded once the count holds still for a while.
        await("notifications settle").atMost(SETTLE).pollInterval(Duration.ofSeconds(1))
                .until(new java.util.concurrent.Callable<Boolean>() {
                    private int last = -1;
                    private int stable;

                    @Override
                    public Boolean call() {
                        int count = notificationCount();
                        stable = count == last ? stable + 1 : 0;
                        last = count;
                        return stable >= 3;
                    }
                });
        snapshot = state();
    }

    private String orderOf(Map<String, Integer> lines, String expected) {
        awaitEmptyCart();
        JsonNode order = BackOffice.placeOrder(customer, lines, "tok_visa");
        if (!expected.equals(order.get("status").asString())) {
            throw new IllegalStateException("the victim's order is " + order);
        }
        return order.get("id").asString();
    }

    private void awaitEmptyCart() {
        await("the victim's cart is cleared").atMost(SETTLE).pollInterval(Duration.ofMillis(300))
                .until(() -> get("/api/cart", customer.token()).body().path("items").isEmpty());
    }

    private String awaitLink(Pattern pattern) {
        var found = new String[1];
        await("a mail with " + pattern).atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).until(() -> {
            for (MailInbox.Mail mail : MailInbox.messagesFor(customer.email())) {
                Matcher matcher = pattern.matcher(mail.body());
                if (matcher.find()) {
                    found[0] = matcher.group();
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private String awaitUnsubscribeToken() {
        String link = awaitLink(UNSUBSCRIBE_TOKEN);
        Matcher matcher = UNSUBSCRIBE_TOKEN.matcher(link);
        if (!matcher.find()) {
            throw new IllegalStateException("no unsubscribe token in " + link);
        }
        return matcher.group(1);
    }

    private int notificationCount() {
        JsonNode body = get("/api/customers/me/notifications", customer.token()).body();
        return (body.isArray() ? body : body.path("content")).size();
    }

    /**
     * Everything the suite's requests could have changed, reduced to what must stay equal (the shipment's tracking
     * and the history of the delivered order may still grow from the carrier's polling, so they are left out).
     */
    private Map<String, String> state() {
        var state = new LinkedHashMap<String, String>();
        state.put("profile", read("/api/customers/me", customer.token()).toString());
        state.put("addresses", read("/api/customers/me/addresses", customer.token()).toString());
        state.put("preferences", read("/api/customers/me/preferences", customer.token()).toString());
        state.put("orders", orderSummary(read("/api/orders", customer.token())));
        state.put("confirmed order", orderDetail(read("/api/orders/" + confirmedOrderId, customer.token())));
        state.put("delivered order", orderDetail(read("/api/orders/" + deliveredOrderId, customer.token())));
        state.put("cart", read("/api/cart", customer.token()).toString());
        state.put("guest cart", guestCart());
        state.put("loyalty", pick(read("/api/customers/me/loyalty", customer.token()), "points", "held", "available",
                "tier"));
        state.put("ledger", read("/api/customers/me/loyalty/ledger?size=100", customer.token()).path("items").toString());
        state.put("notifications", String.valueOf(notificationCount()));
        state.put("survey", pick(read(surveyPath, null), "answered", "orderId"));
        state.put("product", pick(read("/api/products/" + productId, null), "name", "description", "brand", "status",
                "price", "listPrice", "salePrice", "available", "attributes", "categoryId", "weightGrams", "variants"));
        state.put("stock", read("/api/products/variants/" + productId + "/stock", admin).toString());
        state.put("category", read("/api/products/categories/" + categoryId, null).toString());
        state.put("products with the marker", read("/api/products?q=" + marker, admin).path("page")
                .path("totalElements").toString());
        state.put("categories with the marker",
                String.valueOf(read("/api/products/categories", null).toString().toLowerCase().contains(marker)));
        state.put("customers with the marker", read("/api/admin/customers?email=" + marker, admin).toString());
        state.put("attacker's orders", read("/api/orders", attacker.token()).toString());
        state.put("attacker's cart", read("/api/cart", attacker.token()).toString());
        state.put("attacker's loyalty", pick(read("/api/customers/me/loyalty", attacker.token()), "points", "held"));
        state.put("victim's loyalty account (admin)",
                pick(read("/api/admin/loyalty/" + customer.id(), admin).path("account"), "points", "held", "available"));
        return state;
    }

    private String guestCart() {
        Response response = ShopApi.send("GET", "/api/cart", null, null, Map.of("X-Cart-Token", guestCartToken));
        return response.status() + " " + response.body();
    }

    /** Fails (as a finding) when anything the suite attacked has changed since the set-up. */
    void assertUntouched() {
        Map<String, String> now = state();
        List<String> changes = new ArrayList<>();
        snapshot.forEach((what, before) -> {
            String after = now.get(what);
            if (!before.equals(after)) {
                changes.add(what + ": was " + Findings.abbreviate(before, 800) + "\n    now " + Findings.abbreviate(after, 800));
            }
        });
        if (!changes.isEmpty()) {
            // The next property is judged against what is there now, so one write is reported once, not by every
            // property after it.
            snapshot.clear();
            snapshot.putAll(now);
            Findings.stateChanged("the victim's state", String.join("\n  ", changes));
        }
    }

    private static JsonNode read(String path, String token) {
        Response response = get(path, token);
        if (response.status() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.status() + " " + response.raw().body());
        }
        return response.body();
    }

    private static String orderSummary(JsonNode orders) {
        var out = new ArrayList<String>();
        orders.forEach(order -> out.add(order.path("id").asString() + ":" + order.path("status").asString()));
        return out.toString();
    }

    private static String orderDetail(JsonNode order) {
        return pick(order, "status", "pendingAction", "items", "total", "amountDue", "returns", "cancelledBy",
                "shippingAddress");
    }

    private static String pick(JsonNode node, String... fields) {
        ObjectNode picked = ShopApi.JSON.createObjectNode();
        for (String field : fields) {
            picked.set(field, node.path(field));
        }
        return picked.toString();
    }

    private static void require(Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException("cannot set up " + what + ": " + response.status() + " " + response.raw().body());
        }
    }
}
