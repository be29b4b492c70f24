package com.example.shop.order.ordering.client;

import java.net.http.HttpClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** One RestClient per service, each with connect and read timeouts so a slow service cannot hang a checkout. */
@Configuration(proxyBeanMethods = false)
class ClientsConfiguration {

    @Bean
    CatalogInventory catalogInventory(RestClient.Builder builder, ClientProperties properties) {
        return new CatalogInventory(client(builder, properties, properties.catalogUrl().toString()),
                attempts(properties));
    }

    @Bean
    PaymentServicePayments paymentServicePayments(RestClient.Builder builder, ClientProperties properties) {
        return new PaymentServicePayments(client(builder, properties, properties.paymentUrl().toString()),
                attempts(properties));
    }

    @Bean
    CatalogVariants catalogVariants(RestClient.Builder builder, ClientProperties properties) {
        return new CatalogVariants(client(builder, properties, properties.catalogUrl().toString()),
                attempts(properties));
    }

    @Bean
    ShippingServiceShipping shippingServiceShipping(RestClient.Builder builder, ClientProperties properties) {
        return new ShippingServiceShipping(client(builder, properties, properties.shippingUrl().toString()),
                attempts(properties));
    }

    @Bean
    LoyaltyServiceLoyalty loyaltyServiceLoyalty(RestClient.Builder builder, ClientProperties properties) {
        return new LoyaltyServiceLoyalty(client(builder, properties, properties.loyaltyUrl().toString()),
                attempts(properties));
    }

    @Bean
    CartServiceCarts cartServiceCarts(RestClient.Builder builder, ClientProperties properties) {
        return new CartServiceCarts(client(builder, properties, properties.cartUrl().toString()),
                attempts(properties));
    }

    private static RestClient client(RestClient.Builder builder, ClientProperties properties, String baseUrl) {
        // HTTP/1.1 only: the JDK client would otherwise try an h2c upgrade that some servers mishandle.
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .build();
        var requestFactory = new JdkClientHttpRequestFactory(http);
        requestFactory.setReadTimeout(properties.readTimeout());
        return builder.clone().baseUrl(baseUrl).requestFactory(requestFactory).build();
    }

    private static Attempts attempts(ClientProperties properties) {
        return new Attempts(properties.maxAttempts(), properties.retryBackoff());
    }
}
