package com.example.shop.customer.survey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.example.shop.customer.account.CustomerId;

/** Surveys in table {@code survey}. */
@Repository
class SurveyRepository {

    private final JdbcClient jdbc;

    SurveyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return {@code false} when the order has a survey already */
    boolean insertIfAbsent(Survey survey) {
        return jdbc.sql("""
                insert into survey (id, token, order_id, customer_id, created_at, due_at, expires_at)
                values (:id, :token, :order, :customer, :createdAt, :dueAt, :expiresAt)
                on conflict (order_id) do nothing
                """)
                .param("id", survey.id().value())
                .param("token", survey.token())
                .param("order", survey.orderId())
                .param("customer", survey.customerId().value())
                .param("createdAt", Timestamp.from(survey.createdAt()))
                .param("dueAt", Timestamp.from(survey.dueAt()))
                .param("expiresAt", Timestamp.from(survey.expiresAt()))
                .update() == 1;
    }

    /**
     * Invitations due now, locked; {@code skip locked} lets several replicas (or overlapping runs) share the work
     * without publishing one invitation twice.
     */
    List<Survey> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                select * from survey
                 where invited_at is null and due_at <= :now
                 order by due_at
                 limit :limit
                 for update skip locked
                """)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(SurveyRepository::map)
                .list();
    }

    void markInvited(SurveyId id, Instant at) {
        jdbc.sql("update survey set invited_at = :at where id = :id")
                .param("id", id.value()).param("at", Timestamp.from(at)).update();
    }

    void delete(SurveyId id) {
        jdbc.sql("delete from survey where id = :id").param("id", id.value()).update();
    }

    Optional<Survey> findByToken(String token) {
        return jdbc.sql("select * from survey where token = :token").param("token", token)
                .query(SurveyRepository::map).optional();
    }

    Optional<Survey> lockByToken(String token) {
        return jdbc.sql("select * from survey where token = :token for update").param("token", token)
                .query(SurveyRepository::map).optional();
    }

    void answer(SurveyId id, int score, String comment, Instant at) {
        jdbc.sql("update survey set score = :score, comment = :comment, answered_at = :at where id = :id")
                .param("id", id.value())
                .param("score", score)
                .param("comment", comment, java.sql.Types.VARCHAR)
                .param("at", Timestamp.from(at))
                .update();
    }

    List<Survey> ofCustomer(CustomerId customer) {
        return jdbc.sql("select * from survey where customer_id = :customer order by created_at")
                .param("customer", customer.value())
                .query(SurveyRepository::map).list();
    }

    /** Unanswered surveys go; answered ones keep their score but lose the person and the free text. */
    void forget(CustomerId customer) {
        jdbc.sql("delete from survey where customer_id = :customer and answered_at is null")
                .param("customer", customer.value()).update();
        jdbc.sql("update survey set customer_id = null, comment = null where customer_id = :customer")
                .param("customer", customer.value()).update();
    }

    /** Promoters, passives and detractors answered in [from, to). */
    NetPromoterScore nps(Instant from, Instant to) {
        return jdbc.sql("""
                select count(*) filter (where score >= 9)             as promoters,
                       count(*) filter (where score between 7 and 8) as passives,
                       count(*) filter (where score <= 6)            as detractors
                  from survey
                 where answered_at >= :from and answered_at < :to
                """)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, row) -> NetPromoterScore.of(from, to, rs.getLong("promoters"), rs.getLong("passives"),
                        rs.getLong("detractors")))
                .single();
    }

    List<Survey> answered(Instant from, Instant to, int page, int size) {
        return jdbc.sql("""
                select * from survey
                 where answered_at >= :from and answered_at < :to
                 order by answered_at desc, id
                 limit :size offset :offset
                """)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("size", size)
                .param("offset", (long) page * size)
                .query(SurveyRepository::map).list();
    }

    long countAnswered(Instant from, Instant to) {
        return jdbc.sql("select count(*) from survey where answered_at >= :from and answered_at < :to")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(Long.class).single();
    }

    private static Survey map(ResultSet rs, int row) throws SQLException {
        UUID customer = rs.getObject("customer_id", UUID.class);
        return new Survey(new SurveyId(rs.getObject("id", UUID.class)), rs.getString("token"),
                rs.getObject("order_id", UUID.class), customer == null ? null : new CustomerId(customer),
                instant(rs, "created_at"), instant(rs, "due_at"), instant(rs, "expires_at"),
                instant(rs, "invited_at"), instant(rs, "answered_at"), (Integer) rs.getObject("score", Integer.class),
                rs.getString("comment"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
