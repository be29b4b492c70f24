package com.example.shop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.example.shop.platform.testsupport.TestKafka;
import com.example.shop.platform.testsupport.TestPostgres;

import tools.jackson.databind.node.JsonNodeFactory;

@SpringBootTest(classes = MessagingTestApplication.class, properties = "shop.messaging.relay.enabled=false")
class InboxIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "messaging_test");
        TestKafka.register(registry);
    }

    @Autowired
    Inbox inbox;

    @Autowired
    JdbcClient jdbc;

    private static EventEnvelope event() {
        return new EventEnvelope(UUID.randomUUID(), "thing.happened.v1", "test", Instant.now(), "k",
                JsonNodeFactory.instance.objectNode());
    }

    @Test
    void appliesARedeliveredEventOnlyOnce() {
        var event = event();
        var effects = new AtomicInteger();

        assertThat(inbox.processOnce("counter", event, e -> effects.incrementAndGet())).isTrue();
        assertThat(inbox.processOnce("counter", event, e -> effects.incrementAndGet())).isFalse();

        assertThat(effects).hasValue(1);
    }

    @Test
    void letsEachConsumerProcessTheSameEventOnce() {
        var event = event();
        var effects = new AtomicInteger();

        inbox.processOnce("loyalty", event, e -> effects.incrementAndGet());
        inbox.processOnce("mailer", event, e -> effects.incrementAndGet());

        assertThat(effects).hasValue(2);
    }

    @Test
    void forgetsTheEventWhenTheEffectFailsSoTheRedeliveryAppliesIt() {
        var event = event();
        jdbc.sql("create table if not exists inbox_effect (event_id uuid primary key)").update();

        assertThatThrownBy(() -> inbox.processOnce("writer", event, e -> {
            jdbc.sql("insert into inbox_effect values (?)").param(e.id()).update();
            throw new IllegalStateException("downstream failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(effects(event)).isZero();

        assertThat(inbox.processOnce("writer", event,
                e -> jdbc.sql("insert into inbox_effect values (?)").param(e.id()).update())).isTrue();
        assertThat(effects(event)).isEqualTo(1);
    }

    private long effects(EventEnvelope event) {
        return jdbc.sql("select count(*) from inbox_effect where event_id = ?").param(event.id())
                .query(Long.class).single();
    }
}
