package com.example.shop.shipping.shipments;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Shipments and their tracking events in PostgreSQL. */
@Repository
public class ShipmentRepository {

    private static final String COLUMNS = """
            id, order_id, customer_id, weight_grams, recipient_name, address_line1, city, postal_code, country,
            status, carrier, service, price_amount, price_currency, tracking_number, tracking_url, reject_reason,
            created_at, updated_at, label_created_at, delivered_at, anonymised_at""";

    /** What an anonymised shipment keeps instead of the recipient's name and street. */
    public static final String ANONYMISED = "anonymised";

    private static final String TRACKED = "('LABEL_CREATED', 'PICKED_UP', 'IN_TRANSIT', 'OUT_FOR_DELIVERY')";

    private final JdbcClient jdbc;

    ShipmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The order's shipment, created as PENDING if the order has none. The unique order id makes concurrent
     * callers for one order end up with the same row, and so with the same carrier idempotency key. An existing
     * shipment stored without a customer learns it from a later request that names one (a caller that was
     * upgraded between its first request and a retry); a customer once stored is never replaced.
     */
    @Transactional
    public Shipment findOrCreate(Shipment candidate) {
        Address address = candidate.address();
        jdbc.sql("""
                insert into shipment (id, order_id, customer_id, weight_grams, recipient_name, address_line1, city,
                                      postal_code, country, status, created_at, updated_at)
                values (:id, :orderId, :customerId, :weight, :name, :line1, :city, :postalCode, :country, 'PENDING',
                        :now, :now)
                on conflict (order_id) do update set customer_id = excluded.customer_id
                    where shipment.customer_id is null and excluded.customer_id is not null""")
                .param("id", candidate.id().value())
                .param("orderId", candidate.orderId().value())
                .param("customerId", candidate.customerId() == null ? null : candidate.customerId().value())
                .param("weight", candidate.weightGrams())
                .param("name", address.name())
                .param("line1", address.line1())
                .param("city", address.city())
                .param("postalCode", address.postalCode())
                .param("country", address.country())
                .param("now", Timestamp.from(candidate.createdAt()))
                .update();
        return findByOrderId(candidate.orderId()).orElseThrow();
    }

    public Optional<Shipment> findByOrderId(OrderId orderId) {
        return jdbc.sql("select " + COLUMNS + " from shipment where order_id = ?")
                .param(orderId.value())
                .query(ShipmentRepository::shipment)
                .optional();
    }

    Shipment get(ShipmentId id) {
        return jdbc.sql("select " + COLUMNS + " from shipment where id = ?")
                .param(id.value())
                .query(ShipmentRepository::shipment)
                .single();
    }

    /** The shipment, locked until the transaction ends; the caller must be in one. */
    Shipment lock(ShipmentId id) {
        return jdbc.sql("select " + COLUMNS + " from shipment where id = ? for update")
                .param(id.value())
                .query(ShipmentRepository::shipment)
                .single();
    }

    /**
     * Settles which rate a PENDING shipment is bought with. Only the first choice counts, so concurrent callers
     * all send the carrier the same request; the shipment as it is afterwards is returned.
     */
    public Shipment chooseRate(ShipmentId id, Quote quote, Instant now) {
        jdbc.sql("""
                update shipment set carrier = ?, service = ?, price_amount = ?, price_currency = ?, updated_at = ?
                where id = ? and status = 'PENDING' and carrier is null""")
                .params(quote.carrier(), quote.service(), quote.price().amount(), quote.price().currency(),
                        Timestamp.from(now), id.value())
                .update();
        return get(id);
    }

    /** PENDING → REJECTED with the carrier's reason; false when the shipment was no longer PENDING. */
    public boolean reject(ShipmentId id, String reason, Instant now) {
        return jdbc.sql("""
                update shipment set status = 'REJECTED', reject_reason = ?, updated_at = ?
                where id = ? and status = 'PENDING'""")
                .params(reason, Timestamp.from(now), id.value())
                .update() == 1;
    }

    /**
     * REJECTED → PENDING for another request (a corrected address or weight), forgetting the rate chosen for the
     * old one. The shipment keeps its id: the carrier stored nothing under it for the refused request.
     */
    @Transactional
    public Shipment reopen(ShipmentId id, int weightGrams, Address address, Instant now) {
        jdbc.sql("""
                update shipment set weight_grams = :weight, recipient_name = :name, address_line1 = :line1,
                       city = :city, postal_code = :postalCode, country = :country, status = 'PENDING',
                       carrier = null, service = null, price_amount = null, price_currency = null,
                       reject_reason = null, updated_at = :now
                where id = :id and status = 'REJECTED'""")
                .param("weight", weightGrams)
                .param("name", address.name())
                .param("line1", address.line1())
                .param("city", address.city())
                .param("postalCode", address.postalCode())
                .param("country", address.country())
                .param("now", Timestamp.from(now))
                .param("id", id.value())
                .update();
        return get(id);
    }

