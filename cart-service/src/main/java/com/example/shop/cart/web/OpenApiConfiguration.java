package com.example.shop.cart.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** Names the service in its OpenAPI document ({@code /v3/api-docs}) and declares how callers identify the cart. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI cartOpenApi() {
        return new OpenAPI()
                .info(new Info().title("cart-service").version("v1").description("""
                        One cart per customer (bearer JWT from customer-service) or per guest (the opaque \
                        X-Cart-Token returned when a guest cart is created); a guest cart is merged into the \
                        customer's on the first request that carries both. Every read revalidates the lines \
                        against the catalogue's current prices and stock."""))
                .components(new Components()
                        .addSecuritySchemes("bearer",
                                new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"))
                        .addSecuritySchemes("cartToken", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name(SecurityConfiguration.CART_TOKEN)));
    }
}
