package com.example.shop.psp.faults;

import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;


/**
 * Makes the provider slow or flaky for every {@code /v1/**} request, as {@link FaultSettings} says at the time
 * (from {@code psp.latency} and {@code psp.failure-rate}, changeable at runtime), so clients' timeouts, retries and circuit breakers can be watched at work. An injected failure
 * happens before the request is handled, so it is not stored under the idempotency key.
 */
@Configuration(proxyBeanMethods = false)
class FaultInjection implements WebMvcConfigurer {

    private final FaultSettings settings;

    FaultInjection(FaultSettings settings) {
        this.settings = settings;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Interceptor()).addPathPatterns("/v1/**");
    }

    private final class Interceptor implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws Exception {
            FaultSettings.Faults faults = settings.current();
            if (faults.latency().isPositive()) {
                Thread.sleep(faults.latency());
            }
            if (faults.failureRate() > 0 && ThreadLocalRandom.current().nextDouble() < faults.failureRate()) {
                response.setStatus(500);
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.getWriter().write("""
                        {"error":{"type":"api_error","message":"Simulated provider failure (failure rate)."}}""");
                return false;
            }
            return true;
        }
    }
}
