package com.example.shop.platform.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import com.example.shop.platform.web.ResourceServer;

/** The security every service has: only health and info are open, the rest of actuator needs a token. */
@Configuration(proxyBeanMethods = false)
@Profile(FlakyInboxListener.PROFILE)
class EndpointSecurity {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return ResourceServer.build(http, rules -> rules.anyRequest().authenticated());
    }
}
