package com.example.shop.order.ordering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores orders, their lines and the idempotency keys of checkouts. */
@Repository
public class OrderRepository {

    private static final String ORDER_COLUMNS = """
            id, customer_id, customer_email, status, rejection_reason, pending_rejection, currency,
            payment_token, ship_name, ship_line1, ship_city, ship_postal_code, ship_country, created_at, updated_at,
            pending_action, pending_action_by, shipment_id, carrier, tracking_number, tracking_url, shipped_at,
            delivered_at, cancelled_by, cancelled_at, points_to_redeem, points_held_at, points_redeemed,
            discount_amount
            """;

    private final JdbcClient jdbc;

    OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An idempotency key seen before: the hash of the request it came with and the order it created. */
    public record IdempotencyRecord(String requestHash, OrderId orderId) {
    }

    /**
     * Stores a new order and its idempotency key. Must run in a transaction.
     *
     * @param owner the driver that holds the order's first lease (the request thread that stores it)
     * @param leaseUntil when that lease ends, so the recovery job may pick the order up if it is still PENDING
     * @return {@code false} when the customer already used the key (possibly in a transaction that committed
     *     just now); the caller must then roll back, because the order row was written
     */
    public boolean insert(Order order, String idempotencyKey, String requestHash, UUID owner, Instant leaseUntil) {
        ShippingAddress address = order.shippingAddress();
        Money total = order.total();
        jdbc.sql("""
                insert into orders (id, customer_id, customer_email, status, currency, total_amount, payment_token,
                    ship_name, ship_line1, ship_city, ship_postal_code, ship_country, created_at, updated_at,
                    lease_owner, lease_until, points_to_redeem, amount_due)
                values (:id, :customerId, :email, :status, :currency, :total, :token, :shipName, :shipLine1,
                    :shipCity, :shipPostalCode, :shipCountry, :createdAt, :createdAt, :owner, :leaseUntil,
                    :points, :amountDue)
                """)
                .param("id", order.id().value())
                .param("customerId", order.customerId().value())
                .param("email", order.customerEmail())
                .param("status", order.status().name())
                .param("currency", total.currency())
                .param("total", total.amount())
                .param("token", order.paymentToken())
                .param("shipName", address.name())
                .param("shipLine1", address.line1())
                .param("shipCity", address.city())
                .param("shipPostalCode", address.postalCode())
                .param("shipCountry", address.country())
                .param("createdAt", Timestamp.from(order.createdAt()))
                .param("owner", owner)
                .param("leaseUntil", Timestamp.from(leaseUntil))
                .param("points", order.redemption().pointsRequested())
                .param("amountDue", order.amountDue().amount())
                .update();
        appendHistory(order.id(), new StatusChange(null, OrderStatus.PENDING, order.createdAt(), Actor.CUSTOMER,
                "PLACED", null));
        int lineNo = 0;
        for (OrderLine line : order.lines()) {
            jdbc.sql("""
                    insert into order_line (order_id, line_no, product_id, sku, name, quantity, unit_price)
                    values (:orderId, :lineNo, :productId, :sku, :name, :quantity, :unitPrice)
                    """)
                    .param("orderId", order.id().value())
                    .param("lineNo", ++lineNo)
                    .param("productId", line.productId())
                    .param("sku", line.sku())
                    .param("name", line.name())
                    .param("quantity", line.quantity())
                    .param("unitPrice", line.unitPrice().amount())
                    .update();
        }
        // Waits for a concurrent transaction holding the same key and then finds its row, so exactly one of
        // two concurrent duplicates inserts.
        int keys = jdbc.sql("""
                insert into order_idempotency_key (customer_id, idempotency_key, request_hash, order_id, created_at)
                values (:customerId, :key, :hash, :orderId, :createdAt)
                on conflict (customer_id, idempotency_key) do nothing
                """)
                .param("customerId", order.customerId().value())
                .param("key", idempotencyKey)
                .param("hash", requestHash)
                .param("orderId", order.id().value())
                .param("createdAt", Timestamp.from(order.createdAt()))
                .update();
        return keys == 1;
    }

