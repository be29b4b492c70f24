package com.example.shop.benchmark;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.example.shop.benchmark.ShopClient.Response;

/**
 * What one virtual user does, again and again, in a closed loop: the next iteration starts when the last one
 * ended. Each iteration returns an {@link Outcome}: how long the part that is timed took, how many orders it
 * confirmed, or what failed it.
 */
sealed interface Scenario {

    /** A customer of the benchmark: registered once, logged in once (the buy session logs in again each time). */
    record Shopper(String email, String password, String token) {
    }

    /** What the scenarios buy and browse. */
    record Catalogue(List<String> products, String category, List<String> searchTerms) {

        String anyProduct() {
            return products.get(ThreadLocalRandom.current().nextInt(products.size()));
        }
    }

    record Outcome(long nanos, int confirmed, String error) {

        static Outcome done(long startedNanos, int confirmed) {
            return new Outcome(System.nanoTime() - startedNanos, confirmed, null);
        }

        static Outcome failed(String error) {
            return new Outcome(0, 0, error);
        }

        static Outcome failed(Response response) {
            return failed(response.status() == 0 ? "no answer" : Integer.toString(response.status()));
        }

        boolean ok() {
            return error == null;
        }
    }

    String title();

    /** The unit of throughput: "orders", "sessions", "searches". */
    String unit();

    Outcome run(ShopClient shop, Shopper shopper, Catalogue catalogue);

    Map<String, Object> ADDRESS = Map.of("name", "Bench Mark", "line1", "1 Main Street", "city", "Utrecht",
            "postalCode", "3511 AB", "country", "NL");

    /**
     * Adds a product to the cart, posts the order with a fresh Idempotency-Key and tok_visa, reads it until it is
     * final (if the POST answered before it was). Timed: POST to final. Before it (untimed), the cart is read until it is empty: cart-service empties it
     * when it hears of the last confirmation, and an item added before that would be emptied with it. Each user
     * takes turns between {@link ClosedLoop#SHOPPERS_PER_USER} customers, so the cart has long been empty then.
     */
    record Checkout() implements Scenario {

        @Override
        public String title() {
            return "Checkout (add to cart, POST /api/orders, read until final)";
        }

        @Override
        public String unit() {
            return "orders";
        }

        @Override
        public Outcome run(ShopClient shop, Shopper shopper, Catalogue catalogue) {
            Outcome notEmpty = awaitEmptyCart(shop, shopper.token());
            if (notEmpty != null) {
                return notEmpty;
            }
            Response added = shop.post("/api/cart/items", shopper.token(),
                    Map.of("productId", catalogue.anyProduct(), "quantity", 1));
            if (!added.ok()) {
                return Outcome.failed(added);
            }
            return order(shop, shopper.token(), System.nanoTime());
        }
    }

    /**
     * A buyer's visit: log in, a category page, a product, two add-to-cart, the cart, the order until it is final,
     * the order history. Timed: the whole session (before it, untimed, the cart is read until it is empty, as in
     * {@link Checkout}).
     */
    record BuySession() implements Scenario {

        @Override
        public String title() {
            return "Buy session (log in, category, product, 2 add-to-cart, cart, order until final, history)";
        }

        @Override
        public String unit() {
            return "sessions";
        }

        @Override
        public Outcome run(ShopClient shop, Shopper shopper, Catalogue catalogue) {
            Outcome notEmpty = awaitEmptyCart(shop, shopper.token());
            if (notEmpty != null) {
                return notEmpty;
            }
            long started = System.nanoTime();
            Response login = shop.post("/api/auth/token", null,
                    Map.of("email", shopper.email(), "password", shopper.password()));
            if (!login.ok()) {
                return Outcome.failed(login);
            }
            String token = login.text("access_token");
            String product = catalogue.anyProduct();
            for (Response step : new Response[] {
                    shop.get("/api/products?category=" + catalogue.category() + "&size=20", null),
                    shop.get("/api/products/" + product, null) }) {
                if (!step.ok()) {
                    return Outcome.failed(step);
                }
            }
            for (String item : List.of(product, catalogue.anyProduct())) {
                Response added = shop.post("/api/cart/items", token, Map.of("productId", item, "quantity", 1));
                if (!added.ok()) {
                    return Outcome.failed(added);
                }
            }
            Response cart = shop.get("/api/cart", token);
            if (!cart.ok()) {
                return Outcome.failed(cart);
            }
            Outcome ordered = order(shop, token, started);
            if (!ordered.ok()) {
                return ordered;
            }
            Response history = shop.get("/api/orders", token);
            if (!history.ok()) {
                return Outcome.failed(history);
            }
            return Outcome.done(started, ordered.confirmed());
        }
    }

