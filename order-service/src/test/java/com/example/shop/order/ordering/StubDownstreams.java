package com.example.shop.order.ordering;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Stand-ins for cart-service, catalog-service, payment-service, shipping-service and loyalty-service at their
 * HTTP boundary:
 * one real HTTP server on loopback that answers the paths order-service calls, programmable per test and
 * recording every call. Tests keep apart by using their own customers and products.
 *
 * <p>The payment stand-in keeps real running totals per order, as payment-service does: what was authorised,
 * captured (once; capturing again answers the first capture) and refunded (idempotent per refund id, never
 * above the capture: 422), and refuses what payment-service refuses (capture without an authorisation or
 * after a void, void after a capture, refund before a capture: 409).
 *
 * <p>The loyalty stand-in keeps a balance per customer ({@link #DEFAULT_POINTS} unless set) and holds per order
 * as loyalty-service does: a hold takes no more of the points asked than its {@code maxDiscount} needs, only
 * while balance − held covers them (else REJECTED), is idempotent per order id, and a release gives them back
 * once. A point is worth 0.01.
 */
final class StubDownstreams implements AutoCloseable {

    static final String DECLINED_TOKEN = "tok_chargeDeclined";
    static final String UNAVAILABLE_TOKEN = "tok_providerDown";
    /** UNAVAILABLE on the first call, AUTHORIZED afterwards: the provider authorised a timed-out request late. */
    static final String LATE_SUCCESS_TOKEN = "tok_lateSuccess";
    /** The first call takes {@link #SLOW_PAYMENT_MILLIS} and is AUTHORIZED; any later call is UNAVAILABLE at once. */
    static final String SLOW_THEN_DOWN_TOKEN = "tok_slowThenDown";
    /** payment-service refuses the request with 400, as for a contract mismatch. */
    static final String REFUSED_TOKEN = "tok_refused";
    static final long SLOW_PAYMENT_MILLIS = 3500;
    /** The authorisation hangs until {@link #releaseHangingPayments()} (at most a minute), then is AUTHORIZED. */
    static final String HANGING_TOKEN = "tok_hang";

    /** One call order-service made. */
    record Call(String method, String path, JsonNode body) {
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer server;
    private final Map<String, List<Map<String, Object>>> carts = new ConcurrentHashMap<>();
    private final Set<String> brokenCarts = ConcurrentHashMap.newKeySet();
    private final Set<UUID> outOfStock = ConcurrentHashMap.newKeySet();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile boolean catalogDown;
    private volatile boolean releasesDown;
    private volatile boolean cancelsDown;
    private final Map<String, Integer> paymentCalls = new ConcurrentHashMap<>();
    private final CountDownLatch hangingPayments = new CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicInteger paymentsHanging = new java.util.concurrent.atomic.AtomicInteger();

    /** The money of one order, as payment-service would hold it. */
    static final class Ledger {
        java.math.BigDecimal authorized;
        java.math.BigDecimal captured = java.math.BigDecimal.ZERO;
        java.math.BigDecimal refunded = java.math.BigDecimal.ZERO;
        boolean cancelled;
        /** Captures that took money (a repeated capture answers again without taking any). */
        int captures;
        final Map<String, BigDecimal> refunds = new LinkedHashMap<>();
    }

    private final Map<String, Ledger> ledgers = new ConcurrentHashMap<>();

    static final long DEFAULT_POINTS = 100_000;

    /** One hold, as loyalty-service keeps it. */
    record Hold(String customerId, long points, String status) {
    }

    private final Map<String, Long> balances = new ConcurrentHashMap<>();
    private final Map<String, Hold> holds = new ConcurrentHashMap<>();
    private volatile boolean loyaltyDown;
    private final Map<String, Map<String, Object>> shipments = new ConcurrentHashMap<>();
    private final Set<String> refusedCaptures = ConcurrentHashMap.newKeySet();
    private volatile boolean variantsDown;
    private volatile boolean shipmentsDown;
    private volatile boolean capturesDown;
    private volatile boolean refundsDown;
    private volatile boolean authorizationsDown;
    /** Milliseconds each label purchase takes, to widen races in concurrent tests. */
    private volatile long labelMillis;

    StubDownstreams() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.createContext("/", this::handle);
        // Daemon threads: a stub that is never closed (one per Spring context, cached across classes) must not keep
        // the test JVM alive after the last test.
        server.setExecutor(Executors.newFixedThreadPool(32, Thread.ofPlatform().daemon().name("stub-downstreams-", 0).factory()));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The cart that cart-service returns for this bearer token. */
    void cart(String token, List<Map<String, Object>> items) {
        carts.put("Bearer " + token, items);
    }

    static Map<String, Object> item(UUID productId, String sku, String name, int quantity, String unitPrice) {
        return Map.of("productId", productId.toString(), "sku", sku, "name", name, "quantity", quantity,
                "unitPrice", Map.of("amount", unitPrice, "currency", "EUR"));
    }

    /** cart-service answers 503 for this token's cart. */
    void breakCart(String token) {
        brokenCarts.add("Bearer " + token);
    }

    void outOfStock(UUID productId) {
        outOfStock.add(productId);
    }

    /** catalog-service answers 503 to everything while down. */
    void catalogDown(boolean down) {
        catalogDown = down;
    }

    /** catalog-service answers 503 to releases only while they are down. */
    void releasesDown(boolean down) {
        releasesDown = down;
    }

    /** payment-service answers 503 to cancels while they are down (its provider cannot be reached). */
    void cancelsDown(boolean down) {
        cancelsDown = down;
    }

    void variantsDown(boolean down) {
        variantsDown = down;
    }

    void shipmentsDown(boolean down) {
        shipmentsDown = down;
    }

    void capturesDown(boolean down) {
        capturesDown = down;
    }

    void refundsDown(boolean down) {
        refundsDown = down;
    }

    /** payment-service answers 503 to every authorisation while they are down. */
    void authorizationsDown(boolean down) {
        authorizationsDown = down;
    }

    /** Lets every authorisation with {@link #HANGING_TOKEN} answer, now and from now on. */
    void releaseHangingPayments() {
        hangingPayments.countDown();
    }

    /** Authorisations with {@link #HANGING_TOKEN} that are hanging now. */
    int paymentsHanging() {
        return paymentsHanging.get();
    }

    void loyaltyDown(boolean down) {
        loyaltyDown = down;
    }

    void points(UUID customerId, long balance) {
        balances.put(customerId.toString(), balance);
    }

    /** The order's hold in loyalty-service, or null when none was taken. */
    Hold hold(UUID orderId) {
        return holds.get(orderId.toString());
    }

    List<Call> holdRequests(UUID orderId) {
        return calls(HOLDS, orderId).stream().filter(call -> !call.path().endsWith("/release")).toList();
    }

    List<Call> pointReleases(UUID orderId) {
        return calls(HOLDS, orderId).stream().filter(call -> call.path().endsWith("/release")).toList();
    }

    void labelMillis(long millis) {
        labelMillis = millis;
    }

    /** payment-service answers 409 to the capture of this order, as when its payment was voided meanwhile. */
    void refuseCapture(UUID orderId) {
        refusedCaptures.add(orderId.toString());
    }

    Ledger ledger(UUID orderId) {
        return ledgers.computeIfAbsent(orderId.toString(), id -> new Ledger());
    }

    /** Every label bought, one per order at most. */
    Map<String, Map<String, Object>> shipments() {
        return shipments;
    }

    List<Call> calls(String pathPrefix, UUID orderId) {
        return calls.stream()
                .filter(call -> call.path().startsWith(pathPrefix))
                .filter(call -> call.path().contains(orderId.toString())
                        || (call.body() != null && orderId.toString().equals(call.body().path("orderId").asString(null))))
                .toList();
    }

    List<Call> reservations(UUID orderId) {
        return calls(RESERVATIONS, orderId).stream().filter(call -> !call.path().endsWith("/release")).toList();
    }

    List<Call> releases(UUID orderId) {
        return calls(RESERVATIONS, orderId).stream().filter(call -> call.path().endsWith("/release")).toList();
    }

    List<Call> payments(UUID orderId) {
        return calls(PAYMENTS, orderId).stream().filter(call -> !call.path().endsWith("/cancel")).toList();
    }

    List<Call> cancels(UUID orderId) {
        return calls(PAYMENTS, orderId).stream().filter(call -> call.path().endsWith("/cancel")).toList();
    }

    List<Call> captures(UUID orderId) {
        return calls(PAYMENTS, orderId).stream().filter(call -> call.path().endsWith("/capture")).toList();
    }

    List<Call> refunds(UUID orderId) {
        return calls(PAYMENTS, orderId).stream().filter(call -> call.path().endsWith("/refunds")).toList();
    }

    List<Call> labels(UUID orderId) {
        return calls(SHIPMENTS, orderId);
    }

    private static final String VARIANTS = "/internal/variants";
    private static final String SHIPMENTS = "/internal/shipments";
    static final int GRAMS_PER_UNIT = 250;

    List<Call> cartReads() {
        return calls.stream().filter(call -> call.path().equals(CART)).toList();
    }

    private static final String CART = "/api/cart";
    private static final String RESERVATIONS = "/internal/reservations";
    private static final String PAYMENTS = "/internal/payments";
    private static final String HOLDS = "/internal/loyalty/holds";

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? null : json.readTree(raw);
            calls.add(new Call(exchange.getRequestMethod(), path, body));
            if (path.equals(CART)) {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                if (brokenCarts.contains(authorization)) {
                    respond(exchange, 503, Map.of("title", "Service Unavailable"));
                    return;
                }
                respond(exchange, 200, Map.of("items", carts.getOrDefault(authorization, List.of())));
            }
            else if (path.startsWith(HOLDS)) {
                if (loyaltyDown) {
                    respond(exchange, 503, Map.of("title", "Service Unavailable"));
                }
                else if (path.endsWith("/release")) {
                    String orderId = path.split("/")[4];
                    Hold released = holds.computeIfPresent(orderId, (id, hold) -> hold.status().equals("HELD")
                            ? new Hold(hold.customerId(), hold.points(), "RELEASED") : hold);
                    respond(exchange, 200, Map.of("orderId", orderId,
                            "status", released == null || released.status().equals("REJECTED") ? "NONE" : released.status()));
                }
                else {
                    respond(exchange, 200, hold(body));
                }
            }
            else if (path.startsWith(RESERVATIONS)) {
                if (catalogDown || (releasesDown && path.endsWith("/release"))) {
                    respond(exchange, 503, Map.of("title", "Service Unavailable"));
                }
                else if (path.endsWith("/release")) {
                    String orderId = path.split("/")[3];
                    respond(exchange, 200, Map.of("orderId", orderId, "status", "RELEASED"));
                }
                else {
                    boolean available = body.path("lines").valueStream()
                            .noneMatch(line -> outOfStock.contains(UUID.fromString(line.path("productId").asString())));
                    respond(exchange, 200, Map.of("orderId", body.path("orderId").asString(),
                            "status", available ? "RESERVED" : "REJECTED"));
                }
            }
            else if (path.startsWith(PAYMENTS + "/") && path.endsWith("/cancel")) {
                if (cancelsDown) {
                    respond(exchange, 503, Map.of("title", "Service Unavailable"));
                    return;
                }
                String orderId = path.split("/")[3];
                Ledger ledger = ledger(UUID.fromString(orderId));
                synchronized (ledger) {
                    if (ledger.captures > 0) {
                        respond(exchange, 409, Map.of("title", "Conflict", "detail", "already captured"));
                        return;
                    }
                    ledger.cancelled = true;
                }
                respond(exchange, 200, Map.of("orderId", orderId, "status", "CANCELLED"));
            }
            else if (path.startsWith(PAYMENTS + "/") && path.endsWith("/capture")) {
                String orderId = path.split("/")[3];
                if (capturesDown) {
                    respond(exchange, 503, Map.of("title", "Service Unavailable"));
                    return;
                }
                Ledger ledger = ledger(UUID.fromString(orderId));
                synchronized (ledger) {
                    if (refusedCaptures.contains(orderId) || ledger.authorized == null || ledger.cancelled) {
                        respond(exchange, 409, Map.of("title", "Conflict", "detail", "nothing to capture"));
                        return;
                    }
                    if (ledger.captures == 0) {
                        ledger.captured = ledger.authorized;
                        ledger.captures++;
                    }
                    respond(exchange, 200, Map.of("orderId", orderId, "paymentId", "pay_" + orderId,
                            "status", "CAPTURED", "captured", Map.of("amount", ledger.captured.toPlainString(),
                                    "currency", "EUR")));
                }
            }
            else if (path.startsWith(PAYMENTS + "/") && path.endsWith("/refunds")) {
                String orderId = path.split("/")[3];
                if (refundsDown) {
                    respond(exchange, 503, Map.of("title", "Service Unavailable"));
                    return;
                }
                Ledger ledger = ledger(UUID.fromString(orderId));
                String refundId = body.path("refundId").asString();
                var amount = new java.math.BigDecimal(body.path("amount").path("amount").asString());
                synchronized (ledger) {
                    if (ledger.captures == 0) {
                        respond(exchange, 409, Map.of("title", "Conflict", "detail", "not captured"));
                        return;
                    }
                    if (!ledger.refunds.containsKey(refundId)) {
                        if (ledger.refunded.add(amount).compareTo(ledger.captured) > 0) {
                            respond(exchange, 422, Map.of("title", "Unprocessable", "detail", "above the capture"));
                            return;
                        }
                        ledger.refunds.put(refundId, amount);
                        ledger.refunded = ledger.refunded.add(amount);
                    }
                    respond(exchange, 200, Map.of("orderId", orderId, "paymentId", "pay_" + orderId,
                            "refundId", refundId, "status", "REFUNDED",
                            "amount", Map.of("amount", ledger.refunds.get(refundId).toPlainString(), "currency", "EUR"),
                            "totalRefunded", Map.of("amount", ledger.refunded.toPlainString(), "currency", "EUR")));
                }
            }
            else if (path.equals(VARIANTS)) {
                if (catalogDown || variantsDown) {
                    respond(exchange, 503, Map.of("title", "Service Unavailable"));
                    return;
                }
                String ids = exchange.getRequestURI().getQuery().replaceFirst("^ids=", "");
                respond(exchange, 200, java.util.Arrays.stream(ids.split(","))
                        .map(id -> Map.of("variantId", id, "productId", id, "sku", "SKU", "weightGrams", GRAMS_PER_UNIT))
                        .toList());
            }
            else if (path.equals(SHIPMENTS)) {
                if (shipmentsDown) {
                    respond(exchange, 503, Map.of("title", "Service Unavailable"));
                    return;
                }
                if ("XX".equals(body.path("address").path("country").asString())) {
                    respond(exchange, 422, Map.of("title", "Unprocessable", "detail", "no carrier serves XX"));
                    return;
                }
                if (labelMillis > 0) {
                    pause(labelMillis);
                }
                String orderId = body.path("orderId").asString();
                Map<String, Object> shipment = shipments.computeIfAbsent(orderId, id -> Map.of(
                        "shipmentId", UUID.randomUUID().toString(), "orderId", id, "carrier", "PARCELCO",
                        "service", "STANDARD", "trackingNumber", "PC" + Math.abs(id.hashCode()) + "NL",
                        "trackingUrl", "http://carrier/track/PC" + Math.abs(id.hashCode()) + "NL",
                        "status", "LABEL_CREATED", "weightGrams", body.path("weightGrams").asInt()));
                respond(exchange, 200, shipment);
            }
            else if (path.equals(PAYMENTS) && authorizationsDown) {
                respond(exchange, 503, Map.of("title", "Service Unavailable"));
            }
            else if (path.equals(PAYMENTS)) {
                String token = body.path("paymentToken").asString();
                int call = paymentCalls.merge(body.path("orderId").asString(), 1, Integer::sum);
                if (REFUSED_TOKEN.equals(token) || new java.math.BigDecimal(body.path("amount").path("amount").asString()).signum() <= 0) {
                    // payment-service refuses a zero amount (and anything else invalid) with 400
                    respond(exchange, 400, Map.of("title", "Bad Request"));
                    return;
                }
                if (HANGING_TOKEN.equals(token)) {
                    paymentsHanging.incrementAndGet();
                    try {
                        hangingPayments.await(60, TimeUnit.SECONDS);
                    }
                    catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                    finally {
                        paymentsHanging.decrementAndGet();
                    }
                }
                if (SLOW_THEN_DOWN_TOKEN.equals(token) && call == 1) {
                    pause(SLOW_PAYMENT_MILLIS);
                }
                String status = switch (token) {
                    case DECLINED_TOKEN -> "DECLINED";
                    case UNAVAILABLE_TOKEN -> "UNAVAILABLE";
                    case LATE_SUCCESS_TOKEN -> call == 1 ? "UNAVAILABLE" : "AUTHORIZED";
                    case SLOW_THEN_DOWN_TOKEN -> call == 1 ? "AUTHORIZED" : "UNAVAILABLE";
                    default -> "AUTHORIZED";
                };
                var answer = JsonNodeFactory.instance.objectNode()
                        .put("paymentId", UUID.randomUUID().toString())
                        .put("orderId", body.path("orderId").asString())
                        .put("status", status);
                answer.put("declineCode", status.equals("DECLINED") ? "card_declined" : null);
                if (status.equals("AUTHORIZED")) {
                    Ledger ledger = ledger(UUID.fromString(body.path("orderId").asString()));
                    synchronized (ledger) {
                        ledger.authorized = new java.math.BigDecimal(body.path("amount").path("amount").asString());
                    }
                }
                respond(exchange, 200, answer);
            }
            else {
                respond(exchange, 404, Map.of("title", "Not Found"));
            }
        }
    }

    private Map<String, Object> hold(JsonNode body) {
        String orderId = body.path("orderId").asString();
        String customerId = body.path("customerId").asString();
        long asked = body.path("points").asLong();
        JsonNode maxDiscount = body.path("maxDiscount");
        // As loyalty-service does: no more points than the total needs (ceil, at 0.01 a point exact for cents).
        long points = maxDiscount.isMissingNode() || maxDiscount.isNull() ? asked
                : Math.min(asked, new java.math.BigDecimal(maxDiscount.path("amount").asString()).movePointRight(2)
                        .setScale(0, java.math.RoundingMode.CEILING).longValueExact());
        Hold hold;
        synchronized (holds) {
            hold = holds.computeIfAbsent(orderId, id -> {
                long taken = holds.values().stream()
                        .filter(other -> other.customerId().equals(customerId) && other.status().equals("HELD"))
                        .mapToLong(Hold::points).sum();
                long balance = balances.getOrDefault(customerId, DEFAULT_POINTS);
                return new Hold(customerId, points, balance - taken >= points ? "HELD" : "REJECTED");
            });
        }
        var discount = java.math.BigDecimal.valueOf(hold.points()).movePointLeft(2).setScale(2);
        boolean held = !hold.status().equals("REJECTED");
        var answer = new HashMap<String, Object>();
        answer.put("orderId", orderId);
        answer.put("status", held ? "HELD" : "REJECTED");
        answer.put("points", hold.points());
        answer.put("discount", Map.of("amount", held ? discount.toPlainString() : "0.00", "currency", "EUR"));
        answer.put("reason", held ? null : "INSUFFICIENT_POINTS");
        return answer;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
