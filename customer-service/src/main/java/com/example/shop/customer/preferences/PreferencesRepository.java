package com.example.shop.customer.preferences;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.example.shop.customer.account.CustomerId;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Preferences in {@code customer_preferences}, their history in {@code consent_history}. */
@Repository
class PreferencesRepository {

    private static final TypeReference<Map<String, List<String>>> SUBSCRIPTIONS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PreferencesRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A customer's stored preferences and unsubscribe token. */
    record Stored(CustomerId customerId, NotificationPreferences preferences, String unsubscribeToken) {
    }

    /** @return {@code false} when the customer has preferences already */
    boolean insertIfAbsent(CustomerId id, NotificationPreferences preferences, String token, Instant at) {
        return jdbc.sql("""
                insert into customer_preferences (customer_id, marketing_opt_in, subscriptions, unsubscribe_token,
                                                  updated_at)
                values (:id, :marketing, cast(:subscriptions as jsonb), :token, :at)
                on conflict (customer_id) do nothing
                """)
                .param("id", id.value())
                .param("marketing", preferences.marketingOptIn())
                .param("subscriptions", write(preferences))
                .param("token", token)
                .param("at", Timestamp.from(at))
                .update() == 1;
    }

    /** Reads and locks the row until the transaction ends, so concurrent changes are applied one after another. */
    Optional<Stored> lock(CustomerId id) {
        return jdbc.sql("select * from customer_preferences where customer_id = :id for update")
                .param("id", id.value())
                .query(this::map)
                .optional();
    }

    Optional<Stored> find(CustomerId id) {
        return jdbc.sql("select * from customer_preferences where customer_id = :id")
                .param("id", id.value())
                .query(this::map)
                .optional();
    }

    Optional<Stored> lockByToken(String token) {
        return jdbc.sql("select * from customer_preferences where unsubscribe_token = :token for update")
                .param("token", token)
                .query(this::map)
                .optional();
    }

    Optional<Stored> findByToken(String token) {
        return jdbc.sql("select * from customer_preferences where unsubscribe_token = :token")
                .param("token", token)
                .query(this::map)
                .optional();
    }

    void update(CustomerId id, NotificationPreferences preferences, Instant at) {
        jdbc.sql("""
                update customer_preferences
                   set marketing_opt_in = :marketing, subscriptions = cast(:subscriptions as jsonb), updated_at = :at
                 where customer_id = :id
                """)
                .param("id", id.value())
                .param("marketing", preferences.marketingOptIn())
                .param("subscriptions", write(preferences))
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Deletes the preferences and with them the unsubscribe token, so old links stop working. */
    void delete(CustomerId id) {
        jdbc.sql("delete from customer_preferences where customer_id = :id").param("id", id.value()).update();
    }

    void record(CustomerId id, ConsentChange change) {
        jdbc.sql("""
                insert into consent_history (customer_id, changed_at, source, marketing_opt_in_before,
                                             marketing_opt_in_after, subscriptions_before, subscriptions_after)
                values (:id, :at, :source, :marketingBefore, :marketingAfter, cast(:before as jsonb),
                        cast(:after as jsonb))
                """)
                .param("id", id.value())
                .param("at", Timestamp.from(change.changedAt()))
                .param("source", change.source().name())
                .param("marketingBefore", change.before() == null ? null : change.before().marketingOptIn(),
                        java.sql.Types.BOOLEAN)
                .param("marketingAfter", change.after().marketingOptIn())
                .param("before", change.before() == null ? null : write(change.before()), java.sql.Types.VARCHAR)
                .param("after", write(change.after()))
                .update();
    }

    /** The customer's consent history, oldest first. */
    List<ConsentChange> history(CustomerId id) {
        return jdbc.sql("select * from consent_history where customer_id = :id order by id")
                .param("id", id.value())
                .query((rs, row) -> new ConsentChange(rs.getTimestamp("changed_at").toInstant(),
                        ConsentSource.valueOf(rs.getString("source")),
                        rs.getString("subscriptions_before") == null ? null
                                : read(rs.getBoolean("marketing_opt_in_before"), rs.getString("subscriptions_before")),
                        read(rs.getBoolean("marketing_opt_in_after"), rs.getString("subscriptions_after"))))
                .list();
    }

    private Stored map(ResultSet rs, int row) throws SQLException {
        return new Stored(new CustomerId(rs.getObject("customer_id", UUID.class)),
                read(rs.getBoolean("marketing_opt_in"), rs.getString("subscriptions")),
                rs.getString("unsubscribe_token"));
    }

    private String write(NotificationPreferences preferences) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        preferences.subscriptions().forEach((topic, channels) -> out.put(topic.name(),
                preferences.channels(topic).stream().map(Channel::name).toList()));
        return json.writeValueAsString(out);
    }

    private NotificationPreferences read(boolean marketing, String subscriptions) {
        Map<Topic, Set<Channel>> map = new EnumMap<>(Topic.class);
        json.readValue(subscriptions, SUBSCRIPTIONS).forEach((topic, channels) -> {
            Set<Channel> set = EnumSet.noneOf(Channel.class);
            channels.forEach(channel -> set.add(Channel.valueOf(channel)));
            map.put(Topic.valueOf(topic), set);
        });
        return new NotificationPreferences(marketing, map);
    }
}