    public Optional<IdempotencyRecord> findIdempotencyKey(CustomerId customerId, String idempotencyKey) {
        return jdbc.sql("""
                select request_hash, order_id from order_idempotency_key
                where customer_id = :customerId and idempotency_key = :key
                """)
                .param("customerId", customerId.value())
                .param("key", idempotencyKey)
                .query((rs, n) -> new IdempotencyRecord(rs.getString("request_hash"),
                        new OrderId(rs.getObject("order_id", UUID.class))))
                .optional();
    }

    public Optional<Order> findById(OrderId id) {
        return jdbc.sql("select " + ORDER_COLUMNS + " from orders where id = :id")
                .param("id", id.value())
                .query((rs, n) -> new OrderRow(rs))
                .optional()
                .map(row -> row.toOrder(linesOf(List.of(id.value())).getOrDefault(id.value(), List.of())));
    }

    /** The customer's order, or empty when it does not exist or belongs to someone else. */
    public Optional<Order> findByIdAndCustomer(OrderId id, CustomerId customerId) {
        return findById(id).filter(order -> order.customerId().equals(customerId));
    }

    /** The customer's newest orders first. */
    public List<Order> findByCustomer(CustomerId customerId, int limit) {
        List<OrderRow> rows = jdbc.sql("select " + ORDER_COLUMNS + """
                 from orders where customer_id = :customerId order by created_at desc, id limit :limit
                """)
                .param("customerId", customerId.value())
                .param("limit", limit)
                .query((rs, n) -> new OrderRow(rs))
                .list();
        Map<UUID, List<OrderLine>> lines = linesOf(rows.stream().map(OrderRow::id).toList());
        return rows.stream().map(row -> row.toOrder(lines.getOrDefault(row.id(), List.of()))).toList();
    }

    /**
     * Writes a final transition, but only if the order is still PENDING and {@code owner} still holds its
     * lease. A confirmation also needs that no rejection was decided; a rejection, that no other rejection was.
     * Must run in the transaction that publishes the matching event.
     *
     * @return {@code true} if this call moved the order; {@code false} if another driver holds it or finished it
     */
    public boolean finish(Order finished, UUID owner) {
        if (!finished.status().isFinal()) {
            throw new IllegalArgumentException("not a final status: " + finished.status());
        }
        String reason = finished.rejectionReason().map(Enum::name).orElse(null);
        int updated = jdbc.sql("""
                update orders set status = :status, rejection_reason = :reason, pending_rejection = null,
                    payment_token = null, updated_at = :updatedAt, lease_owner = null
                where id = :id and status = 'PENDING' and lease_owner = :owner
                  and (pending_rejection is null or pending_rejection = :reason)
                """)
                .param("status", finished.status().name())
                .param("reason", reason)
                .param("updatedAt", Timestamp.from(finished.updatedAt()))
                .param("id", finished.id().value())
                .param("owner", owner)
                .update();
        if (updated == 1) {
            appendHistory(finished.id(), new StatusChange(OrderStatus.PENDING, finished.status(),
                    finished.updatedAt(), Actor.SYSTEM, "CHECKOUT", reason));
        }
        return updated == 1;
    }

    /**
     * Remembers a decided rejection of a still PENDING order, unless one was decided already or {@code owner}
     * lost the lease.
     *
     * @return {@code true} if this call stored the decision; otherwise the caller must read the order again
     *     and follow what is stored
     */
    public boolean recordPendingRejection(Order order, UUID owner) {
        return jdbc.sql("""
                update orders set pending_rejection = :reason, updated_at = :updatedAt
                where id = :id and status = 'PENDING' and pending_rejection is null and lease_owner = :owner
                """)
                .param("reason", order.pendingRejection().map(Enum::name).orElseThrow())
                .param("updatedAt", Timestamp.from(order.updatedAt()))
                .param("id", order.id().value())
                .param("owner", owner)
                .update() == 1;
    }

