package com.example.shop.customer.identity.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import com.example.shop.platform.web.ResourceServer;

/** Registration, login and the JWKS are open; everything else needs one of this service's tokens. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return ResourceServer.build(http, authorize -> authorize
                .requestMatchers(HttpMethod.POST, "/api/customers", "/api/auth/token").permitAll()
                .requestMatchers(HttpMethod.GET, "/.well-known/jwks.json").permitAll()
                .anyRequest().authenticated());
    }
}
