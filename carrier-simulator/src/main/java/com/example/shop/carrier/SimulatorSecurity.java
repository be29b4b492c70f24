package com.example.shop.carrier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The simulator stands for a logistics provider reached with an API key; it checks none, so every path is open.
 * Without this chain the resource-server starter that comes with web-support would demand a JWT.
 */
@Configuration(proxyBeanMethods = false)
class SimulatorSecurity {

    @Bean
    SecurityFilterChain openToEveryone(HttpSecurity http) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .build();
    }
}
