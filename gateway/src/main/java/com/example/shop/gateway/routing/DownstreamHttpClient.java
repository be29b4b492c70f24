package com.example.shop.gateway.routing;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the gateway reaches the services. Addresses are looked up again after a few seconds: a service that
 * comes back (a restarted container, a new replica) often has a new address, and Reactor Netty would
 * otherwise keep the old one for as long as the DNS server allows (ten minutes with Docker's), answering
 * 503 for a service that is up.
 */
@Configuration(proxyBeanMethods = false)
class DownstreamHttpClient {

    @Bean
    HttpClientCustomizer shortLivedDnsAnswers(@Value("${shop.gateway.dns-cache-ttl:5s}") Duration ttl) {
        return client -> client.resolver(spec -> spec.cacheMaxTimeToLive(ttl).cacheNegativeTimeToLive(Duration.ZERO));
    }
}
