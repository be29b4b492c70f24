package com.example.shop.customer.identity.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import com.example.shop.platform.web.ResourceServer;

/**
 * Open: registration, login, the JWKS, surveys and unsubscribe links (their tokens are the credential) and
 * {@code /internal/**} (never routed by the gateway; network isolation guards it). {@code /api/admin/**} needs
 * role ADMIN; everything else one of this service's tokens. A bearer token that is sent is verified even on open
 * paths.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return ResourceServer.build(http, authorize -> authorize
                .requestMatchers(HttpMethod.POST, "/api/customers", "/api/auth/token").permitAll()
                .requestMatchers(HttpMethod.GET, "/.well-known/jwks.json").permitAll()
                .requestMatchers("/api/surveys/**", "/api/customers/unsubscribe", "/internal/**").permitAll()
                .requestMatchers("/api/admin/**").hasRole("ADMIN")
                .anyRequest().authenticated());
    }
}
