package com.example.shop.payment.payments;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Provider operations in PostgreSQL ({@code payment_operation}). */
@Repository
public class PaymentOperationRepository {

    private static final String COLUMNS = """
            id, payment_id, kind, amount, currency, idempotency_key, refund_id, reason, status, provider_reference,
            attempts, error, created_at, updated_at, settled_at""";

    private final JdbcClient jdbc;

    PaymentOperationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the operation unless the payment already has one of its kind (for a refund: with its refund id),
     * and returns the one stored. The partial unique indexes make concurrent callers share one row, hence one
     * provider idempotency key.
     */
    @Transactional
    public PaymentOperation insertOrGet(PaymentOperation candidate) {
        jdbc.sql("""
                insert into payment_operation (%s)
                values (:id, :paymentId, :kind, :amount, :currency, :key, :refundId, :reason, :status, null, 0, null,
                        :now, :now, null)
                on conflict do nothing""".formatted(COLUMNS))
                .param("id", candidate.id().value())
                .param("paymentId", candidate.paymentId().value())
                .param("kind", candidate.kind().name())
                .param("amount", candidate.amount().amount())
                .param("currency", candidate.amount().currency().getCurrencyCode())
                .param("key", candidate.idempotencyKey())
                .param("refundId", candidate.refundId())
                .param("reason", candidate.reason())
                .param("status", candidate.status().name())
                .param("now", Timestamp.from(candidate.createdAt()))
                .update();
        return candidate.kind() == OperationKind.REFUND
                ? findRefund(candidate.paymentId(), candidate.refundId()).orElseThrow()
                : findOne(candidate.paymentId(), candidate.kind()).orElseThrow();
    }

    public Optional<PaymentOperation> find(OperationId id) {
        return jdbc.sql("select " + COLUMNS + " from payment_operation where id = ?")
                .param(id.value())
                .query(PaymentOperationRepository::operation)
                .optional();
    }

    /** The payment's operation of a kind that a payment has at most once (authorise, capture, void). */
    public Optional<PaymentOperation> findOne(PaymentId paymentId, OperationKind kind) {
        return jdbc.sql("select " + COLUMNS + " from payment_operation where payment_id = ? and kind = ?")
                .params(paymentId.value(), kind.name())
                .query(PaymentOperationRepository::operation)
                .optional();
    }

    public Optional<PaymentOperation> findRefund(PaymentId paymentId, UUID refundId) {
        return jdbc.sql("select " + COLUMNS + " from payment_operation where payment_id = ? and kind = 'REFUND' and refund_id = ?")
                .params(paymentId.value(), refundId)
                .query(PaymentOperationRepository::operation)
                .optional();
    }

    /** The payment's operations, oldest first. */
    public List<PaymentOperation> ofPayment(PaymentId paymentId) {
        return jdbc.sql("select " + COLUMNS + " from payment_operation where payment_id = ? order by created_at, id")
                .param(paymentId.value())
                .query(PaymentOperationRepository::operation)
                .list();
    }

    /** The operation, locked until the transaction ends. */
    PaymentOperation lock(OperationId id) {
        return jdbc.sql("select " + COLUMNS + " from payment_operation where id = ? for update")
                .param(id.value())
                .query(PaymentOperationRepository::operation)
                .single();
    }

    /**
     * The sum of the payment's operations of a kind in these statuses (zero when there are none), in the
     * payment's currency's scale.
     */
    BigDecimal sum(PaymentId paymentId, OperationKind kind, List<OperationStatus> statuses) {
        return jdbc.sql("""
                select coalesce(sum(amount), 0) from payment_operation
                where payment_id = :paymentId and kind = :kind and status in (:statuses)""")
                .param("paymentId", paymentId.value())
                .param("kind", kind.name())
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .query(BigDecimal.class)
                .single();
    }

    /**
     * Counts one more request for an open operation and marks it as picked up now, so the reconciliation job
     * leaves it alone while the request runs. Returns false when the operation is no longer open.
     */
    @Transactional
    public boolean beginAttempt(OperationId id, Instant now) {
        return jdbc.sql("""
                update payment_operation set attempts = attempts + 1, updated_at = ?
                where id = ? and status in ('PENDING', 'UNKNOWN')""")
                .params(Timestamp.from(now), id.value())
                .update() == 1;
    }

    void markUnknown(OperationId id, String reason, Instant now) {
        jdbc.sql("update payment_operation set status = 'UNKNOWN', error = ?, updated_at = ? where id = ?")
                .params(reason, Timestamp.from(now), id.value())
                .update();
    }

    void markFailed(OperationId id, String code, Instant now) {
        jdbc.sql("""
                update payment_operation set status = 'FAILED', error = ?, updated_at = ?, settled_at = ? where id = ?""")
                .params(code, Timestamp.from(now), Timestamp.from(now), id.value())
                .update();
    }

    void markSucceeded(OperationId id, String providerReference, Instant now) {
        jdbc.sql("""
                update payment_operation set status = 'SUCCEEDED', provider_reference = ?, error = null,
                       updated_at = ?, settled_at = ?
                where id = ?""")
                .params(providerReference, Timestamp.from(now), Timestamp.from(now), id.value())
                .update();
    }

    /** A FAILED operation that may be asked for again under its key (a void, an authorisation not yet final). */
    void reopen(OperationId id, Instant now) {
        jdbc.sql("update payment_operation set status = 'PENDING', settled_at = null, updated_at = ? where id = ? and status = 'FAILED'")
                .params(Timestamp.from(now), id.value())
                .update();
    }

    /**
     * Takes up to {@code limit} operations left open since before {@code staleBefore} and marks them as picked up
     * now. {@code skip locked} in one statement: two instances of the job never take the same operation, and
     * neither holds a lock while it asks the provider.
     */
    @Transactional
    public List<PaymentOperation> claimStale(Instant staleBefore, Instant now, int limit) {
        return jdbc.sql("""
                update payment_operation set updated_at = :now
                where id in (select id from payment_operation
                             where status in ('PENDING', 'UNKNOWN') and updated_at < :staleBefore
                             order by updated_at limit :limit
                             for update skip locked)
                returning %s""".formatted(COLUMNS))
                .param("now", Timestamp.from(now))
                .param("staleBefore", Timestamp.from(staleBefore))
                .param("limit", limit)
                .query(PaymentOperationRepository::operation)
                .list();
    }

    private static PaymentOperation operation(ResultSet rs, int row) throws SQLException {
        Timestamp settledAt = rs.getTimestamp("settled_at");
        return new PaymentOperation(
                new OperationId(rs.getObject("id", UUID.class)),
                new PaymentId(rs.getObject("payment_id", UUID.class)),
                OperationKind.valueOf(rs.getString("kind")),
                new Money(rs.getObject("amount", BigDecimal.class), Currency.getInstance(rs.getString("currency"))),
                rs.getString("idempotency_key"),
                rs.getObject("refund_id", UUID.class),
                rs.getString("reason"),
                OperationStatus.valueOf(rs.getString("status")),
                rs.getString("provider_reference"),
                rs.getInt("attempts"),
                rs.getString("error"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                settledAt == null ? null : settledAt.toInstant());
    }
}