    /**
     * PENDING → LABEL_CREATED with the label; the tracking poller asks about it from now on. False when another
     * caller recorded the label first.
     */
    public boolean recordLabel(ShipmentId id, Label label, Instant now) {
        return jdbc.sql("""
                update shipment set status = 'LABEL_CREATED', carrier = :carrier, service = :service,
                       price_amount = :amount, price_currency = :currency, carrier_label_id = :labelId,
                       tracking_number = :trackingNumber, tracking_url = :trackingUrl,
                       label_created_at = :createdAt, updated_at = :now, next_poll_at = :now
                where id = :id and status = 'PENDING'""")
                .param("carrier", label.carrier())
                .param("service", label.service())
                .param("amount", label.price().amount())
                .param("currency", label.price().currency())
                .param("labelId", label.carrierLabelId())
                .param("trackingNumber", label.trackingNumber())
                .param("trackingUrl", label.trackingUrl())
                .param("createdAt", Timestamp.from(label.createdAt()))
                .param("now", Timestamp.from(now))
                .param("id", id.value())
                .update() == 1;
    }

    /**
     * Takes up to {@code limit} shipments whose tracking is due and moves their next poll {@code interval} on,
     * in one statement. Rows another instance is claiming are skipped ({@code skip locked}), so instances share
     * the work rather than polling the same parcels.
     */
    @Transactional
    public List<Shipment> claimDueForTracking(Instant now, Duration interval, int limit) {
        return jdbc.sql("""
                update shipment set next_poll_at = :next
                where id in (select id from shipment
                             where status in %s and next_poll_at <= :now
                             order by next_poll_at
                             limit :limit
                             for update skip locked)
                returning %s""".formatted(TRACKED, COLUMNS))
                .param("next", Timestamp.from(now.plus(interval)))
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(ShipmentRepository::shipment)
                .list();
    }

    /** Records a tracking event unless the shipment already has one with its status; true when it is new. */
    boolean addTrackingEvent(ShipmentId id, TrackingEvent event, Instant now) {
        return jdbc.sql("""
                insert into tracking_event (shipment_id, status, location, occurred_at, recorded_at)
                values (?, ?, ?, ?, ?)
                on conflict (shipment_id, status) do nothing""")
                .params(id.value(), event.status(), event.location(), Timestamp.from(event.occurredAt()),
                        Timestamp.from(now))
                .update() == 1;
    }

    /** Moves the status on (never back) and, on delivery, stops the polling. */
    void updateStatus(ShipmentId id, ShipmentStatus status, Instant deliveredAt, Instant now) {
        jdbc.sql("""
                update shipment set status = ?, delivered_at = coalesce(delivered_at, cast(? as timestamptz)),
                       updated_at = ?, next_poll_at = case when ? then null else next_poll_at end
                where id = ?""")
                .params(status.name(), deliveredAt == null ? null : Timestamp.from(deliveredAt), Timestamp.from(now),
                        status == ShipmentStatus.DELIVERED, id.value())
                .update();
    }

    /** The customer's shipments, oldest first. */
    public List<Shipment> findByCustomer(CustomerId customer) {
        return jdbc.sql("select " + COLUMNS + " from shipment where customer_id = ? order by created_at, id")
                .param(customer.value())
                .query(ShipmentRepository::shipment)
                .list();
    }

    /**
     * Replaces the recipient's name and street of the customer's shipments not yet anonymised with
     * {@value #ANONYMISED}; postal code, city and country stay (they say where parcels went, not to whom).
     * Idempotent: anonymised shipments are left alone.
     *
     * @return how many shipments were anonymised now
     */
    public int anonymise(CustomerId customer, Instant now) {
        return jdbc.sql("""
                update shipment set recipient_name = :anonymised, address_line1 = :anonymised, anonymised_at = :now,
                       updated_at = :now
                where customer_id = :customer and anonymised_at is null""")
                .param("anonymised", ANONYMISED)
                .param("now", Timestamp.from(now))
                .param("customer", customer.value())
                .update();
    }

    /** The tracking events of a shipment, oldest first. */
    public List<TrackingEvent> trackingEvents(ShipmentId id) {
        return jdbc.sql("""
                select status, location, occurred_at from tracking_event where shipment_id = ?
                order by occurred_at, recorded_at""")
                .param(id.value())
                .query((rs, row) -> new TrackingEvent(rs.getString("status"), rs.getString("location"),
                        rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }

    private static Shipment shipment(ResultSet rs, int row) throws SQLException {
        BigDecimal amount = rs.getObject("price_amount", BigDecimal.class);
        UUID customer = rs.getObject("customer_id", UUID.class);
        return new Shipment(
                new ShipmentId(rs.getObject("id", UUID.class)),
                new OrderId(rs.getObject("order_id", UUID.class)),
                customer == null ? null : new CustomerId(customer),
                rs.getInt("weight_grams"),
                new Address(rs.getString("recipient_name"), rs.getString("address_line1"), rs.getString("city"),
                        rs.getString("postal_code"), rs.getString("country")),
                ShipmentStatus.valueOf(rs.getString("status")),
                rs.getString("carrier"),
                rs.getString("service"),
                amount == null ? null : new Money(amount, rs.getString("price_currency")),
                rs.getString("tracking_number"),
                rs.getString("tracking_url"),
                rs.getString("reject_reason"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "label_created_at"),
                instant(rs, "delivered_at"),
                instant(rs, "anonymised_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
