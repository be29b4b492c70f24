package com.example.shop.platform.observability;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The current span's context as a W3C {@code traceparent} value, for work that leaves the thread and is picked up
 * later by someone else: the outbox stores it with each row, and the relay puts it on the Kafka record, so the
 * consumers' spans join the trace of the request that wrote the row.
 */
public final class TraceParents {

    /** The header (and column value) format: W3C Trace Context. */
    public static final String HEADER = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceParents(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** No tracing: nothing is ever current. */
    public static TraceParents none() {
        return new TraceParents(Tracer.NOOP, Propagator.NOOP);
    }

    /** The {@code traceparent} of the span current on this thread, or {@code null} when there is none. */
    public String current() {
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(4);
        propagator.inject(context, carrier, Map::put);
        return carrier.get(HEADER);
    }
}
