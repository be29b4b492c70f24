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

/** Payments and their attempts in PostgreSQL. */
@Repository
public class PaymentRepository {

    private static final String COLUMNS = """
            id, order_id, amount, currency, payment_token, status, provider_payment_id, decline_code,
            created_at, updated_at""";

    private final JdbcClient jdbc;

    PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The order's payment, created as PENDING if the order has none. The unique order id makes concurrent
     * callers for one order end up with the same row, and so with the same provider idempotency key.
     */
    @Transactional
    public Payment findOrCreate(Payment candidate) {
        jdbc.sql("""
                insert into payment (%s)
                values (:id, :orderId, :amount, :currency, :token, :status, null, null, :createdAt, :updatedAt)
                on conflict (order_id) do nothing""".formatted(COLUMNS))
                .param("id", candidate.id().value())
                .param("orderId", candidate.orderId().value())
                .param("amount", candidate.amount().amount())
                .param("currency", candidate.amount().currency().getCurrencyCode())
                .param("token", candidate.paymentToken())
                .param("status", candidate.status().name())
                .param("createdAt", Timestamp.from(candidate.createdAt()))
                .param("updatedAt", Timestamp.from(candidate.updatedAt()))
                .update();
        return findByOrderId(candidate.orderId()).orElseThrow();
    }

    public Optional<Payment> findByOrderId(OrderId orderId) {
        return jdbc.sql("select " + COLUMNS + " from payment where order_id = ?")
                .param(orderId.value())
                .query(PaymentRepository::payment)
                .optional();
    }

    /**
     * Records one provider answer as the payment's next attempt and settles the payment with it, holding the
     * row lock so that concurrent answers for one payment are numbered and applied one at a time.
     */
    @Transactional
    public Payment recordAttempt(PaymentId id, AuthorizationOutcome outcome, Instant now) {
        Payment current = jdbc.sql("select " + COLUMNS + " from payment where id = ? for update")
                .param(id.value())
                .query(PaymentRepository::payment)
                .single();
        int attemptNo = jdbc.sql("select coalesce(max(attempt_no), 0) + 1 from payment_attempt where payment_id = ?")
                .param(id.value())
                .query(Integer.class)
                .single();
        jdbc.sql("""
                insert into payment_attempt (payment_id, attempt_no, outcome, detail, at)
                values (?, ?, ?, ?, ?)""")
                .params(id.value(), attemptNo, outcome.status().name(), detail(outcome), Timestamp.from(now))
                .update();
        Payment settled = current.settle(outcome, now);
        if (settled != current) {
            jdbc.sql("""
                    update payment set status = ?, provider_payment_id = ?, decline_code = ?, updated_at = ?
                    where id = ?""")
                    .params(settled.status().name(), settled.providerPaymentId(), settled.declineCode(),
                            Timestamp.from(now), id.value())
                    .update();
        }
        return settled;
    }

    /**
     * Records a cancel at the provider as the payment's next attempt and, if it released the hold, moves the
     * payment to CANCELLED (a late authorisation answer can then no longer change it).
     */
    @Transactional
    public Payment recordCancellation(PaymentId id, PaymentProvider.CancellationOutcome outcome, Instant now) {
        Payment current = jdbc.sql("select " + COLUMNS + " from payment where id = ? for update")
                .param(id.value())
                .query(PaymentRepository::payment)
                .single();
        int attemptNo = jdbc.sql("select coalesce(max(attempt_no), 0) + 1 from payment_attempt where payment_id = ?")
                .param(id.value())
                .query(Integer.class)
                .single();
        boolean cancelled = outcome instanceof PaymentProvider.CancellationOutcome.Cancelled;
        String detail = switch (outcome) {
            case PaymentProvider.CancellationOutcome.Cancelled c -> current.providerPaymentId();
            case PaymentProvider.CancellationOutcome.Unavailable unavailable -> "cancel: " + unavailable.reason();
            case PaymentProvider.CancellationOutcome.Refused refused -> "cancel refused: " + refused.code();
        };
        jdbc.sql("""
                insert into payment_attempt (payment_id, attempt_no, outcome, detail, at)
                values (?, ?, ?, ?, ?)""")
                .params(id.value(), attemptNo, cancelled ? PaymentStatus.CANCELLED.name() : PaymentStatus.UNAVAILABLE.name(),
                        detail, Timestamp.from(now))
                .update();
        if (!cancelled || current.status() == PaymentStatus.CANCELLED) {
            return current;
        }
        Payment settled = current.cancel(now);
        jdbc.sql("update payment set status = ?, updated_at = ? where id = ?")
                .params(settled.status().name(), Timestamp.from(now), id.value())
                .update();
        return settled;
    }

    public Optional<Payment> findById(PaymentId id) {
        return jdbc.sql("select " + COLUMNS + " from payment where id = ?")
                .param(id.value())
                .query(PaymentRepository::payment)
                .optional();
    }

    /** The payment, locked until the transaction ends: every change of a payment and its operations takes it. */
    Payment lock(PaymentId id) {
        return jdbc.sql("select " + COLUMNS + " from payment where id = ? for update")
                .param(id.value())
                .query(PaymentRepository::payment)
                .single();
    }

    void updateStatus(PaymentId id, PaymentStatus status, Instant now) {
        jdbc.sql("update payment set status = ?, updated_at = ? where id = ?")
                .params(status.name(), Timestamp.from(now), id.value())
                .update();
    }

    /** One page of payments, newest first, optionally of one status. */
    public List<Payment> page(Optional<PaymentStatus> status, int page, int size) {
        return jdbc.sql("select " + COLUMNS + " from payment where (cast(:status as text) is null or status = :status)"
                        + " order by created_at desc, id limit :limit offset :offset")
                .param("status", status.map(Enum::name).orElse(null))
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(PaymentRepository::payment)
                .list();
    }

    public long count(Optional<PaymentStatus> status) {
        return jdbc.sql("select count(*) from payment where (cast(:status as text) is null or status = :status)")
                .param("status", status.map(Enum::name).orElse(null))
                .query(Long.class)
                .single();
    }

    /** The attempts of a payment, oldest first. */
    public List<PaymentAttempt> attempts(PaymentId id) {
        return jdbc.sql("select attempt_no, outcome, detail, at from payment_attempt where payment_id = ? order by attempt_no")
                .param(id.value())
                .query((rs, row) -> new PaymentAttempt(rs.getInt("attempt_no"),
                        PaymentStatus.valueOf(rs.getString("outcome")), rs.getString("detail"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    private static String detail(AuthorizationOutcome outcome) {
        return switch (outcome) {
            case AuthorizationOutcome.Authorized authorized -> authorized.providerPaymentId();
            case AuthorizationOutcome.Declined declined -> declined.code();
            case AuthorizationOutcome.Unavailable unavailable -> unavailable.reason();
        };
    }

    private static Payment payment(ResultSet rs, int row) throws SQLException {
        return new Payment(
                new PaymentId(rs.getObject("id", UUID.class)),
                new OrderId(rs.getObject("order_id", UUID.class)),
                new Money(rs.getObject("amount", BigDecimal.class), Currency.getInstance(rs.getString("currency"))),
                rs.getString("payment_token"),
                PaymentStatus.valueOf(rs.getString("status")),
                rs.getString("provider_payment_id"),
                rs.getString("decline_code"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
