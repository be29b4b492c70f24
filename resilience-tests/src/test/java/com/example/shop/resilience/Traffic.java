package com.example.shop.resilience;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.example.shop.resilience.Http.Response;
import com.example.shop.resilience.OrderRun.Plan;

import tools.jackson.databind.JsonNode;

/**
 * The steady load: a few workers, each registering customers who fill a cart and check out (mostly
 * tok_visa, some declined cards, some redeeming the points of an earlier order), then drive the order
 * through a random lifecycle with the back office: ship, deliver, cancel, return and refund.
 */
final class Traffic {

    private static final Duration STEP_RETRY = Duration.ofSeconds(60);
    private static final Duration ACT_AGAIN_AFTER = Duration.ofSeconds(6);
    private static final Duration INTENT_PATIENCE = Duration.ofSeconds(25);

    private final Http http;
    private final String admin;
    private final Map<String, List<String>> productsByPhase;
    private final long seed;
    final AtomicReference<String> phase = new AtomicReference<>();
    private final AtomicBoolean placing = new AtomicBoolean(true);
    final List<Shopper> shoppers = new CopyOnWriteArrayList<>();
    final Map<String, List<String>> clientErrorsByPhase = new ConcurrentHashMap<>();
    private ExecutorService pool;

    Traffic(Http http, String admin, Map<String, List<String>> productsByPhase, long seed) {
        this.http = http;
        this.admin = admin;
        this.productsByPhase = productsByPhase;
        this.seed = seed;
    }

    void start(int workers) {
        pool = Executors.newFixedThreadPool(workers);
        for (int w = 0; w < workers; w++) {
            Random random = new Random(seed * 31 + w);
            pool.submit(() -> {
                while (placing.get()) {
                    try {
                        oneCustomer(random);
                    }
                    catch (RuntimeException ex) {
                        if (placing.get()) {
                            clientError(phase.get(), "worker: " + ex);
                        }
                    }
                }
            });
        }
    }

