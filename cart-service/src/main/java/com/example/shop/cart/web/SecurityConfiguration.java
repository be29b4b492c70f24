package com.example.shop.cart.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import com.example.shop.platform.web.ResourceServer;

/** Every cart endpoint needs a customer's token: a cart is always the caller's own. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return ResourceServer.build(http, rules -> rules.anyRequest().authenticated());
    }
}
