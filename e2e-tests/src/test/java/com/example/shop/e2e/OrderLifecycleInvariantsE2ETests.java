package com.example.shop.e2e;

import static com.example.shop.e2e.BackOffice.amount;
import static com.example.shop.e2e.BackOffice.payment;
import static com.example.shop.e2e.BackOffice.stock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.example.shop.e2e.ShopApi.Customer;

import tools.jackson.databind.JsonNode;

/**
 * Many random order lifecycles at once, through the gateway, against the whole stack; then the invariants
 * that must hold whatever happened: every order ends in a final state; for each order, captured − refunded
 * equals the value of its shipped, unreturned units; no payment is captured twice; and the warehouse holds
 * exactly what it started with minus the units shipped and not returned (so cancelled and fully returned
 * orders leave stock on hand where it began), with nothing left reserved.
 */
class OrderLifecycleInvariantsE2ETests {

    private static final int LIFECYCLES = 24;
    private static final int CONCURRENCY = 6;
    private static final int START_STOCK = 200;

    /** The paths a lifecycle can take after checkout. */
    enum Path {
        CUSTOMER_CANCELS, ADMIN_CANCELS, DELIVERED, RETURNED_IN_FULL, RETURNED_IN_PART, RETURN_WRITTEN_OFF,
        SHIPPED_TWICE_AT_ONCE
    }

    /** What a lifecycle did, as the test itself counts it. */
    record Outcome(String orderId, Path path, Map<String, Integer> keptByProduct, BigDecimal keptValue) {
    }

