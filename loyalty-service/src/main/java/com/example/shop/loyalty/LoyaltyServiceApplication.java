package com.example.shop.loyalty;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A04 Loyalty: keeps a points ledger per customer, earns points on confirmed orders, holds and spends them in
 * checkout, takes them back on cancellations and refunds, expires them, and publishes every movement on
 * {@code loyalty-events}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LoyaltyServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(LoyaltyServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
