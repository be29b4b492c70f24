package com.example.shop.carrier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A stand-in for an external logistics provider: an EasyPost/Shippo-like API with rates from a few simulated
 * carriers, labels bought under idempotency keys, and trackers that move from LABEL_CREATED to DELIVERED as
 * time passes (or on request). Switchable latency and failures for tests and demos. Everything is in memory.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CarrierSimulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(CarrierSimulatorApplication.class, args);
    }
}
