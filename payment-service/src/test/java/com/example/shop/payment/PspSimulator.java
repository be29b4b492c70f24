package com.example.shop.payment;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.example.shop.psp.PspSimulatorApplication;
import com.example.shop.psp.idempotency.IdempotencyKeys;
import com.example.shop.psp.intents.PaymentIntent;
import com.example.shop.psp.intents.PaymentIntents;
import com.example.shop.psp.refunds.Refund;
import com.example.shop.psp.refunds.Refunds;

/**
 * The real psp-simulator, started in this JVM on a free port, so tests see what the provider saw: its intents
 * and how many requests each idempotency key brought.
 */
public final class PspSimulator implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private PspSimulator(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts a simulator; {@code settings} are extra {@code name=value} properties such as {@code psp.latency=1s}. */
    public static PspSimulator start(String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.shutdown=immediate",
                "--spring.application.name=psp-simulator",
                // This test classpath carries payment-service's application.yml, JDBC, Flyway and messaging; the
                // simulator reads none of that and keeps its defaults.
                "--spring.config.name=psp-simulator-in-tests",
                "--spring.autoconfigure.exclude="
                        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
                        + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration,"
                        + "com.example.shop.platform.messaging.MessagingAutoConfiguration"));
        for (String setting : settings) {
            args.add("--" + setting);
        }
        return new PspSimulator(new SpringApplicationBuilder(PspSimulatorApplication.class).run(args.toArray(String[]::new)));
    }

    public String url() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The intents created for an order (the shop puts the order id into the intent's metadata). */
    public List<PaymentIntent> intentsOf(Object orderId) {
        return context.getBean(PaymentIntents.class).findByOrderId(orderId.toString());
    }

    /** The intent as the provider has it now. */
    public PaymentIntent intent(String id) {
        return context.getBean(PaymentIntents.class).find(id).orElseThrow();
    }

    /** The refunds the provider made of an intent. */
    public List<Refund> refundsOf(String intentId) {
        return context.getBean(Refunds.class).list(intentId, null);
    }

    /** How many requests (create, capture, cancel, refund) arrived with this idempotency key. */
    public int requestsWithKey(Object key) {
        return context.getBean(IdempotencyKeys.class).requests(key.toString());
    }

    @Override
    public void close() {
        context.close();
    }
}
