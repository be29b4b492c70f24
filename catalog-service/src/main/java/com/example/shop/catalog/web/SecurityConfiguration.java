package com.example.shop.catalog.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import com.example.shop.platform.web.ResourceServer;

/**
 * Who may call what. Reading the catalogue is open; changing it needs the ADMIN role. {@code /internal/**}
 * is open because only other services reach it: the gateway never routes it. The OpenAPI document is
 * open too.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return ResourceServer.build(http, rules -> rules
                // Stock figures and the ledger are for administrators, although other catalogue reads are open.
                .requestMatchers("/api/products/variants/*/stock", "/api/products/variants/*/stock/**").hasRole("ADMIN")
                .requestMatchers(HttpMethod.GET, "/api/products", "/api/products/**").permitAll()
                .requestMatchers("/internal/**").permitAll()
                .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**").permitAll()
                .requestMatchers("/api/products", "/api/products/**").hasRole("ADMIN")
                .anyRequest().authenticated());
    }
}
