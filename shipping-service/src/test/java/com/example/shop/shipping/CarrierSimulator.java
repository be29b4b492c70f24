package com.example.shop.shipping;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.example.shop.carrier.CarrierSimulatorApplication;
import com.example.shop.carrier.labels.Label;
import com.example.shop.carrier.labels.Labels;
import com.example.shop.carrier.trackers.Trackers;

/**
 * The real carrier-simulator, started in this JVM, so tests see what the carrier saw: the labels bought for an
 * order, and a hand on each parcel's progress.
 */
public final class CarrierSimulator implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private CarrierSimulator(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts a simulator on a free port, or on {@code server.port=<port>} when given among the {@code settings}
     * ({@code name=value} properties such as {@code carrier.transit-time=1h}).
     */
    public static CarrierSimulator start(String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--server.shutdown=immediate",
                "--spring.application.name=carrier-simulator",
                // This test classpath carries shipping-service's application.yml, JDBC, Flyway, Kafka and the
                // outbox; the simulator reads none of that and keeps its defaults.
                "--spring.config.name=carrier-simulator-in-tests",
                "--spring.autoconfigure.exclude="
                        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
                        + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration,"
                        + "com.example.shop.platform.messaging.MessagingAutoConfiguration"));
        if (List.of(settings).stream().noneMatch(setting -> setting.startsWith("server.port="))) {
            args.add("--server.port=0");
        }
        for (String setting : settings) {
            args.add("--" + setting);
        }
        return new CarrierSimulator(new SpringApplicationBuilder(CarrierSimulatorApplication.class)
                .run(args.toArray(String[]::new)));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** The labels bought for an order (the shop's reference is the order id). */
    public List<Label> labelsOf(Object orderId) {
        return context.getBean(Labels.class).findByReference(orderId.toString());
    }

    /** Moves a parcel on by one step now. */
    public void advance(String trackingNumber) {
        context.getBean(Trackers.class).advance(trackingNumber).orElseThrow();
    }

    @Override
    public void close() {
        context.close();
    }
}
