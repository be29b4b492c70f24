package com.example.shop.shipping;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * E03 LSP adapter: quotes shipping, buys one label per order from the logistics provider, and follows each
 * parcel until it is delivered, publishing what happens on {@code shipment-events}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ShippingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShippingServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
