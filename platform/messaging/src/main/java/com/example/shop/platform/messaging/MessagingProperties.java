package com.example.shop.platform.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the messaging library ({@code shop.messaging.*}).
 *
 * @param relay how the outbox relay polls and publishes
 * @param consumer how listeners retry before a message goes to the dead-letter topic
 * @param deadLetters how the {@code deadletters} actuator endpoint inspects and redrives dead letters
 */
@ConfigurationProperties("shop.messaging")
public record MessagingProperties(@DefaultValue Relay relay, @DefaultValue Consumer consumer,
        @DefaultValue DeadLetters deadLetters) {

    public record Relay(@DefaultValue("true") boolean enabled, @DefaultValue("500ms") Duration pollInterval,
            @DefaultValue("200") int batchSize, @DefaultValue("30s") Duration sendTimeout,
            @DefaultValue("7d") Duration retention) {
    }

    /**
     * @param retryInterval pause between retries of a record whose processing failed
     * @param maxRetries retries before such a record goes to the dead-letter topic
     * @param outageInitialInterval first pause when the failure is the database being unreachable; those
     *     records are retried without limit, since parking them would lose events that are perfectly valid
     * @param outageMaxInterval longest pause between such retries
     */
    public record Consumer(@DefaultValue("500ms") Duration retryInterval, @DefaultValue("8") int maxRetries,
            @DefaultValue("500ms") Duration outageInitialInterval, @DefaultValue("30s") Duration outageMaxInterval) {
    }

    /**
     * @param role the role a caller of the {@code deadletters} endpoint needs (checked by the endpoint itself,
     *     on top of whatever the service's security asks of {@code /actuator/**})
     * @param exposed whether the messaging library adds {@code deadletters} to
     *     {@code management.endpoints.web.exposure.include}; read by {@link DeadLettersExposure}
     * @param inspectLimit how many records per dead-letter topic an inspection lists
     * @param valuePreview how many characters of each value an inspection shows
     * @param readTimeout how long an inspection or a redrive may spend reading one dead-letter topic
     */
    public record DeadLetters(@DefaultValue("ADMIN") String role, @DefaultValue("true") boolean exposed,
            @DefaultValue("20") int inspectLimit, @DefaultValue("500") int valuePreview,
            @DefaultValue("30s") Duration readTimeout) {
    }
}
