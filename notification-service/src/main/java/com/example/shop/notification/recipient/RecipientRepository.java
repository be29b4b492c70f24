package com.example.shop.notification.recipient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The recipient directory in table {@code recipient}, and the forgotten customers in {@code forgotten_customer}. */
@Repository
public class RecipientRepository {

    private static final TypeReference<Map<String, List<String>>> SUBSCRIPTIONS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RecipientRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Stores the recipient unless a state at least as new is stored already, so events that arrive out of order
     * (or again) never bring back older preferences.
     *
     * @return {@code true} when this state is now the stored one
     */
    public boolean upsertIfNewer(Recipient recipient) {
        return jdbc.sql("""
                insert into recipient (customer_id, email, name, marketing_opt_in, subscriptions, unsubscribe_token,
                        as_of, updated_at)
                values (:customerId, :email, :name, :marketingOptIn, cast(:subscriptions as jsonb), :token, :asOf,
                        now())
                on conflict (customer_id) do update
                set email = excluded.email, name = excluded.name, marketing_opt_in = excluded.marketing_opt_in,
                    subscriptions = excluded.subscriptions, unsubscribe_token = excluded.unsubscribe_token,
                    as_of = excluded.as_of, updated_at = now()
                where recipient.as_of < excluded.as_of
                """)
                .param("customerId", recipient.customerId())
                .param("email", recipient.email())
                .param("name", recipient.name())
                .param("marketingOptIn", recipient.marketingOptIn())
                .param("subscriptions", json.writeValueAsString(recipient.channelsByTopic()))
                .param("token", recipient.unsubscribeToken())
                .param("asOf", Timestamp.from(recipient.asOf()))
                .update() == 1;
    }

    public Optional<Recipient> find(UUID customerId) {
        return jdbc.sql("""
                select customer_id, email, name, marketing_opt_in, subscriptions::text as subscriptions,
                       unsubscribe_token, as_of
                from recipient where customer_id = :customerId
                """)
                .param("customerId", customerId)
                .query(this::map)
                .optional();
    }

    /** Drops the customer's entry and remembers that they are gone; returns whether they were forgotten now. */
    public boolean forget(UUID customerId) {
        jdbc.sql("delete from recipient where customer_id = :customerId").param("customerId", customerId).update();
        return jdbc.sql("""
                insert into forgotten_customer (customer_id, deleted_at) values (:customerId, now())
                on conflict do nothing
                """).param("customerId", customerId).update() == 1;
    }

    public boolean isForgotten(UUID customerId) {
        return jdbc.sql("select count(*) from forgotten_customer where customer_id = :customerId")
                .param("customerId", customerId).query(Long.class).single() > 0;
    }

    private Recipient map(ResultSet rs, int row) throws SQLException {
        return new Recipient(rs.getObject("customer_id", UUID.class), rs.getString("email"), rs.getString("name"),
                rs.getBoolean("marketing_opt_in"), json.readValue(rs.getString("subscriptions"), SUBSCRIPTIONS),
                rs.getString("unsubscribe_token"), rs.getTimestamp("as_of").toInstant());
    }
}
