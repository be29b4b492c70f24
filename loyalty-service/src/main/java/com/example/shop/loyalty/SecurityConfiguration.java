package com.example.shop.loyalty;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import com.example.shop.platform.web.ResourceServer;

/**
 * {@code /internal/**} is open: the gateway never routes it, and order-service's recovery job and
 * customer-service's export call it without a customer token. The admin API needs role ADMIN; everything else
 * (the customer's own loyalty) a valid JWT.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return ResourceServer.build(http, rules -> rules
                .requestMatchers("/internal/**").permitAll()
                .requestMatchers("/api/admin/**").hasRole("ADMIN")
                .anyRequest().authenticated());
    }
}