    @Test
    void randomConcurrentLifecyclesKeepMoneyAndStockConsistent() throws Exception {
        long seed = Long.getLong("e2e.seed", System.nanoTime());
        String admin = ShopApi.adminToken();
        List<String> products = List.of(
                Products.create(admin, "Linen towel", "9.90", START_STOCK).get("id").asString(),
                Products.create(admin, "Bread knife", "24.50", START_STOCK).get("id").asString(),
                Products.create(admin, "Oak board", "37.25", START_STOCK).get("id").asString());
        Map<String, Integer> onHandAtStart = new HashMap<>();
        for (String product : products) {
            onHandAtStart.put(product, stock(admin, product).get("onHand").asInt());
        }

        List<Outcome> outcomes = new ArrayList<>();
        Map<Integer, Throwable> failures = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        try {
            List<Future<Outcome>> running = new ArrayList<>();
            for (int i = 0; i < LIFECYCLES; i++) {
                int n = i;
                Random random = new Random(seed + i);
                running.add(pool.submit(() -> {
                    try {
                        return lifecycle(admin, products, random, Path.values()[n % Path.values().length]);
                    }
                    catch (Throwable failure) {
                        failures.put(n, failure);
                        throw failure;
                    }
                }));
            }
            for (Future<Outcome> outcome : running) {
                try {
                    outcomes.add(outcome.get(5, TimeUnit.MINUTES));
                }
                catch (java.util.concurrent.ExecutionException ignored) {
                    // collected in failures, reported below with the seed
                }
            }
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(failures).as("lifecycles that failed (seed %d)", seed).isEmpty();

        Map<String, Integer> keptByProduct = new HashMap<>();
        for (Outcome outcome : outcomes) {
            JsonNode order = BackOffice.order(admin, outcome.orderId(), "/api/admin/orders/");
            assertThat(order.get("status").asString()).as("order %s (%s)", outcome.orderId(), outcome.path())
                    .isIn(BackOffice.FINAL_STATES);
            assertThat(order.get("returns").valueStream().map(r -> r.get("status").asString()))
                    .as("open returns of %s", outcome.orderId()).allMatch(status -> status.equals("REFUNDED"));

            JsonNode money = payment(admin, outcome.orderId());
            BigDecimal net = amount(money.get("captured")).subtract(amount(money.get("refunded")));
            assertThat(net).as("captured - refunded of %s (%s)", outcome.orderId(), outcome.path())
                    .isEqualByComparingTo(outcome.keptValue());
            assertThat(OrderLifecycleE2ETests.captures(money)).as("captures of %s", outcome.orderId()).isLessThanOrEqualTo(1);
            outcome.keptByProduct().forEach((product, units) -> keptByProduct.merge(product, units, Integer::sum));
        }

        // Stock follows the order events asynchronously: wait until the catalogue has applied them all.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String product : products) {
                JsonNode level = stock(admin, product);
                assertThat(level.get("reserved").asInt()).as("reserved of %s", product).isZero();
                assertThat(level.get("onHand").asInt()).as("on hand of %s", product)
                        .isEqualTo(onHandAtStart.get(product) - keptByProduct.getOrDefault(product, 0));
            }
        });
    }

    private static Outcome lifecycle(String admin, List<String> products, Random random, Path path) {
        Customer customer = Customer.registerNew("Invariant Tester");
        var wanted = new LinkedHashMap<String, Integer>();
        for (String product : products) {
            if (wanted.isEmpty() || random.nextBoolean()) {
                wanted.put(product, 1 + random.nextInt(3));
            }
        }
        JsonNode order = BackOffice.placeOrder(customer, wanted, "tok_visa");
        String orderId = order.get("id").asString();
        assertThat(order.get("status").asString()).isEqualTo("CONFIRMED");

        switch (path) {
            case CUSTOMER_CANCELS -> {
                BackOffice.cancel(customer.token(), false, orderId);
                return new Outcome(orderId, path, Map.of(), BigDecimal.ZERO);
            }
            case ADMIN_CANCELS -> {
                BackOffice.cancel(admin, true, orderId);
                return new Outcome(orderId, path, Map.of(), BigDecimal.ZERO);
            }
            case SHIPPED_TWICE_AT_ONCE -> {
                var first = java.util.concurrent.CompletableFuture.runAsync(() -> BackOffice.ship(admin, orderId));
                BackOffice.ship(admin, orderId);
                first.join();
                BackOffice.deliver(admin, orderId);
                return kept(orderId, path, order, Map.of());
            }
            default -> {
                BackOffice.ship(admin, orderId);
                BackOffice.deliver(admin, orderId);
            }
        }
        Map<Integer, Integer> returned = new HashMap<>();
        for (JsonNode line : order.get("items")) {
            int quantity = line.get("quantity").asInt();
            int back = switch (path) {
                case RETURNED_IN_FULL -> quantity;
                case RETURNED_IN_PART, RETURN_WRITTEN_OFF -> random.nextInt(quantity + 1);
                default -> 0;
            };
            if (back > 0) {
                returned.put(line.get("lineNo").asInt(), back);
            }
        }
        if (!returned.isEmpty()) {
            String returnId = BackOffice.requestReturn(customer, orderId, returned);
            BackOffice.receiveReturn(admin, orderId, returnId, path != Path.RETURN_WRITTEN_OFF);
            BackOffice.refundReturn(admin, orderId, returnId);
        }
        // A written-off return is refunded but does not go back on the shelf.
        return kept(orderId, path, order, path == Path.RETURN_WRITTEN_OFF ? Map.of() : returned,
                returned);
    }

    private static Outcome kept(String orderId, Path path, JsonNode order, Map<Integer, Integer> restocked) {
        return kept(orderId, path, order, restocked, restocked);
    }

    /** Units that left the warehouse for good, and the value the customer keeps paying for. */
    private static Outcome kept(String orderId, Path path, JsonNode order, Map<Integer, Integer> restocked,
            Map<Integer, Integer> refunded) {
        Map<String, Integer> units = new HashMap<>();
        BigDecimal value = BigDecimal.ZERO;
        for (JsonNode line : order.get("items")) {
            int lineNo = line.get("lineNo").asInt();
            int quantity = line.get("quantity").asInt();
            units.merge(line.get("productId").asString(), quantity - restocked.getOrDefault(lineNo, 0), Integer::sum);
            value = value.add(OrderLifecycleE2ETests.valueOf(line, quantity - refunded.getOrDefault(lineNo, 0)));
        }
        return new Outcome(orderId, path, units, value);
    }
}
