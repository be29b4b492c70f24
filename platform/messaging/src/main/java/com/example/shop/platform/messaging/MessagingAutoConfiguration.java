package com.example.shop.platform.messaging;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import com.example.shop.platform.observability.TraceParents;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

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
            OutboxRelay relay, ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        String source = environment.getProperty("spring.application.name", "unknown");
        TraceParents traceParents = new TraceParents(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
        return new Outbox(jdbc, events, source, clock.getIfAvailable(Clock::systemUTC), relay::wakeUp, traceParents);
    }

    @Bean
    Inbox inbox(JdbcClient jdbc, PlatformTransactionManager txManager) {
        return new Inbox(jdbc, new TransactionTemplate(txManager));
    }

    /**
     * The producer of dead letters and redriven records: the service's producer settings, but keys and values
     * written as they are, since a record that could not be deserialized is parked as its raw bytes.
     */
    @Bean
    DeadLetterProducer deadLetterProducer(ProducerFactory<?, ?> producerFactory) {
        return new DeadLetterProducer(producerFactory.getConfigurationProperties());
    }

    /**
     * Retries a failing record a bounded number of times, then parks it on its consumer group's own
     * dead-letter topic {@code <topic>.<group>-dlt} so one poison message cannot stall its partition, and
     * the other groups of the topic, which may well have processed it, are not involved. Malformed events
     * (and records that could not be deserialized) go there at once. A record that failed because the
     * database is unreachable is retried with growing pauses for as long as the outage lasts: the event is
     * valid, and nothing behind it could be processed anyway.
     *
     * <p>The dead letter keeps its key and headers, and gains spring-kafka's {@code kafka_dlt-original-topic},
     * {@code -partition}, {@code -offset}, {@code -timestamp}, {@code -consumer-group} and
     * {@code kafka_dlt-exception-fqcn}, {@code -cause-fqcn}, {@code -message}, {@code -stacktrace}. Kafka
     * chooses its partition from the key rather than copying the original partition number, so a
     * dead-letter topic with fewer partitions than its source still takes every record.
     */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kafkaErrorHandler(DeadLetterProducer deadLetterProducer, MessagingProperties properties) {
        var consumer = properties.consumer();
        var recoverer = new DeadLetterPublishingRecoverer(deadLetterProducer.template(),
                (record, ex) -> new TopicPartition(deadLetterTopic(record.topic()), -1));
        var handler = new DefaultErrorHandler(recoverer,
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

    /** Recovery runs on the listener container's consumer thread, which knows its consumer group. */
    static String deadLetterTopic(String topic) {
        String group = KafkaUtils.getConsumerGroupId();
        // Only a record recovered outside any listener container has no group; it keeps the old shared name.
        return group == null ? topic + "-dlt" : DeadLetters.topicFor(topic, group);
    }

    /**
     * Wraps the consumer's deserializers in spring-kafka's {@code ErrorHandlingDeserializer}, so a record
     * whose key or value cannot be deserialized reaches the error handler (and the dead-letter topic, at once)
     * instead of failing every poll of its partition. Boot's default {@code StringDeserializer} is replaced
     * by {@link StrictStringDeserializer}, which refuses bytes that are not UTF-8 rather than mangling them;
     * a deserializer the service configured itself is kept as the delegate.
     */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer errorHandlingDeserializers() {
        return factory -> {
            Map<String, Object> configs = factory.getConfigurationProperties();
            var updates = new HashMap<String, Object>();
            wrapDeserializer(configs, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                    ErrorHandlingDeserializer.KEY_DESERIALIZER_CLASS, updates);
            wrapDeserializer(configs, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                    ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, updates);
            factory.updateConfigs(updates);
        };
    }

    private static void wrapDeserializer(Map<String, Object> configs, String key, String delegateKey,
            Map<String, Object> updates) {
        Object current = configs.get(key);
        if (is(current, ErrorHandlingDeserializer.class)) {
            return;
        }
        updates.put(key, ErrorHandlingDeserializer.class);
        updates.put(delegateKey,
                current == null || is(current, StringDeserializer.class) ? StrictStringDeserializer.class : current);
    }

    private static boolean is(Object configured, Class<?> type) {
        return configured == type || type.getName().equals(configured);
    }

    @Bean
    DeadLetters deadLetters(ConsumerFactory<?, ?> consumerFactory,
            ObjectProvider<KafkaListenerEndpointRegistry> registry, DeadLetterProducer producer,
            MessagingProperties properties) {
        return new DeadLetters(() -> {
            KafkaListenerEndpointRegistry containers = registry.getIfAvailable();
            return containers == null ? List.of() : List.copyOf(containers.getAllListenerContainers());
        }, consumerFactory.getConfigurationProperties(), producer.template(), properties.deadLetters());
    }

    /** The actuator endpoint, only where actuator is on the classpath (every servlet service has it). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint")
    static class DeadLettersEndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        DeadLettersEndpoint deadLettersEndpoint(DeadLetters deadLetters, MessagingProperties properties) {
            return new DeadLettersEndpoint(deadLetters, properties.deadLetters().role());
        }
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
