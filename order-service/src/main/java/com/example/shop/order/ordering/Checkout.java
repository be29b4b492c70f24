package com.example.shop.order.ordering;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks out the caller's cart: an idempotent command keyed by the customer's {@code Idempotency-Key}.
 *
 * <p>A repeated key with the same request returns the order it created, without a second payment; a
 * repeated key with a different request is refused. The order and its key are stored in one transaction
 * before any other service is asked to do anything, so a crash after that leaves a PENDING order that the
 * recovery job finishes.
 */
@Service
public class Checkout {

    /** catalog-service reserves at most this many lines at once; a bigger order could never be reserved. */
    public static final int MAX_LINES = 100;

    private final Carts carts;
    private final OrderRepository orders;
    private final OrderProcessing processing;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final OrderProperties properties;

    Checkout(Carts carts, OrderRepository orders, OrderProcessing processing, PlatformTransactionManager txManager,
            Clock clock, OrderProperties properties) {
        this.carts = carts;
        this.orders = orders;
        this.processing = processing;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
        this.properties = properties;
    }

    /** Who is checking out, as the caller's token says. */
    public record Customer(CustomerId id, String email, String authorization) {
    }

    /** What the customer asked for; {@code pointsToRedeem} 0 when no loyalty points are redeemed. */
    public record PlaceOrder(String idempotencyKey, String paymentToken, ShippingAddress shippingAddress,
            long pointsToRedeem) {

        public PlaceOrder(String idempotencyKey, String paymentToken, ShippingAddress shippingAddress) {
            this(idempotencyKey, paymentToken, shippingAddress, 0);
        }

        /** A hash of the normalised request, to tell a replay from a different request with the same key. */
        String fingerprint() {
            String canonical = String.join("\u0000", Stream.of(paymentToken.strip(), shippingAddress.name(),
                    shippingAddress.line1(), shippingAddress.city(), shippingAddress.postalCode(),
                    shippingAddress.country()).toList())
                    // Only when points are redeemed, so the hashes of requests without points stay as they were.
                    + (pointsToRedeem > 0 ? "\u0000points=" + pointsToRedeem : "");
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(hash);
            }
            catch (NoSuchAlgorithmException ex) {
                throw new IllegalStateException(ex);
            }
        }
    }

    /**
     * Places the order, or returns the one an earlier request with the same key placed.
     *
     * @throws CheckoutException.IdempotencyKeyReused when the key came with a different request
     * @throws CheckoutException.EmptyCart when there is nothing to order
     * @throws CheckoutException.TooManyLines when the cart has more than {@link #MAX_LINES} lines
     * @throws CheckoutException.CartUnavailable when the cart cannot be read
     */
    public Order place(Customer customer, PlaceOrder command) {
        String fingerprint = command.fingerprint();
        Optional<Order> replay = replay(customer, command, fingerprint);
        if (replay.isPresent()) {
            return replay.get();
        }
        List<OrderLine> lines;
        try {
            lines = carts.linesOf(customer.authorization());
        }
        catch (DependencyUnavailableException ex) {
            throw new CheckoutException.CartUnavailable();
        }
        if (lines.isEmpty()) {
            throw new CheckoutException.EmptyCart();
        }
        if (lines.size() > MAX_LINES) {
            throw new CheckoutException.TooManyLines(lines.size(), MAX_LINES);
        }
        Instant now = clock.instant();
        // The request thread owns the new order's lease from the start, so recovery never drives it alongside.
        UUID driver = UUID.randomUUID();
        Order order = Order.place(OrderId.newId(), customer.id(), customer.email(), lines,
                command.shippingAddress(), command.paymentToken().strip(), command.pointsToRedeem(), now);
        Boolean stored = tx.execute(status -> {
            boolean inserted = orders.insert(order, command.idempotencyKey(), fingerprint, driver,
                    now.plus(properties.recovery().lease()));
            if (!inserted) {
                status.setRollbackOnly();
            }
            return inserted;
        });
        if (!Boolean.TRUE.equals(stored)) {
            // A concurrent request with the same key won; answer as its replay.
            return replay(customer, command, fingerprint).orElseThrow();
        }
        return processing.drive(order.id(), driver);
    }

    private Optional<Order> replay(Customer customer, PlaceOrder command, String fingerprint) {
        return orders.findIdempotencyKey(customer.id(), command.idempotencyKey()).map(seen -> {
            if (!seen.requestHash().equals(fingerprint)) {
                throw new CheckoutException.IdempotencyKeyReused();
            }
            return orders.findById(seen.orderId()).orElseThrow();
        });
    }
}
