package com.example.shop.platform.observability;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * How every service and the gateway trace, written down once. They are defaults: added last, so a service's own
 * {@code application.yml}, the environment ({@code ./shop} and compose set the Zipkin ones) or a test can change
 * any of them.
 *
 * <ul>
 * <li>{@code management.tracing.sampling.probability} 1.0: every request is traced, so the order a user just
 * placed is always there to see. A trace a caller started ({@code traceparent} with its sampled flag) is followed
 * either way; lower it with {@code MANAGEMENT_TRACING_SAMPLING_PROBABILITY}.</li>
 * <li>W3C {@code traceparent} in and out ({@code management.tracing.propagation.type}).</li>
 * <li>Spans go to the Zipkin that {@code SHOP_ZIPKIN_URL} names ({@code ./shop up} and compose set it, like the
 * database's and Kafka's addresses), in batches, off the request threads. Without it nothing leaves the process
 * ({@code management.tracing.export.zipkin.enabled} false): a test or a service run alone sends nowhere.</li>
 * <li>{@code spring.kafka.listener.observation-enabled} true: a listener's work is a span whose parent is the
 * {@code traceparent} header of the record, which the outbox relay copies from the row the publishing
 * transaction wrote. The template's observation stays off: the relay publishes long after (or in another
 * process run than) the request that wrote the row, and the record must carry that request's context, not the
 * relay's.</li>
 * <li>{@code management.observations.enable.spring.security} false: Spring Security observes each half of its
 * filter chain, each authentication and each authorization; as spans they were four more per hop (most of an
 * order's trace) that show nothing the hop's own span does not, and each costs CPU on every request.</li>
 * </ul>
 */
public class TracingDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "shopTracingDefaults";

    /** The Zipkin server, for example {@code http://127.0.0.1:9411}; none: spans are not sent. */
    static final String ZIPKIN_URL = "SHOP_ZIPKIN_URL";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("management.tracing.sampling.probability", "1.0");
        defaults.put("management.tracing.propagation.type", "w3c");
        String zipkin = environment.getProperty(ZIPKIN_URL, "").strip();
        defaults.put("management.tracing.export.zipkin.enabled", String.valueOf(!zipkin.isEmpty()));
        if (!zipkin.isEmpty()) {
            defaults.put("management.tracing.export.zipkin.endpoint",
                    zipkin.replaceAll("/+$", "") + "/api/v2/spans");
        }
        defaults.put("spring.kafka.listener.observation-enabled", "true");
        defaults.put("spring.kafka.template.observation-enabled", "false");
        defaults.put("management.observations.enable.spring.security", "false");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }
}
