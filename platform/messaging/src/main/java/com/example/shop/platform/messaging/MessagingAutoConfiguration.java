package com.example.shop.platform.messaging;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
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
     * Retries a failing record a bounded number of times, then parks it on {@code <topic>.DLT} so one poison
     * message cannot stall its partition. Malformed events go there at once.
     */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> kafka, MessagingProperties properties) {
        var consumer = properties.consumer();
        var handler = new DefaultErrorHandler(new DeadLetterPublishingRecoverer(kafka),
                new FixedBackOff(consumer.retryInterval().toMillis(), consumer.maxRetries()));
        handler.addNotRetryableExceptions(Events.MalformedEventException.class);
        return handler;
    }
}
