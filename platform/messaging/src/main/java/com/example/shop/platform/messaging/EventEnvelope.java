package com.example.shop.platform.messaging;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * What travels on every topic: a small, stable envelope around the event's own data.
 *
 * <p>{@code type} is the stable wire name ({@code order.confirmed.v1}), never a Java class name;
 * {@code subject} is the id of the aggregate the event is about and is also the Kafka key.
 */
public record EventEnvelope(UUID id, String type, String source, Instant time, String subject, JsonNode data) {
}
