package com.example.shop.gateway.security;

import java.time.Clock;
import java.time.Duration;

import io.netty.channel.ChannelOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * Validates tokens against customer-service's JWKS. The key set is fetched on the first token (and again when
 * a token names an unknown key), never at startup. Fetching has its own timeouts so a hanging customer-service
 * cannot hold requests, and a failed fetch surfaces as "cannot check tokens now" (503) rather than as an
 * unexpected error or as the caller's fault.
 */
@Configuration(proxyBeanMethods = false)
class JwtDecoderConfiguration {

    @Bean
    ReactiveJwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
            @Value("${shop.security.issuer:shop-customer-service}") String issuer,
            @Value("${shop.security.verified-tokens:1000}") int verifiedTokens) {
        HttpClient httpClient = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1000)
                .responseTimeout(Duration.ofSeconds(3));
        WebClient webClient = WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient)).build();
        NimbusReactiveJwtDecoder delegate = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri).webClient(webClient).build();
        // Signature and expiry alone would accept a token any other issuer signed with a key we publish.
        delegate.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
        // A JwtException that is not a BadJwtException becomes an AuthenticationServiceException in Spring Security,
        // which ProblemJsonErrorHandler answers with 503.
        ReactiveJwtDecoder decoder = token -> delegate.decode(token)
                .onErrorMap(ex -> !(ex instanceof JwtException),
                        ex -> new JwtException("Could not obtain the keys to validate the token", ex));
        // Each token's signature once, not on every request of the session (0: every request).
        return verifiedTokens > 0 ? new VerifiedTokenCache(decoder, verifiedTokens, Clock.systemUTC()) : decoder;
    }
}
