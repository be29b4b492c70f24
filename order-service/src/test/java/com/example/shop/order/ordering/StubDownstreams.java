package com.example.shop.order.ordering;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Stand-ins for cart-service, catalog-service and payment-service at their HTTP boundary: one real HTTP
 * server on loopback that answers the paths order-service calls, programmable per test and recording every
 * call. Tests keep apart by using their own customers and products.
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

    StubDownstreams() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
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

    List<Call> cartReads() {
        return calls.stream().filter(call -> call.path().equals(CART)).toList();
    }

    private static final String CART = "/api/cart";
    private static final String RESERVATIONS = "/internal/reservations";
    private static final String PAYMENTS = "/internal/payments";

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
                }
                else {
                    respond(exchange, 200, Map.of("orderId", path.split("/")[3], "status", "CANCELLED"));
                }
            }
            else if (path.equals(PAYMENTS)) {
                String token = body.path("paymentToken").asString();
                int call = paymentCalls.merge(body.path("orderId").asString(), 1, Integer::sum);
                if (REFUSED_TOKEN.equals(token) || new java.math.BigDecimal(body.path("amount").path("amount").asString()).signum() <= 0) {
                    // payment-service refuses a zero amount (and anything else invalid) with 400
                    respond(exchange, 400, Map.of("title", "Bad Request"));
                    return;
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
                respond(exchange, 200, answer);
            }
            else {
                respond(exchange, 404, Map.of("title", "Not Found"));
            }
        }
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
