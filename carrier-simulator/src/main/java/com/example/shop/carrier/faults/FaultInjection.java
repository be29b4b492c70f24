package com.example.shop.carrier.faults;

import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.example.shop.carrier.SimulatorProperties;

/**
 * Makes the provider slow ({@code carrier.latency}) or flaky ({@code carrier.failure-rate}) for every
 * {@code /v1/**} request, so clients' timeouts, retries and circuit breakers can be watched at work. An
 * injected failure happens before the request is handled, so it is not stored under the idempotency key. The
 * advance control is left alone: it is the test's hand on the clock, not part of the provider's API.
 */
@Configuration(proxyBeanMethods = false)
class FaultInjection implements WebMvcConfigurer {

    private final SimulatorProperties properties;

    FaultInjection(SimulatorProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Interceptor()).addPathPatterns("/v1/**")
                .excludePathPatterns("/v1/trackers/*/advance");
    }

    private final class Interceptor implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws Exception {
            if (properties.latency().isPositive()) {
                Thread.sleep(properties.latency());
            }
            if (properties.failureRate() > 0 && ThreadLocalRandom.current().nextDouble() < properties.failureRate()) {
                response.setStatus(500);
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.getWriter().write("""
                        {"error":{"code":"INTERNAL_SERVER_ERROR","message":"Simulated carrier failure (carrier.failure-rate)."}}""");
                return false;
            }
            return true;
        }
    }
}
