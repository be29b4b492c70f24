package com.example.shop.notification.email.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import com.example.shop.platform.web.ResourceServer;

/**
 * Every endpoint but health needs a customer token. {@code /internal/**} is open, as in the other services: the
 * gateway never routes it, and customer-service's personal-data export calls it without a customer's token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return ResourceServer.build(http, authorize -> authorize
                .requestMatchers("/internal/**").permitAll()
                .anyRequest().authenticated());
    }
}