    /** No new customers; those under way finish their lifecycles (bounded). */
    void stop(Duration within) throws InterruptedException {
        placing.set(false);
        pool.shutdown();
        if (!pool.awaitTermination(within.toMillis(), TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    List<OrderRun> runs() {
        List<OrderRun> runs = new ArrayList<>();
        shoppers.forEach(s -> s.orders.stream().filter(o -> o.orderId != null).forEach(runs::add));
        return runs;
    }

    private void clientError(String phase, String what) {
        clientErrorsByPhase.computeIfAbsent(phase, p -> new CopyOnWriteArrayList<>()).add(what);
    }

    private void oneCustomer(Random random) {
        String current = phase.get();
        Shopper shopper = register(current);
        if (shopper == null) {
            return;
        }
        shoppers.add(shopper);
        String card = random.nextInt(100) < 15 ? "tok_chargeDeclined" : "tok_visa";
        OrderRun first = place(shopper, current, randomPlan(random), card, 0, random);
        if (first == null || !placing.get()) {
            return;
        }
        drive(first, Duration.ofSeconds(90), random);
        // A customer who kept their goods comes back and spends some of the points they earned.
        if (first.plan == Plan.KEEP && "DELIVERED".equals(first.status()) && random.nextInt(100) < 60) {
            long[] available = new long[1];
            Waits.until(Duration.ofSeconds(20), Duration.ofMillis(500), () -> {
                Response account = http.get("/api/customers/me/loyalty", shopper.token);
                available[0] = account.ok() ? account.body().get("available").asLong() : 0;
                return available[0] > 0;
            });
            if (available[0] > 0 && placing.get()) {
                long points = Math.min(available[0], 10 + random.nextInt(90));
                OrderRun second = place(shopper, phase.get(), randomPlan(random), "tok_visa", points, random);
                if (second != null) {
                    drive(second, Duration.ofSeconds(90), random);
                }
            }
        }
    }

    private static Plan randomPlan(Random random) {
        int dice = random.nextInt(100);
        if (dice < 35) {
            return Plan.KEEP;
        }
        if (dice < 45) {
            return Plan.CUSTOMER_CANCELS;
        }
        if (dice < 55) {
            return Plan.ADMIN_CANCELS;
        }
        if (dice < 70) {
            return Plan.RETURN_ALL;
        }
        if (dice < 90) {
            return Plan.RETURN_SOME;
        }
        return Plan.RETURN_SOME_WRITTEN_OFF;
    }

    private Shopper register(String phase) {
        String email = "faults-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
        String password = "correct-horse-" + UUID.randomUUID().toString().substring(0, 6);
        Response created = http.retrying("POST", "/api/customers", null,
                Map.of("email", email, "password", password, "name", "Fault Tester"));
        // 409: an earlier attempt got through but its answer was lost.
        if (created.status() != 201 && created.status() != 409) {
            clientError(phase, "register: " + created.describe());
            return null;
        }
        Response login = http.retrying("POST", "/api/auth/token", null, Map.of("email", email, "password", password));
        if (login.status() != 200) {
            clientError(phase, "login: " + login.describe());
            return null;
        }
        String token = login.body().get("access_token").asString();
        String id = created.status() == 201 ? created.body().get("id").asString() : null;
        if (id == null) {
            Response me = http.retrying("GET", "/api/customers/me", token, null);
            if (!me.ok()) {
                clientError(phase, "me: " + me.describe());
                return null;
            }
            id = me.body().get("id").asString();
        }
        return new Shopper(id, email, password, token, phase);
    }

    private OrderRun place(Shopper shopper, String phase, Plan plan, String card, long points, Random random) {
        List<String> products = productsByPhase.get(phase);
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (String product : products) {
            if (wanted.isEmpty() || random.nextBoolean()) {
                wanted.put(product, 1 + random.nextInt(3));
            }
        }
        for (var line : wanted.entrySet()) {
            Response added = http.retrying("POST", "/api/cart/items", shopper.token,
                    Map.of("productId", line.getKey(), "quantity", line.getValue()));
            if (!added.ok()) {
                clientError(phase, "add to cart: " + added.describe());
                return null;
            }
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("paymentToken", card);
        body.put("shippingAddress", Map.of("name", "Fault Tester", "line1", "1 Main Street", "city", "Utrecht",
                "postalCode", "3511 AB", "country", "NL"));
        if (points > 0) {
            body.put("pointsToRedeem", points);
        }
        OrderRun run = new OrderRun(shopper, phase, plan, card, points);
        shopper.orders.add(run);
        Response placed = http.retrying("POST", "/api/orders", shopper.token, body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()), STEP_RETRY);
        if (placed.status() == 201 || placed.status() == 202) {
            run.orderId = placed.body().get("id").asString();
            return run;
        }
        // The checkout may have been stored although no answer came back: the customer's list knows.
        Response mine = http.retrying("GET", "/api/orders", shopper.token, null);
        JsonNode list = mine.ok() ? (mine.body().isArray() ? mine.body() : mine.body().get("content")) : null;
        if (list != null) {
            for (JsonNode order : list) {
                String id = order.get("id").asString();
                if (shopper.orders.stream().noneMatch(o -> id.equals(o.orderId))) {
                    run.orderId = id;
                    clientError(phase, "checkout answered " + placed.status() + " but order " + id + " exists");
                    return run;
                }
            }
        }
        clientError(phase, "checkout: " + placed.describe());
        return null;
    }

    /** Drives the order along its plan until the plan is done or {@code within} has passed. */
    boolean drive(OrderRun run, Duration within, Random random) {
        return Waits.until(within, Duration.ofMillis(400), () -> step(run, random));
    }

    /**
     * One look at the order and, if its plan needs it, one request of the next step. True when nothing is
     * left to do. Requests are repeated only after a pause, so a step the order-service still drives (202)
     * is not asked for again and again.
     */
    boolean step(OrderRun run, Random random) {
        Response read = http.get("/api/admin/orders/" + run.orderId, admin);
        if (read.status() != 200) {
            return false;
        }
        JsonNode order = read.body();
        run.view = order;
        String status = order.get("status").asString();
        JsonNode pending = order.get("pendingAction");
        boolean intentPending = pending != null && !pending.isNull();
        switch (status) {
            case "REJECTED", "CANCELLED", "RETURNED" -> {
                return true;
            }
            case "CONFIRMED" -> {
                if (intentPending && !since(run, INTENT_PATIENCE)) {
                    return false;
                }
                if (run.plan == Plan.CUSTOMER_CANCELS) {
                    act(run, "cancel", "/api/orders/" + run.orderId + "/cancel", run.shopper.token, Map.of());
                }
                else if (run.plan == Plan.ADMIN_CANCELS) {
                    act(run, "cancel", "/api/admin/orders/" + run.orderId + "/cancel", admin, Map.of());
                }
                else {
                    act(run, "ship", "/api/admin/orders/" + run.orderId + "/ship", admin, Map.of());
                }
                return false;
            }
            case "SHIPPED" -> {
                act(run, "deliver", "/api/admin/orders/" + run.orderId + "/deliver", admin, Map.of());
                return false;
            }
            case "DELIVERED" -> {
                return returnStep(run, order, intentPending, random);
            }
            default -> {
                return false;
            }
        }
    }

    private boolean returnStep(OrderRun run, JsonNode order, boolean intentPending, Random random) {
        if (!run.plan.returns()) {
            return true;
        }
        JsonNode returns = order.get("returns");
        if (returns == null || returns.isEmpty()) {
            // A return request is not idempotent: ask again only when the first answer was lost long ago.
            if (run.returnAskedAt != null && Instant.now().isBefore(run.returnAskedAt.plusSeconds(15))) {
                return false;
            }
            if (run.returnLines == null) {
                run.returnLines = chooseReturn(run.plan, order, random);
            }
            List<Map<String, Object>> lines = run.returnLines.entrySet().stream()
                    .map(e -> Map.<String, Object>of("lineNo", e.getKey(), "quantity", e.getValue())).toList();
            run.returnAskedAt = Instant.now();
            Response asked = http.post("/api/orders/" + run.orderId + "/returns", run.shopper.token,
                    Map.of("lines", lines, "reason", "Fault suite"));
            if (asked.status() >= 400 && asked.status() < 500) {
                run.refusals++;
            }
            return false;
        }
        boolean done = true;
        for (JsonNode r : returns) {
            String id = r.get("id").asString();
            switch (r.get("status").asString()) {
                case "REQUESTED" -> {
                    done = false;
                    act(run, "receive " + id, "/api/admin/orders/" + run.orderId + "/returns/" + id + "/receive",
                            admin, Map.of("restock", run.plan != Plan.RETURN_SOME_WRITTEN_OFF));
                }
                case "RECEIVED" -> {
                    done = false;
                    boolean asked = r.get("refundRequested") != null && r.get("refundRequested").asBoolean();
                    if (!asked || (!intentPending && since(run, INTENT_PATIENCE))) {
                        act(run, "refund " + id, "/api/admin/orders/" + run.orderId + "/returns/" + id + "/refund",
                                admin, Map.of());
                    }
                }
                default -> {
                }
            }
        }
        return done;
    }

    private static Map<Integer, Integer> chooseReturn(Plan plan, JsonNode order, Random random) {
        Map<Integer, Integer> lines = new LinkedHashMap<>();
        for (JsonNode line : order.get("items")) {
            int quantity = line.get("quantity").asInt();
            int back = plan == Plan.RETURN_ALL ? quantity : random.nextInt(quantity + 1);
            if (back > 0) {
                lines.put(line.get("lineNo").asInt(), back);
            }
        }
        if (lines.isEmpty()) {
            JsonNode first = order.get("items").get(0);
            lines.put(first.get("lineNo").asInt(), 1);
        }
        return lines;
    }

    private static boolean since(OrderRun run, Duration pause) {
        return Instant.now().isAfter(run.lastActionAt.plus(pause));
    }

    /** Asks for a transition unless the same one was asked a moment ago. */
    private void act(OrderRun run, String action, String path, String token, Object body) {
        if (action.equals(run.lastAction) && !since(run, ACT_AGAIN_AFTER)) {
            return;
        }
        run.lastAction = action;
        run.lastActionAt = Instant.now();
        Response response = http.post(path, token, body);
        if (response.status() == 409 || response.status() == 422) {
            run.refusals++;
        }
    }
}
