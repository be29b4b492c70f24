package com.example.shop.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.example.shop.benchmark.Scenario.Catalogue;
import com.example.shop.benchmark.Scenario.Shopper;
import com.example.shop.benchmark.ShopClient.Response;

/**
 * What the benchmark brings to the stack before it measures: products of its own with stock that will not run
 * out (created through the back office), and one registered, logged-in customer per virtual user. Everything is
 * new per run, so runs do not see each other's carts or orders.
 */
final class Fixture {

    static final String CATEGORY = "apparel";
    static final List<String> SEARCH_TERMS = List.of("mug", "lamp", "shirt", "organic", "steel", "wool",
            "speaker", "backpack", "cotton", "knife");
    private static final int PRODUCTS = 8;
    private static final String PASSWORD = "bench-password-1";

    private Fixture() {
    }

    static Catalogue catalogue(ShopClient shop, Options options) throws InterruptedException {
        Response login = patiently(() -> shop.post("/api/auth/token", null,
                Map.of("email", options.adminEmail(), "password", options.adminPassword())));
        require(login, "log in as " + options.adminEmail());
        String admin = login.text("access_token");
        String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        List<String> products = new ArrayList<>();
        for (int i = 0; i < PRODUCTS; i++) {
            Response created = shop.post("/api/products", admin, Map.of(
                    "sku", "BENCH-" + run + "-" + i,
                    "name", "Benchmark item " + i,
                    "description", "Made by the benchmark",
                    "category", "benchmark",
                    "price", Map.of("amount", "19.90", "currency", "EUR"),
                    "available", 1_000_000));
            require(created, "create a product");
            products.add(created.text("id"));
        }
        require(shop.get("/api/products?category=" + CATEGORY + "&size=20", null), "read category " + CATEGORY);
        return new Catalogue(List.copyOf(products), CATEGORY, SEARCH_TERMS);
    }

    /** {@code count} new customers, registered and logged in, a few at a time (each costs two password hashes). */
    static List<Shopper> shoppers(ShopClient shop, int count) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Shopper> shoppers = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> registrations = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String email = "bench-" + run + "-" + i + "@example.com";
                registrations.add(pool.submit(() -> {
                    require(patiently(() -> shop.post("/api/customers", null,
                            Map.of("email", email, "password", PASSWORD, "name", "Bench Mark"))), "register " + email);
                    Response login = patiently(() -> shop.post("/api/auth/token", null,
                            Map.of("email", email, "password", PASSWORD)));
                    require(login, "log in as " + email);
                    shoppers.add(new Shopper(email, PASSWORD, login.text("access_token")));
                    return null;
                }));
            }
            for (Future<?> registration : registrations) {
                registration.get();
            }
        }
        return List.copyOf(shoppers);
    }

    /**
     * The answer, asked again for up to 30 s while it is 503 or none: a stack that a previous run left busy (a
     * circuit still open, hashing still queued) is given time to recover before the setup gives up.
     */
    private static Response patiently(java.util.function.Supplier<Response> request) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        Response response = request.get();
        while ((response.status() == 503 || response.status() == 0) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            response = request.get();
        }
        return response;
    }

    private static void require(Response response, String what) {
        if (!response.ok()) {
            throw new IllegalStateException("could not " + what + ": HTTP " + response.status() + " " + response.body());
        }
    }
}
