package com.example.shop.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;

/** Registers the problem-details handler and the token issuer check in every servlet service. */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebSupportAutoConfiguration {

    @Bean
    ProblemDetailsHandler problemDetailsHandler() {
        return new ProblemDetailsHandler();
    }

    /**
     * Only tokens that customer-service issued: Boot adds every {@code OAuth2TokenValidator<Jwt>} bean to the
     * resource server's checks of signature and expiry.
     */
    @Bean
    OAuth2TokenValidator<Jwt> shopIssuerValidator(@Value("${shop.security.issuer:shop-customer-service}") String issuer) {
        return new JwtIssuerValidator(issuer);
    }
}
