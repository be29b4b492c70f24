package com.example.shop.cart.web;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import com.example.shop.platform.web.ResourceServer;

/**
 * Who may use a cart endpoint. A cart is a customer's (bearer token) or a guest's ({@code X-Cart-Token}); a
 * request with neither may only start a new guest cart ({@code POST /api/cart}, {@code POST /api/cart/items}),
 * everything else without either is 401. Merging needs a customer. A bearer token that is sent is always
 * verified: an invalid one is 401 even where a guest would be let in. {@code /internal/**} is open like in
 * every service: the gateway never routes it.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CART_TOKEN = "X-Cart-Token";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return ResourceServer.build(http, rules -> rules
                .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**").permitAll()
                // Internal calls come from other services, never through the gateway, and carry no customer token.
                .requestMatchers("/internal/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/cart/merge").authenticated()
                .requestMatchers(HttpMethod.POST, "/api/cart", "/api/cart/items").permitAll()
                .requestMatchers("/api/cart", "/api/cart/**").access(customerOrGuest())
                .anyRequest().authenticated());
    }

    private static AuthorizationManager<RequestAuthorizationContext> customerOrGuest() {
        return (Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) ->
                new AuthorizationDecision(isCustomer(authentication.get()) || hasCartToken(context.getRequest()));
    }

    private static boolean isCustomer(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    private static boolean hasCartToken(HttpServletRequest request) {
        String token = request.getHeader(CART_TOKEN);
        return token != null && !token.isBlank();
    }
}
