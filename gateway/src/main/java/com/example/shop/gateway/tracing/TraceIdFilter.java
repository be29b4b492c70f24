package com.example.shop.gateway.tracing;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import reactor.core.publisher.Mono;

/**
 * Tells the caller the trace of its request in {@code X-Trace-Id}, so whoever placed an order can open that
 * order's trace in Zipkin ({@code /zipkin/traces/<id>}). Only for a sampled trace: an id that was never recorded
 * would lead nowhere. The trace is the one the gateway's server span belongs to: a new one, or the caller's own
 * when it sent a W3C {@code traceparent}.
 */
@Component
public class TraceIdFilter implements WebFilter, Ordered {

    /** The response header that carries the trace id. */
    public static final String HEADER = "X-Trace-Id";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(observation -> observation.<TracingContext>get(TracingContext.class))
                .map(TracingContext::getSpan)
                .map(Span::context)
                .filter(context -> Boolean.TRUE.equals(context.sampled()))
                .ifPresent(context -> exchange.getResponse().getHeaders().set(HEADER, context.traceId()));
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        // Right after the request id, so even a 401 or a 404 from the path guard names its trace.
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
