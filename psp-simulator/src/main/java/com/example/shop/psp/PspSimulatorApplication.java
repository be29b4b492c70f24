package com.example.shop.psp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A stand-in for an external payment provider: a small, Stripe-like payment-intents API that honours
 * idempotency keys, with switchable latency and failures for tests and demos. Everything is kept in memory.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PspSimulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(PspSimulatorApplication.class, args);
    }
}