    /**
     * Claims or renews the lease of a PENDING order for {@code owner} until {@code until}: succeeds when the
     * owner holds the lease already or the lease has run out. Only one driver at a time passes this.
     *
     * @return {@code false} when the order is final or another driver holds a lease that has not run out
     */
    public boolean claim(OrderId id, UUID owner, Instant now, Instant until) {
        return jdbc.sql("""
                update orders set lease_owner = :owner, lease_until = :until
                where id = :id and status = 'PENDING' and (lease_owner = :owner or lease_until <= :now)
                """)
                .param("owner", owner)
                .param("until", Timestamp.from(until))
                .param("id", id.value())
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** Lets the lease of an order this owner leaves PENDING end at {@code retryAt}, when recovery may take it. */
    public void postpone(OrderId id, UUID owner, Instant retryAt) {
        jdbc.sql("""
                update orders set lease_until = :retryAt
                where id = :id and status = 'PENDING' and lease_owner = :owner
                """)
                .param("retryAt", Timestamp.from(retryAt))
                .param("id", id.value())
                .param("owner", owner)
                .update();
    }

    /**
     * Notes that payment-service answered UNAVAILABLE once more.
     *
     * @return when it first did so for this order, and how many times it has done so now
     */
    public PaymentRetries recordPaymentUnavailable(OrderId id, UUID owner, Instant now) {
        return jdbc.sql("""
                update orders set payment_unavailable_since = coalesce(payment_unavailable_since, :now),
                    payment_attempts = payment_attempts + 1
                where id = :id and status = 'PENDING' and lease_owner = :owner
                returning payment_unavailable_since, payment_attempts
                """)
                .param("now", Timestamp.from(now))
                .param("id", id.value())
                .param("owner", owner)
                .query((rs, n) -> new PaymentRetries(rs.getTimestamp(1).toInstant(), rs.getInt(2)))
                .optional()
                .orElseGet(() -> new PaymentRetries(now, 1));
    }

    /** Since when payment-service has answered UNAVAILABLE for the order, if it has. */
    public Optional<Instant> paymentUnavailableSince(OrderId id) {
        return jdbc.sql("select payment_unavailable_since from orders where id = :id")
                .param("id", id.value())
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .optional()
                .flatMap(since -> since);
    }

    /**
     * Stores loyalty-service's HELD answer on a still PENDING order this owner drives: the points redeemed, the
     * discount and the amount due. Only the first answer is stored (a hold is idempotent per order anyway).
     *
     * @return {@code false} when the owner lost the lease, the order is no longer PENDING, or a hold was stored
     */
    public boolean recordPointsHeld(Order held, UUID owner, Instant now) {
        return jdbc.sql("""
                update orders set points_held_at = :now, points_redeemed = :points, discount_amount = :discount,
                    amount_due = :amountDue, updated_at = :now
                where id = :id and status = 'PENDING' and lease_owner = :owner and points_held_at is null
                """)
                .param("now", Timestamp.from(now))
                .param("points", held.redemption().pointsRedeemed())
                .param("discount", held.discount().amount())
                .param("amountDue", held.amountDue().amount())
                .param("id", held.id().value())
                .param("owner", owner)
                .update() == 1;
    }

    /**
     * Notes that loyalty-service could not be reached for the order's points hold.
     *
     * @return when it first could not be, for this order
     */
    public Instant recordLoyaltyUnavailable(OrderId id, UUID owner, Instant now) {
        return jdbc.sql("""
                update orders set loyalty_unavailable_since = coalesce(loyalty_unavailable_since, :now)
                where id = :id and status = 'PENDING' and lease_owner = :owner
                returning loyalty_unavailable_since
                """)
                .param("now", Timestamp.from(now))
                .param("id", id.value())
                .param("owner", owner)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional()
                .orElse(now);
    }

    /** Since when loyalty-service could not be reached for the order's points hold, if it could not. */
    public Optional<Instant> loyaltyUnavailableSince(OrderId id) {
        return jdbc.sql("select loyalty_unavailable_since from orders where id = :id")
                .param("id", id.value())
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .optional()
                .flatMap(since -> since);
    }

    /** Every order of the customer, newest first (for the personal-data export). */
    public List<Order> findAllByCustomer(CustomerId customerId) {
        return findByCustomer(customerId, Integer.MAX_VALUE);
    }

    /** What anonymised addresses and names read afterwards. */
    public static final String ANONYMISED = "anonymised";

    /**
     * Removes the customer's personal data from their orders that still have it: the e-mail, the recipient's
     * name, street, city and postal code (the country stays, for the accounts: VAT follows the destination
     * country), the payment token of orders no longer PENDING, the free-text reasons of returns, and the
     * request hashes of their idempotency keys (derived from name and address). Orders, lines, amounts and
     * history stay. Must run in a transaction.
     *
     * @return the orders anonymised now (none when it was done before)
     */
    public List<OrderId> anonymise(CustomerId customerId, Instant now) {
        List<UUID> ids = jdbc.sql("""
                update orders set customer_email = null, ship_name = :anonymised, ship_line1 = :anonymised,
                    ship_city = :anonymised, ship_postal_code = :anonymised,
                    payment_token = case when status = 'PENDING' then payment_token else null end,
                    anonymised_at = :now
                where customer_id = :customerId and anonymised_at is null
                returning id
                """)
                .param("anonymised", ANONYMISED)
                .param("now", Timestamp.from(now))
                .param("customerId", customerId.value())
                .query(UUID.class)
                .list();
        if (!ids.isEmpty()) {
            jdbc.sql("update order_return set reason = null where order_id in (:ids)").param("ids", ids).update();
        }
        jdbc.sql("update order_idempotency_key set request_hash = :anonymised where customer_id = :customerId")
                .param("anonymised", ANONYMISED)
                .param("customerId", customerId.value())
                .update();
        return ids.stream().map(OrderId::new).toList();
    }

    /** How long payment-service has been unavailable for an order and how often it was asked. */
    public record PaymentRetries(Instant since, int attempts) {
    }

    /**
     * Leases PENDING orders, and orders with a pending action (SHIP, CANCEL, REFUND), whose lease has run out to {@code owner}: locks them with {@code skip locked}, so
     * concurrent replicas take different orders, and sets their lease {@code lease} into the future, so no
     * other driver claims them while this one drives them. Must run in a transaction of its own.
     */
    public List<OrderId> leaseStalePending(Instant now, Duration lease, int limit, UUID owner) {
        List<UUID> ids = jdbc.sql("""
                select id from orders
                where (status = 'PENDING' or pending_action is not null) and lease_until <= :now
                order by lease_until limit :limit for update skip locked
                """)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(UUID.class)
                .list();
        if (!ids.isEmpty()) {
            jdbc.sql("update orders set lease_owner = :owner, lease_until = :until where id in (:ids)")
                    .param("owner", owner)
                    .param("until", Timestamp.from(now.plus(lease)))
                    .param("ids", ids)
                    .update();
        }
        return ids.stream().map(OrderId::new).toList();
    }

    private Map<UUID, List<OrderLine>> linesOf(List<UUID> orderIds) {
        Map<UUID, List<OrderLine>> lines = new LinkedHashMap<>();
        if (orderIds.isEmpty()) {
            return lines;
        }
        jdbc.sql("""
                select l.order_id, l.product_id, l.sku, l.name, l.quantity, l.unit_price, o.currency
                from order_line l join orders o on o.id = l.order_id
                where l.order_id in (:ids) order by l.order_id, l.line_no
                """)
                .param("ids", orderIds)
                .query(rs -> {
                    lines.computeIfAbsent(rs.getObject("order_id", UUID.class), id -> new ArrayList<>())
                            .add(new OrderLine(rs.getObject("product_id", UUID.class), rs.getString("sku"),
                                    rs.getString("name"), rs.getInt("quantity"),
                                    new Money(rs.getBigDecimal("unit_price"), rs.getString("currency"))));
                });
        return lines;
    }

    private record OrderRow(UUID id, UUID customerId, String email, String status, String rejectionReason,
            String pendingRejection, String paymentToken, ShippingAddress address, Instant createdAt,
            Instant updatedAt, Order.Fulfilment fulfilment, Redemption redemption) {

        OrderRow(ResultSet rs) throws SQLException {
            this(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                    rs.getString("customer_email"), rs.getString("status"), rs.getString("rejection_reason"),
                    rs.getString("pending_rejection"), rs.getString("payment_token"),
                    new ShippingAddress(rs.getString("ship_name"), rs.getString("ship_line1"),
                            rs.getString("ship_city"), rs.getString("ship_postal_code"),
                            rs.getString("ship_country")),
                    rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                    new Order.Fulfilment(enumOf(PendingAction.class, rs.getString("pending_action")),
                            enumOf(Actor.class, rs.getString("pending_action_by")),
                            rs.getString("carrier") == null ? null : new Shipment(rs.getString("shipment_id"),
                                    rs.getString("carrier"), rs.getString("tracking_number"),
                                    rs.getString("tracking_url")),
                            instant(rs, "shipped_at"), instant(rs, "delivered_at"),
                            enumOf(Actor.class, rs.getString("cancelled_by")), instant(rs, "cancelled_at")),
                    new Redemption(rs.getLong("points_to_redeem"), rs.getTimestamp("points_held_at") != null,
                            rs.getLong("points_redeemed"), new Money(rs.getBigDecimal("discount_amount"),
                                    rs.getString("currency"))));
        }

        Order toOrder(List<OrderLine> lines) {
            return Order.restore(new OrderId(id), new CustomerId(customerId), email, lines, address, paymentToken,
                    OrderStatus.valueOf(status), rejectionReason == null ? null : RejectionReason.valueOf(rejectionReason),
                    pendingRejection == null ? null : RejectionReason.valueOf(pendingRejection), createdAt,
                    updatedAt, fulfilment, redemption);
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    // ---- lifecycle after checkout ---------------------------------------------------------------------------

    /** The order's row lock and driver lease, read with {@code for update}. */
    public record Locked(Order order, UUID leaseOwner, Instant leaseUntil, Instant deliveryReportedAt) {

        /** Whether {@code driver} may drive the order now: it holds the lease, or nobody holds a live one. */
        public boolean drivableBy(UUID driver, Instant now) {
            return driver.equals(leaseOwner) || leaseOwner == null || !leaseUntil.isAfter(now);
        }
    }

    /**
     * Locks the order's row until the transaction ends and reads it: every transition after checkout starts
     * here, so transitions of one order are serialised and each sees what the previous one committed. Must
     * run in a transaction.
     */
    public Optional<Locked> lock(OrderId id) {
        return jdbc.sql("select lease_owner, lease_until, delivery_reported_at from orders where id = :id for update")
                .param("id", id.value())
                .query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                        instant(rs, "delivery_reported_at") })
                .optional()
                .map(row -> new Locked(findById(id).orElseThrow(), (UUID) row[0], (Instant) row[1], (Instant) row[2]));
    }

    /**
     * Writes the order's status and fulfilment as {@code after} has them, appends {@code change} to its history,
     * and, when {@code releaseLease}, lets go of the driver lease. Call on a row {@link #lock locked} in this
     * transaction, after checking the move; publish the transition's event in the same transaction.
     */
    public void save(Order after, StatusChange change, boolean releaseLease) {
        Order.Fulfilment f = after.fulfilment();
        Shipment shipment = f.shipment();
        jdbc.sql("""
                update orders set status = :status, pending_action = :pendingAction, pending_action_by = :by,
                    shipment_id = :shipmentId, carrier = :carrier, tracking_number = :trackingNumber,
                    tracking_url = :trackingUrl, shipped_at = :shippedAt, delivered_at = :deliveredAt,
                    cancelled_by = :cancelledBy, cancelled_at = :cancelledAt, updated_at = :updatedAt,
                    action_problem = case when :clearProblem then null else action_problem end,
                    lease_owner = case when :release then null else lease_owner end
                where id = :id
                """)
                .param("status", after.status().name())
                .param("pendingAction", f.pendingAction() == null ? null : f.pendingAction().name())
                .param("by", f.pendingActionBy() == null ? null : f.pendingActionBy().name())
                .param("shipmentId", shipment == null ? null : shipment.shipmentId())
                .param("carrier", shipment == null ? null : shipment.carrier())
                .param("trackingNumber", shipment == null ? null : shipment.trackingNumber())
                .param("trackingUrl", shipment == null ? null : shipment.trackingUrl())
                .param("shippedAt", timestamp(f.shippedAt()))
                .param("deliveredAt", timestamp(f.deliveredAt()))
                .param("cancelledBy", f.cancelledBy() == null ? null : f.cancelledBy().name())
                .param("cancelledAt", timestamp(f.cancelledAt()))
                .param("updatedAt", Timestamp.from(after.updatedAt()))
                .param("clearProblem", change != null && change.from() != change.to())
                .param("release", releaseLease)
                .param("id", after.id().value())
                .update();
        if (change != null) {
            appendHistory(after.id(), change);
        }
    }

    /** Records an intent; takes the lease for {@code owner} unless another driver holds a live one. */
    public void recordIntent(OrderId id, PendingAction action, Actor by, UUID owner, Instant now, Instant until) {
        jdbc.sql("""
                update orders set pending_action = :action, pending_action_by = :by, action_problem = null,
                    lease_owner = case when lease_owner is null or lease_until <= :now then :owner else lease_owner end,
                    lease_until = case when lease_owner is null or lease_until <= :now then :until else lease_until end
                where id = :id
                """)
                .param("action", action.name())
                .param("by", by.name())
                .param("owner", owner)
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(until))
                .param("id", id.value())
                .update();
    }