    /** One full-text search of the catalogue, with facets, as the search page asks for it. Timed: the request. */
    record Search() implements Scenario {

        @Override
        public String title() {
            return "Catalogue search (GET /api/products?q=..., ranked, with facets)";
        }

        @Override
        public String unit() {
            return "searches";
        }

        @Override
        public Outcome run(ShopClient shop, Shopper shopper, Catalogue catalogue) {
            List<String> terms = catalogue.searchTerms();
            String term = terms.get(ThreadLocalRandom.current().nextInt(terms.size()));
            long started = System.nanoTime();
            Response found = shop.get("/api/products?q=" + term + "&size=20", null);
            return found.ok() ? Outcome.done(started, 0) : Outcome.failed(found);
        }
    }

    /**
     * One product page's data, {@code GET /api/products/{id}}, through the gateway or straight at catalog-service:
     * the two together show what the gateway's hop costs. Timed: the request.
     */
    record ProductRead(String via) implements Scenario {

        @Override
        public String title() {
            return "Product read (GET /api/products/{id}) " + via;
        }

        @Override
        public String unit() {
            return "reads";
        }

        @Override
        public Outcome run(ShopClient shop, Shopper shopper, Catalogue catalogue) {
            long started = System.nanoTime();
            Response read = shop.get("/api/products/" + catalogue.anyProduct(), null);
            return read.ok() ? Outcome.done(started, 0) : Outcome.failed(read);
        }
    }

    /** POST /api/orders, then GET until the order is no longer PENDING; one confirmed order, or what went wrong. */
    private static Outcome order(ShopClient shop, String token, long started) {
        Response placed = shop.send("POST", "/api/orders", token,
                Map.of("paymentToken", "tok_visa", "shippingAddress", ADDRESS),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        if (!placed.ok()) {
            return Outcome.failed(placed);
        }
        String id = placed.text("id");
        String status = placed.text("status");
        long deadline = System.nanoTime() + 30_000_000_000L;
        // The POST answers once the order is final unless that takes seconds (202 PENDING); then the order is read
        // the way a page would, 50 ms after, then less and less often, at most every 500 ms.
        long pause = 50;
        while ("PENDING".equals(status)) {
            if (System.nanoTime() > deadline) {
                return Outcome.failed("order not final within 30 s");
            }
            pause(pause);
            pause = Math.min(500, pause * 2);
            Response read = shop.get("/api/orders/" + id, token);
            if (!read.ok()) {
                return Outcome.failed(read);
            }
            status = read.text("status");
        }
        return "CONFIRMED".equals(status) ? Outcome.done(started, 1) : Outcome.failed("order " + status);
    }

    /**
     * Null once the cart is empty; what went wrong if it does not become empty within 10 s. Read at once, then
     * 50 ms later and less and less often, as for the order.
     */
    private static Outcome awaitEmptyCart(ShopClient shop, String token) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        long pause = 50;
        while (System.nanoTime() < deadline) {
            Response cart = shop.get("/api/cart", token);
            if (cart.ok() && cart.body().path("items").isEmpty()) {
                return null;
            }
            if (!cart.ok()) {
                return Outcome.failed(cart);
            }
            pause(pause);
            pause = Math.min(500, pause * 2);
        }
        return Outcome.failed("cart not emptied within 10 s of the last confirmation");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
