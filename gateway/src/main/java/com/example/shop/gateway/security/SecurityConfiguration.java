package com.example.shop.gateway.security;

import java.util.Collection;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import reactor.core.publisher.Mono;

/**
 * The gateway checks every bearer token before routing (the services check it again). The cart routes are open
 * so that guests can shop with a cart token; a bearer token sent to them is still verified. Stateless: no session,
 * no CSRF token, no saved requests. The JWKS is read from {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}
 * on the first token, not at startup.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http) {
        var handlers = new ProblemJsonSecurityHandlers();
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchange -> exchange
                        .pathMatchers(HttpMethod.POST, "/api/customers", "/api/auth/token").permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/products", "/api/products/**").permitAll()
                        // Guests fill carts before they have an account: cart-service decides, per request, whether
                        // a bearer token or its own X-Cart-Token is needed. A bearer token that is sent is still
                        // checked here (an invalid one is 401 before routing).
                        .pathMatchers("/api/cart", "/api/cart/**").permitAll()
                        // A survey answer and an unsubscribe come from a link in an e-mail: the token in the link is
                        // the credential, checked by customer-service.
                        .pathMatchers("/api/surveys/**", "/api/customers/unsubscribe").permitAll()
                        .pathMatchers("/api/admin/**").hasRole("ADMIN")
                        .pathMatchers("/api/**").authenticated()
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .pathMatchers("/actuator/**").hasRole("ADMIN")
                        // Nothing outside /api is routed: such paths end in a 404 problem, with or without a token.
                        .anyExchange().permitAll())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authenticationConverter()))
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .build();
    }

    /**
     * Picked up by {@code @EnableWebFluxSecurity} for its {@code WebFilterChainProxy}: the firewall's refusals are
     * problems like every other refusal of the gateway.
     */
    @Bean
    ServerExchangeRejectedHandler firewallRejectionProblems() {
        return new FirewallRejectionProblems();
    }

    private static Converter<Jwt, Mono<AbstractAuthenticationToken>> authenticationConverter() {
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(SecurityConfiguration::roles);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    /** The {@code roles} claim as {@code ROLE_*} authorities, the same mapping the services use. */
    static Collection<GrantedAuthority> roles(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        if (roles == null) {
            return List.of();
        }
        return roles.stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }
}
