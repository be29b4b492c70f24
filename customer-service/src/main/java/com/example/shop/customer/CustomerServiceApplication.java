package com.example.shop.customer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A01 CRM and D02 voice of the customer: customer accounts and the shop's token issuer, address book, consent and
 * notification preferences, personal-data export and deletion, satisfaction surveys.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CustomerServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CustomerServiceApplication.class, args);
    }
}
