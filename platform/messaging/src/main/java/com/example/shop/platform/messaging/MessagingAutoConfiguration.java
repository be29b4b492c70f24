package com.example.shop.platform.messaging;

import java.time.Clock;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import tools.jackson.databind.json.JsonMapper;

/** Wires the outbox, its relay, the inbox and the listeners' error handling into every service. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Events events(JsonMapper json) {
        return new Events(json);
    }

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbc, PlatformTransactionManager txManager, KafkaTemplate<String, String> kafka,
            MessagingProperties properties) {
        return new OutboxRelay(jdbc, new TransactionTemplate(txManager), kafka, properties.relay());
    }

    @Bean
    Outbox outbox(JdbcClient jdbc, Events events, Environment environment, ObjectProvider<Clock> clock,
            OutboxRelay relay) {
        String source = environment.getProperty("spring.application.name", "unknown");
        return new Outbox(jdbc, events, source, clock.getIfAvailable(Clock::systemUTC), relay::wakeUp);
    }

    @Bean
    Inbox inbox(JdbcClient jdbc, PlatformTransactionManager txManager) {
        return new Inbox(jdbc, new TransactionTemplate(txManager));
    }

    /**
     * Retries a failing record a bounded number of times, then parks it on {@code <topic>-dlt} so one poison
     * message cannot stall its partition. Malformed events go there at once. A record that failed because the
     * database is unreachable is retried with growing pauses for as long as the outage lasts: the event is
     * valid, and nothing behind it could be processed anyway.
     */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> kafka, MessagingProperties properties) {
        var consumer = properties.consumer();
        var handler = new DefaultErrorHandler(new DeadLetterPublishingRecoverer(kafka),
                new FixedBackOff(consumer.retryInterval().toMillis(), consumer.maxRetries()));
        handler.addNotRetryableExceptions(Events.MalformedEventException.class);
        handler.setBackOffFunction((record, ex) -> {
            if (!isOutage(ex)) {
                return null;
            }
            var outage = new ExponentialBackOff(consumer.outageInitialInterval().toMillis(), 2.0);
            outage.setMaxInterval(consumer.outageMaxInterval().toMillis());
            return outage;
        });
        return handler;
    }

    /** The database (or the connection to it) is down, as opposed to this record being wrong. */
    static boolean isOutage(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || cause instanceof CannotCreateTransactionException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Producer timeouts that fit the relay: a send that cannot even be queued fails within seconds, and the
     * producer gives up on a record before the relay stops waiting for it, so a retried batch never races
     * copies of itself still queued in the producer.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer outboxProducerTimeouts(MessagingProperties properties) {
        long sendTimeout = properties.relay().sendTimeout().toMillis();
        long requestTimeout = Math.min(10_000, sendTimeout / 3);
        return factory -> factory.updateConfigs(Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Math.min(5_000, sendTimeout / 3),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) requestTimeout,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(requestTimeout + 1_000, sendTimeout - 2_000),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"));
    }
}
