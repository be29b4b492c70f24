package com.example.shop.catalog.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** Names the service in its OpenAPI document ({@code /v3/api-docs}) and declares the bearer token the admin calls need. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI catalogOpenApi() {
        return new OpenAPI()
                .info(new Info().title("catalog-service").version("v1").description("""
                        Products with variants, categories, full-text search with filters and facets (public reads); \
                        administration with role ADMIN (bearer JWT from customer-service); stock reservations for \
                        order-service (moved along the order lifecycle by order events), the product lookup for \
                        cart-service and the variant weights for shipping under /internal (never routed by the \
                        gateway)."""))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }
}