    /** Ends the pending action (done, or given up), leaving {@code problem} for admins when it failed. */
    public void clearIntent(OrderId id, String problem) {
        jdbc.sql("""
                update orders set pending_action = null, pending_action_by = null, action_problem = :problem,
                    lease_owner = null
                where id = :id
                """)
                .param("problem", problem)
                .param("id", id.value())
                .update();
    }

    /**
     * Claims or renews the lease of an order with a pending action for {@code owner}: succeeds when the owner
     * holds it, nobody does, or the lease has run out.
     */
    public boolean claimAction(OrderId id, UUID owner, Instant now, Instant until) {
        return jdbc.sql("""
                update orders set lease_owner = :owner, lease_until = :until
                where id = :id and pending_action is not null
                  and (lease_owner = :owner or lease_owner is null or lease_until <= :now)
                """)
                .param("owner", owner)
                .param("until", Timestamp.from(until))
                .param("id", id.value())
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** Lets the lease of an action this owner could not finish end at {@code retryAt}, for the recovery job. */
    public void postponeAction(OrderId id, UUID owner, Instant retryAt) {
        jdbc.sql("update orders set lease_until = :retryAt where id = :id and lease_owner = :owner")
                .param("retryAt", Timestamp.from(retryAt))
                .param("id", id.value())
                .param("owner", owner)
                .update();
    }

    /** Remembers that the carrier reported delivery before the shipment was recorded. */
    public void recordDeliveryReported(OrderId id, Instant at) {
        jdbc.sql("update orders set delivery_reported_at = coalesce(delivery_reported_at, :at) where id = :id")
                .param("at", Timestamp.from(at))
                .param("id", id.value())
                .update();
    }

    /** The last intent that failed for good, if it was not asked for again since. */
    public Optional<String> actionProblem(OrderId id) {
        return jdbc.sql("select action_problem from orders where id = :id")
                .param("id", id.value())
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
                .optional()
                .flatMap(problem -> problem);
    }

    public void appendHistory(OrderId id, StatusChange change) {
        jdbc.sql("""
                insert into order_status_history (order_id, from_status, to_status, at, actor, cause, detail)
                values (:orderId, :from, :to, :at, :actor, :cause, :detail)
                """)
                .param("orderId", id.value())
                .param("from", change.from() == null ? null : change.from().name())
                .param("to", change.to().name())
                .param("at", Timestamp.from(change.at()))
                .param("actor", change.actor().name())
                .param("cause", change.cause())
                .param("detail", change.detail())
                .update();
    }

    /** The order's status history, oldest first. */
    public List<StatusChange> history(OrderId id) {
        return jdbc.sql("""
                select from_status, to_status, at, actor, cause, detail from order_status_history
                where order_id = :id order by id
                """)
                .param("id", id.value())
                .query((rs, n) -> new StatusChange(enumOf(OrderStatus.class, rs.getString("from_status")),
                        OrderStatus.valueOf(rs.getString("to_status")), rs.getTimestamp("at").toInstant(),
                        Actor.valueOf(rs.getString("actor")), rs.getString("cause"), rs.getString("detail")))
                .list();
    }

    public void appendTracking(OrderId id, TrackingEvent event) {
        jdbc.sql("""
                insert into order_tracking_event (order_id, status, location, occurred_at)
                values (:orderId, :status, :location, :occurredAt)
                """)
                .param("orderId", id.value())
                .param("status", event.status())
                .param("location", event.location())
                .param("occurredAt", Timestamp.from(event.occurredAt()))
                .update();
    }

    /** What the carrier reported about the order's parcel, oldest first. */
    public List<TrackingEvent> tracking(OrderId id) {
        return jdbc.sql("""
                select status, location, occurred_at from order_tracking_event where order_id = :id
                order by occurred_at, id
                """)
                .param("id", id.value())
                .query((rs, n) -> new TrackingEvent(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** Filters of the admins' order list; null filters do not apply. */
    public record Search(OrderStatus status, CustomerId customerId, String email, Instant from, Instant to,
            int page, int size) {
    }

    /** One page of orders, newest first, and how many match in all. */
    public record Page(List<Order> orders, int page, int size, long total) {
    }

    public Page search(Search search) {
        // Only the filters asked for end up in the statement, so each stays a plain indexable predicate.
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (search.status() != null) {
            conditions.add("status = :status");
            params.put("status", search.status().name());
        }
        if (search.customerId() != null) {
            conditions.add("customer_id = :customerId");
            params.put("customerId", search.customerId().value());
        }
        if (search.email() != null) {
            conditions.add("lower(customer_email) = lower(:email)");
            params.put("email", search.email());
        }
        if (search.from() != null) {
            conditions.add("created_at >= :from");
            params.put("from", Timestamp.from(search.from()));
        }
        if (search.to() != null) {
            conditions.add("created_at < :to");
            params.put("to", Timestamp.from(search.to()));
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long count = jdbc.sql("select count(*) from orders" + where).params(params).query(Long.class).single();
        List<OrderRow> rows = jdbc.sql("select " + ORDER_COLUMNS + " from orders" + where
                + " order by created_at desc, id limit :limit offset :offset")
                .params(params)
                .param("limit", search.size())
                .param("offset", (long) search.page() * search.size())
                .query((rs, n) -> new OrderRow(rs))
                .list();
        Map<UUID, List<OrderLine>> lines = linesOf(rows.stream().map(OrderRow::id).toList());
        return new Page(rows.stream().map(row -> row.toOrder(lines.getOrDefault(row.id(), List.of()))).toList(),
                search.page(), search.size(), count);
    }
}
